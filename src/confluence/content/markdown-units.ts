import { decodeHTMLStrict } from 'entities';
import { parseLayoutMarker } from './layout-markers';
import { placeholderAt, type MacroPlaceholder } from './macro-placeholder';
import type { BlockNode } from './markdown-tree';

/** What a unit of markdown becomes in storage. */
export type UnitKind =
  | 'paragraph'
  | 'heading'
  | 'list'
  | 'tasks'
  | 'table'
  | 'quote'
  | 'alert'
  | 'code'
  | 'details'
  | 'macro'
  | 'layout'
  | 'hr'
  | 'html'
  | 'comment';

/** One section of a layout: its `ac:type` and the blocks of each cell. */
export interface LayoutSectionNodes {
  type?: string;
  cells: BlockNode[][];
}

/**
 * One or more sibling markdown blocks that make one storage construct: usually a single block, but a
 * macro placeholder with its body and closing line, a `<details>` … `</details>` run, or a layout
 * between its markers spans several.
 */
export interface MarkdownUnit {
  kind: UnitKind;
  /** Every block the unit spans, delimiters included. */
  nodes: BlockNode[];
  /** `macro`: the opening placeholder. */
  placeholder?: MacroPlaceholder;
  /** `macro` with a rich body, `details`: the blocks between the delimiters. */
  body?: BlockNode[];
  /** `macro`: a body that is one code fence named after the macro (a plain-text body). */
  plainBody?: string;
  /** `details` written as a single HTML block: its markdown body. */
  innerMarkdown?: string;
  /** `details`: the summary text. */
  summary?: string;
  /** `layout`: its sections. */
  sections?: LayoutSectionNodes[];
}

const DETAILS_TAG = /^<details(?:\s[^>]*)?>/i;
const DETAILS_CLOSE = /^<\/details>\s*$/i;
const COMMENT = /^<!--[\s\S]*-->\s*$/;

/** Groups sibling blocks into units. */
export function groupUnits(nodes: BlockNode[]): MarkdownUnit[] {
  const units: MarkdownUnit[] = [];
  for (let i = 0; i < nodes.length; ) {
    const unit = macroUnit(nodes, i) ?? detailsUnit(nodes, i) ?? layoutUnit(nodes, i) ?? singleUnit(nodes[i]);
    units.push(unit);
    i += unit.nodes.length;
  }
  return units;
}

/** The placeholder a paragraph consists of, and nothing else. */
function soleParagraphPlaceholder(node: BlockNode | undefined): ReturnType<typeof placeholderAt> {
  if (node?.type !== 'paragraph' || !node.inline) {
    return undefined;
  }
  const text = node.inline.content.trim();
  const found = placeholderAt(text, 0);
  return found && found.length === text.length ? found : undefined;
}

function macroUnit(nodes: BlockNode[], start: number): MarkdownUnit | undefined {
  const opening = soleParagraphPlaceholder(nodes[start]);
  if (opening?.kind !== 'macro') {
    return undefined;
  }
  const { placeholder } = opening;
  const end = nodes.findIndex((node, index) => {
    const closing = index > start ? soleParagraphPlaceholder(node) : undefined;
    return closing?.kind === 'end' && closing.ordinal === placeholder.ordinal;
  });
  if (end < 0) {
    return { kind: 'macro', nodes: [nodes[start]], placeholder: { ...placeholder, hasBody: false } };
  }
  const body = nodes.slice(start + 1, end);
  const fence = body.length === 1 && body[0].type === 'fence' ? body[0].token : undefined;
  const plainBody = fence && fence.info.trim().split(/\s+/)[0] === placeholder.name ? fence.content.replace(/\n$/, '') : undefined;
  return { kind: 'macro', nodes: nodes.slice(start, end + 1), placeholder: { ...placeholder, hasBody: true }, body, plainBody };
}

function detailsUnit(nodes: BlockNode[], start: number): MarkdownUnit | undefined {
  const node = nodes[start];
  if (node.type !== 'html_block') {
    return undefined;
  }
  const whole = detailsWhole(node.token.content);
  if (whole) {
    return { kind: 'details', nodes: [node], summary: summaryText(whole.summary), innerMarkdown: whole.inner };
  }
  const opening = detailsOpening(node.token.content);
  let depth = 0;
  for (let i = start + 1; opening && i < nodes.length; i += 1) {
    const html = nodes[i].type === 'html_block' ? nodes[i].token.content : '';
    depth += detailsOpening(html) ? 1 : 0;
    if (DETAILS_CLOSE.test(html)) {
      if (depth === 0) {
        return { kind: 'details', nodes: nodes.slice(start, i + 1), summary: summaryText(opening.summary), body: nodes.slice(start + 1, i) };
      }
      depth -= 1;
    }
  }
  return undefined;
}

