import { normalizeNewlines } from './markdown-parser';

const ALWAYS_ESCAPED = new Set(['*', '`', '[', ']', '~']);
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Escapes the characters of a text run that markdown would otherwise read as syntax; ordinary prose is left alone. */
export function escapeMarkdownText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    out += escapeChar(text, i);
  }
  return out.replace(/\{\{/g, '\\{\\{');
}

function escapeChar(text: string, i: number): string {
  const char = text[i];
  const next = text[i + 1] ?? '';
  if (ALWAYS_ESCAPED.has(char)) {
    return `\\${char}`;
  }
  if (char === '\\') {
    return next === '' || ASCII_PUNCTUATION.test(next) ? '\\\\' : char;
  }
  if (char === '_') {
    return isWordChar(text[i - 1]) && isWordChar(next) ? char : '\\_';
  }
  if (char === '<') {
    return /[A-Za-z/!?]/.test(next) ? '\\<' : char;
  }
  if (char === '&') {
    return /^&#?[A-Za-z0-9]+;/.test(text.slice(i)) ? '\\&' : char;
  }
  return char;
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

const LINE_START_MARKERS: RegExp[] = [/^#{1,6}(?=\s|$)/, /^[-+=](?=\s|$)/, /^(?:[-=_]\s*){3,}$/, /^>/];

/** Escapes what would make a line of prose start a heading, list, quote or rule. */
export function escapeLineStart(line: string): string {
  const ordered = /^(\d{1,9})([.)])(?=\s|$)/.exec(line);
  if (ordered) {
    return `${ordered[1]}\\${line.slice(ordered[1].length)}`;
  }
  return LINE_START_MARKERS.some((marker) => marker.test(line)) ? `\\${line}` : line;
}

/** Escapes the pipes of a table cell so they do not split the row. */
export function escapeTableCell(cell: string): string {
  return cell.replace(/\|/g, '\\|');
}

/** Escapes text placed inside raw HTML (summary titles). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An inline code span whose delimiter is longer than any backtick run inside. */
export function codeSpan(code: string): string {
  const fence = '`'.repeat(longestRun(code, '`') + 1);
  const padded = code.startsWith('`') || code.endsWith('`') || /^ .* $/.test(code) ? ` ${code} ` : code;
  return `${fence}${padded}${fence}`;
}

/**
 * A fenced code block that reproduces `code`, with a fence longer than any backtick run in it. Line
 * breaks are written as `\n` (markdown reads `\r\n` as one anyway); the merge compares code with its line
 * breaks normalised, so unchanged code keeps its stored `\r\n` bytes.
 */
export function codeFence(code: string, info: string): string {
  const fence = '`'.repeat(Math.max(3, longestRun(code, '`') + 1));
  return `${fence}${info}\n${normalizeNewlines(code)}\n${fence}`;
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}

/** A link destination, wrapped in angle brackets when it holds spaces or brackets. */
export function linkDestination(url: string): string {
  if (!/[\s()<>]/.test(url)) {
    return url;
  }
  return `<${url.replace(/[<>\n]/g, (char) => encodeURIComponent(char))}>`;
}

/** A link title in double quotes. */
export function linkTitle(title: string): string {
  return `"${title.replace(/["\\]/g, '\\$&')}"`;
}

/** Prefixes every line with `> `, the markdown blockquote. */
export function quote(blocks: string[]): string {
  return blocks
    .join('\n\n')
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}
