import { STAND_IN } from './atom-stand-ins';
import { defaultLinkLabel, parseLinkTarget, resourceStorage } from './link-targets';
import type { PlaceholderSyntax } from './macro-placeholder';
import { parseInlineMarkdown, type Token } from './markdown-parser';
import { cdata, xmlElement, xmlText } from './storage-xml';
import type { WriteContext } from './write-context';

/** Inline tokens nested by their open/close pairs; `html` names an allowed HTML tag pair (`u`, `sub`, `sup`). */
interface InlineNode {
  token: Token;
  children: InlineNode[];
  html?: string;
}

/** How inline content is laid out: in a table cell a soft line break is a real one (cells are single lines). */
export interface InlineOptions {
  cell?: boolean;
}

const HTML_OPEN = /^<(u|ins|sub|sup)>$/i;
const HTML_CLOSE = /^<\/(u|ins|sub|sup)>$/i;
const HTML_BREAK = /^<br\s*\/?>$/i;
const HTML_COMMENT = /^<!--[\s\S]*-->$/;
const HTML_TAGS: Record<string, string> = { u: 'u', ins: 'u', sub: 'sub', sup: 'sup' };
const WRAPPERS: Record<string, string> = { strong_open: 'strong', em_open: 'em', s_open: 's' };
const MENTION = /@user\(([^()\s]+)\)/g;
const BREAK = '<br />';
/** Tokens whose content is text as it reads (an image's alt is parsed without joining escapes into the text). */
const PLAIN_TOKENS = new Set(['text', 'text_special', 'code_inline', 'html_inline']);

/**
 * Converts inline markdown tokens to storage. Raw HTML is escaped as text, except the few tags the
 * reader itself writes (`<u>`, `<sub>`, `<sup>`, `<br>`) and comments, which are dropped.
 */
export class InlineWriter {
  /** The original storage of each text token's atom stand-ins, in order, taken before anything is written. */
  private atoms = new Map<Token, Array<string | undefined>>();

  constructor(
    private readonly context: WriteContext,
    private readonly options: InlineOptions = {},
  ) {}

  /**
   * Storage for an inline token's children. Every stand-in takes its original first, so an edited
   * status lozenge or date written on the way takes only an original no stand-in kept.
   */
  write(tokens: Token[]): string {
    const nodes = pairHtml(nest(tokens));
    this.atoms = new Map(textTokens(nodes).map((token) => [token, standIns(token.content).map((char) => this.context.atomStorage(char))]));
    return this.nodes(nodes);
  }

  /** The plain text of inline tokens (alt text, titles), atoms back to their markdown. */
  plain(tokens: Token[]): string {
    return tokens
      .map((token) => {
        if (PLAIN_TOKENS.has(token.type)) return this.restoreMarkdown(token.content);
        if (token.type === 'image') return this.plain(token.children ?? []);
        return token.type === 'softbreak' || token.type === 'hardbreak' ? ' ' : '';
      })
      .join('');
  }

  private nodes(nodes: InlineNode[]): string {
    return nodes.map((node) => this.node(node)).join('');
  }

  private node(node: InlineNode): string {
    const { token } = node;
    if (node.html) {
      return `<${node.html}>${this.nodes(node.children)}</${node.html}>`;
    }
    const wrapper = WRAPPERS[token.type];
    if (wrapper) {
      return `<${wrapper}>${this.nodes(node.children)}</${wrapper}>`;
    }
    switch (token.type) {
      case 'text':
        return this.text(token);
      case 'softbreak':
        return this.options.cell ? BREAK : ' ';
      case 'hardbreak':
        return BREAK;
      case 'code_inline': {
        const code = this.restoreMarkdown(token.content);
        return this.context.statusLozenge(code) ?? this.code(code);
      }
      case 'html_inline':
        return this.html(token.content);
      case 'link_open':
        return this.link(token, node.children);
      case 'image':
        return this.image(token);
      case 'confluence_macro':
        return this.context.macro((token.meta as Extract<PlaceholderSyntax, { kind: 'macro' }>).placeholder, undefined);
      case 'confluence_editor': {
        const meta = token.meta as Extract<PlaceholderSyntax, { kind: 'editor' }>;
        return xmlElement('ac:placeholder', { 'ac:type': meta.type }, xmlText(meta.text));
      }
      default:
        return xmlText(this.restoreMarkdown(token.content));
    }
  }

  /**
   * A text token with atom stand-ins put back as their original storage (an atom with none left is
   * written afresh from its markdown) and `@user(id)` mentions as user links.
   */
  private text(token: Token): string {
    const atoms = this.atoms.get(token) ?? [];
    return token.content
      .split(STAND_IN)
      .map((part, index) => (index % 2 === 0 ? this.context.plainText(part, mentions) : (atoms[(index - 1) / 2] ?? this.freshAtom(part))))
      .join('');
  }

  /** An atom whose originals are all used (a comment marker repeated) as its markdown converted afresh. */
  private freshAtom(char: string): string {
    const markdown = this.context.atomMarkdown(char) ?? '';
    return new InlineWriter(this.context, this.options).write(parseInlineMarkdown(markdown)[0]?.children ?? []);
  }