/** `<details …>` and an optional `<summary>…</summary>`, then the rest of the block. */
interface DetailsParts {
  summary?: string;
  rest: string;
}

/**
 * Splits a `<details>` block with indexOf, not a backtracking regex: a body can be megabytes,
 * and a lazy pattern over `</summary>` repeated many times took seconds.
 */
function detailsParts(html: string): DetailsParts | undefined {
  const tag = DETAILS_TAG.exec(html);
  if (!tag) return undefined;
  const rest = html.slice(tag[0].length).trimStart();
  const lower = rest.toLowerCase();
  const summaryEnd = lower.startsWith('<summary>') ? lower.indexOf('</summary>') : -1;
  if (summaryEnd < 0) return { rest };
  return { summary: rest.slice('<summary>'.length, summaryEnd), rest: rest.slice(summaryEnd + '</summary>'.length) };
}

/** A block that only opens a `<details>` (with its summary); its body follows as other blocks. */
function detailsOpening(html: string): DetailsParts | undefined {
  const parts = detailsParts(html);
  return parts && parts.rest.trim() === '' ? parts : undefined;
}

/** A `<details>` that opens and closes within one block; `inner` is everything before the final `</details>`. */
function detailsWhole(html: string): { summary?: string; inner: string } | undefined {
  const parts = detailsParts(html);
  if (!parts) return undefined;
  const trimmed = parts.rest.trimEnd();
  const close = '</details>';
  if (!trimmed.toLowerCase().endsWith(close)) return undefined;
  return { summary: parts.summary, inner: trimmed.slice(0, trimmed.length - close.length) };
}

function summaryText(html: string | undefined): string {
  return decodeHTMLStrict((html ?? '').trim());
}

function layoutUnit(nodes: BlockNode[], start: number): MarkdownUnit | undefined {
  const marker = nodes[start].type === 'html_block' ? parseLayoutMarker(nodes[start].token.content) : undefined;
  if (marker?.kind !== 'section') {
    return undefined;
  }
  const sections: LayoutSectionNodes[] = [];
  /** Blocks written between a section marker and its first cell marker open the first cell; that marker then adds none. */
  let implicitCell = false;
  let i = start;
  for (; i < nodes.length; i += 1) {
    const next = nodes[i].type === 'html_block' ? parseLayoutMarker(nodes[i].token.content) : undefined;
    if (next?.kind === 'end') {
      break;
    }
    if (next?.kind === 'section') {
      sections.push({ type: next.type, cells: [] });
      implicitCell = false;
      continue;
    }
    const section = sections[sections.length - 1];
    if (next?.kind === 'cell') {
      if (!implicitCell) section.cells.push([]);
      implicitCell = false;
      continue;
    }
    if (section.cells.length === 0) {
      section.cells.push([]);
      implicitCell = true;
    }
    section.cells[section.cells.length - 1].push(nodes[i]);
  }
  return { kind: 'layout', nodes: nodes.slice(start, Math.min(i + 1, nodes.length)), sections };
}

function singleUnit(node: BlockNode): MarkdownUnit {
  const kinds: Record<string, UnitKind> = {
    paragraph: 'paragraph',
    heading: 'heading',
    ordered_list: 'list',
    table: 'table',
    fence: 'code',
    code_block: 'code',
    hr: 'hr',
  };
  const meta = node.token.meta as { tasks?: boolean; alert?: string } | null;
  switch (node.type) {
    case 'bullet_list':
      return { kind: meta?.tasks ? 'tasks' : 'list', nodes: [node] };
    case 'blockquote':
      return { kind: meta?.alert ? 'alert' : 'quote', nodes: [node] };
    case 'html_block':
      return { kind: COMMENT.test(node.token.content.trim()) ? 'comment' : 'html', nodes: [node] };
    default:
      return { kind: kinds[node.type] ?? 'html', nodes: [node] };
  }
}
