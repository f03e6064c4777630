import type { Token } from './markdown-parser';

/** One block of parsed markdown with its nested blocks; paragraphs, headings and cells carry their inline token. */
export interface BlockNode {
  /** The token type without `_open`: `paragraph`, `bullet_list`, `list_item`, `fence`, `html_block`, `tr`, `td`, … */
  type: string;
  /** The opening token, or the only one for leaves (fence, html_block, hr, code_block). */
  token: Token;
  children: BlockNode[];
  inline?: Token;
}

/** Folds markdown-it's flat block token stream into a tree, which is easier to convert recursively. */
export function blockTree(tokens: Token[]): BlockNode[] {
  const root: BlockNode = { type: 'root', token: tokens[0], children: [] };
  const stack: BlockNode[] = [root];
  for (const token of tokens) {
    const parent = stack[stack.length - 1];
    if (token.nesting === 1) {
      const node: BlockNode = { type: token.type.replace(/_open$/, ''), token, children: [] };
      parent.children.push(node);
      stack.push(node);
    } else if (token.nesting === -1) {
      stack.pop();
    } else if (token.type === 'inline') {
      parent.inline = token;
    } else {
      parent.children.push({ type: token.type, token, children: [] });
    }
  }
  return root.children;
}

/**
 * The block structure of sibling blocks, as a string. Markdown taken out of a quote or list item can
 * read differently on its own (a lazy continuation line, a marker-only line); comparing structures
 * tells when it does, and the construct is then written anew instead of merged.
 */
export function blockShape(nodes: BlockNode[]): string {
  return nodes.map((node) => `${node.type}(${blockShape(node.children)})`).join(',');
}