  /** A code span; one of only spaces is just the spaces (the reader drops empty code). */
  private code(content: string): string {
    return content.trim() === '' ? xmlText(content) : `<code>${xmlText(content)}</code>`;
  }

  private html(content: string): string {
    if (HTML_BREAK.test(content)) return BREAK;
    if (HTML_COMMENT.test(content)) return '';
    return xmlText(this.restoreMarkdown(content));
  }

  private link(token: Token, children: InlineNode[]): string {
    const href = this.restoreMarkdown(token.attrGet('href') ?? '');
    const label = this.nodes(children);
    const plainLabel = children.every((child) => child.token.type === 'text' && !STAND_IN.test(child.token.content))
      ? this.plain(children.map((child) => child.token))
      : undefined;
    const target = parseLinkTarget(href, this.context.link);
    if (target.kind === 'url') {
      const title = token.attrGet('title') ?? undefined;
      return xmlElement('a', { href: target.url, title }, label || xmlText(target.url));
    }
    const original = this.context.originalLink(href);
    const resource = original?.resource ?? resourceStorage(target);
    const anchor = original ? original.anchor : 'anchor' in target ? target.anchor : undefined;
    let body = '';
    if (plainLabel === undefined) {
      body = `<ac:link-body>${label}</ac:link-body>`;
    } else if (plainLabel !== '' && plainLabel !== defaultLinkLabel(target)) {
      body = `<ac:plain-text-link-body>${cdata(plainLabel)}</ac:plain-text-link-body>`;
    }
    return xmlElement('ac:link', { 'ac:anchor': anchor }, resource + body || undefined);
  }

  private image(token: Token): string {
    const source = this.restoreMarkdown(token.attrGet('src') ?? '');
    const target = parseLinkTarget(source, this.context.link);
    const resource = target.kind === 'url' ? resourceStorage(target) : resourceStorage({ kind: 'attachment', filename: source });
    const alt = this.plain(token.children ?? []);
    const title = token.attrGet('title');
    return xmlElement('ac:image', { 'ac:alt': alt || undefined, 'ac:title': title ? this.restoreMarkdown(title) : undefined }, resource);
  }

  private restoreMarkdown(text: string): string {
    return text
      .split(STAND_IN)
      .map((part) => this.context.atomMarkdown(part) ?? part)
      .join('');
  }
}

/** Escaped text with `@user(id)` mentions as user links. */
function mentions(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(MENTION)) {
    out += xmlText(text.slice(last, match.index)) + `<ac:link>${xmlElement('ri:user', userAttributes(match[1]))}</ac:link>`;
    last = (match.index ?? 0) + match[0].length;
  }
  return out + xmlText(text.slice(last));
}

/** Cloud account ids (`557058:…`, 24 hex digits) vs Data Center user keys (32 hex digits) vs user names. */
function userAttributes(id: string): Record<string, string> {
  if (id.includes(':') || /^[0-9a-f]{24}$/i.test(id)) return { 'ri:account-id': id };
  return /^[0-9a-f]{32}$/i.test(id) ? { 'ri:userkey': id } : { 'ri:username': id };
}

/** The atom stand-ins of a text, in order. */
function standIns(text: string): string[] {
  return text.split(STAND_IN).filter((_, index) => index % 2 === 1);
}

/** The text tokens the writer writes with {@link InlineWriter.text} (not an image's alt text), in document order. */
function textTokens(nodes: InlineNode[]): Token[] {
  return nodes.flatMap((node) => {
    if (node.token.type === 'text') return [node.token];
    return node.token.type === 'image' ? [] : textTokens(node.children);
  });
}

function nest(tokens: Token[]): InlineNode[] {
  const root: InlineNode = { token: tokens[0], children: [] };
  const stack = [root];
  for (const token of tokens) {
    const parent = stack[stack.length - 1];
    if (token.nesting === 1) {
      const node: InlineNode = { token, children: [] };
      parent.children.push(node);
      stack.push(node);
    } else if (token.nesting === -1) {
      stack.pop();
    } else {
      parent.children.push({ token, children: [] });
    }
  }
  return root.children;
}

/** Pairs `<u>…</u>`-style HTML tags within one level; an unpaired tag stays a (escaped) html token. */
function pairHtml(nodes: InlineNode[]): InlineNode[] {
  const out: InlineNode[] = [];
  const opens: Array<{ name: string; index: number }> = [];
  for (const node of nodes) {
    node.children = pairHtml(node.children);
    const isHtml = node.token.type === 'html_inline';
    const open = isHtml ? HTML_OPEN.exec(node.token.content) : null;
    const close = isHtml ? HTML_CLOSE.exec(node.token.content) : null;
    const top = opens[opens.length - 1];
    if (open) {
      opens.push({ name: HTML_TAGS[open[1].toLowerCase()], index: out.length });
      out.push(node);
    } else if (close && top?.name === HTML_TAGS[close[1].toLowerCase()]) {
      opens.pop();
      const children = out.splice(top.index + 1);
      const opening = out.pop() as InlineNode;
      out.push({ token: opening.token, children, html: top.name });
    } else {
      out.push(node);
    }
  }
  return out;
}
