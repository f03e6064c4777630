import type { BlockNode } from './markdown-tree';

/**
 * Markdown inside a construct, as its own document: what a merge compares, block by block, with
 * what is inside the same construct in the page (quotes, alerts, list items, macro bodies).
 */

const QUOTE_PREFIX = /^ {0,3}> ?/;
const ALERT_LINE = /^\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\n|$)/i;
const ITEM_MARKER = /^( {0,3})([-*+]|\d{1,9}[.)])(?:( {1,4})(?! )|( {5,})|$)/;
const TASK_MARKER = /^\[([ xX])\](?:[ \t]+|$)/;

/** The lines `[start, end)` of a markdown text, trailing blank lines dropped. */
export function sourceLines(lines: string[], start: number, end: number): string {
  return trimBlankLines(lines.slice(start, end).join('\n'));
}

/** The text of sibling blocks. */
export function nodesText(nodes: BlockNode[], lines: string[]): string {
  if (nodes.length === 0) return '';
  return sourceLines(lines, nodes[0].token.map?.[0] ?? 0, nodes[nodes.length - 1].token.map?.[1] ?? 0);
}

/** What lies between the first and the last of a unit's blocks (a macro body, a `<details>` body). */
export function textBetween(nodes: BlockNode[], lines: string[]): string {
  return sourceLines(lines, nodes[0].token.map?.[1] ?? 0, nodes[nodes.length - 1].token.map?.[0] ?? 0);
}

/** The content of a blockquote; for a GitHub alert, without its `[!KIND]` line. */
export function unquote(text: string, alert: boolean): string {
  const inner = text
    .split('\n')
    .map((line) => line.replace(QUOTE_PREFIX, ''))
    .join('\n');
  const trimmed = trimBlankLines(inner);
  return alert ? trimBlankLines(trimmed.replace(ALERT_LINE, '')) : trimmed;
}

/** The content of a list item and, for a task, whether it is checked. */
export function unindentItem(text: string, task: boolean): { body: string; checked: boolean } {
  const [first, ...rest] = text.split('\n');
  const width = itemWidth(first);
  const lines = [first.slice(Math.min(width, first.length)), ...rest.map((line) => line.replace(new RegExp(`^ {0,${width}}`), ''))];
  const taskMarker = task ? TASK_MARKER.exec(lines[0]) : null;
  if (taskMarker) {
    lines[0] = lines[0].slice(taskMarker[0].length);
  }
  return { body: trimBlankLines(lines.join('\n')), checked: taskMarker !== null && taskMarker[1] !== ' ' };
}

/** Where an item's content starts: after its marker and the spaces that follow (one, when followed by code). */
function itemWidth(first: string): number {
  const marker = ITEM_MARKER.exec(first);
  return marker ? marker[1].length + marker[2].length + (marker[4] ? 1 : (marker[3]?.length ?? 1)) : 0;
}

function trimBlankLines(text: string): string {
  return text.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
}
