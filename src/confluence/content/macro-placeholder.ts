import type { MacroParameter } from './storage-macro';

/**
 * Textual stand-ins for macros markdown cannot express, so nothing is silently dropped and the
 * write path can restore the macro later:
 *
 *   {{confluence:macro name="jira" key="ABC-1" server="System JIRA" #3}}
 *   …rendered body, only for macros that have one…
 *   {{/confluence:macro #3}}
 *
 * Values escape `\` as `\\`, `"` as `\"`, newline as `\n` and carriage return as `\r`.
 * The unnamed default parameter (Confluence's `ac:name=""`) is written with the key `_`.
 * `#n` is the 1-based ordinal of the placeholder in the document.
 */
export interface MacroPlaceholder {
  ordinal: number;
  name: string;
  params: Record<string, string>;
  /** True when a matching `{{/confluence:macro #n}}` closes a rendered body. */
  hasBody: boolean;
}

const DEFAULT_PARAM_KEY = '_';
const QUOTED = '"((?:[^"\\\\]|\\\\.)*)"';
const OPENING = new RegExp(
  `(?<!\\\\)\\{\\{confluence:macro name=${QUOTED}((?:\\s+[^\\s="]+=${QUOTED})*)\\s+#(\\d+)\\}\\}`,
  'g',
);
const PARAM = new RegExp(`([^\\s="]+)=${QUOTED}`, 'g');
const OPENING_AT = new RegExp(OPENING.source, 'y');
const END_AT = /\{\{\/confluence:macro #(\d+)\}\}/y;
const EDITOR_AT = new RegExp(`\\{\\{confluence:placeholder text=${QUOTED}(?:\\s+type=${QUOTED})?\\}\\}`, 'y');

/** One placeholder found in markdown text: a macro opening, the end of a macro body, or an editor hint. */
export type PlaceholderSyntax =
  | { kind: 'macro'; placeholder: MacroPlaceholder; length: number }
  | { kind: 'end'; ordinal: number; length: number }
  | { kind: 'editor'; text: string; type?: string; length: number };

/** The placeholder that starts exactly at `position` in `text`, if any (used by the markdown parser). */
export function placeholderAt(text: string, position: number): PlaceholderSyntax | undefined {
  OPENING_AT.lastIndex = position;
  const opening = OPENING_AT.exec(text);
  if (opening) {
    const placeholder = { ordinal: Number(opening[4]), name: unescapeValue(opening[1]), params: parseParams(opening[2]), hasBody: false };
    return { kind: 'macro', placeholder, length: opening[0].length };
  }
  END_AT.lastIndex = position;
  const end = END_AT.exec(text);
  if (end) {
    return { kind: 'end', ordinal: Number(end[1]), length: end[0].length };
  }
  EDITOR_AT.lastIndex = position;
  const editor = EDITOR_AT.exec(text);
  if (editor) {
    const type = editor[2] === undefined ? undefined : unescapeValue(editor[2]);
    return { kind: 'editor', text: unescapeValue(editor[1]), type, length: editor[0].length };
  }
  return undefined;
}

/** The opening placeholder for the ordinal-th macro that could not be rendered. */
export function formatMacroPlaceholder(ordinal: number, name: string, params: MacroParameter[]): string {
  const parts = [`name="${escapeValue(name)}"`];
  for (const param of params) {
    parts.push(`${param.name || DEFAULT_PARAM_KEY}="${escapeValue(param.value)}"`);
  }
  return `{{confluence:macro ${parts.join(' ')} #${ordinal}}}`;
}

/** The line closing the body of the ordinal-th placeholder. */
export function formatMacroPlaceholderEnd(ordinal: number): string {
  return `{{/confluence:macro #${ordinal}}}`;
}

/** Finds every macro placeholder in markdown, in document order, so the write path can restore them. */
export function parseMacroPlaceholders(markdown: string): MacroPlaceholder[] {
  const found: MacroPlaceholder[] = [];
  for (const match of markdown.matchAll(OPENING)) {
    const ordinal = Number(match[4]);
    found.push({
      ordinal,
      name: unescapeValue(match[1]),
      params: parseParams(match[2]),
      hasBody: markdown.includes(formatMacroPlaceholderEnd(ordinal)),
    });
  }
  return found;
}

function parseParams(text: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const match of text.matchAll(PARAM)) {
    params[match[1] === DEFAULT_PARAM_KEY ? '' : match[1]] = unescapeValue(match[2]);
  }
  return params;
}

function escapeValue(value: string): string {
  return value.replace(/[\\"\n\r]/g, (char) => ESCAPES[char]);
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r' };
const UNESCAPES: Record<string, string> = { n: '\n', r: '\r' };

function unescapeValue(value: string): string {
  return value.replace(/\\(.)/g, (_, char: string) => UNESCAPES[char] ?? char);
}

/** A visible stand-in for an editor `ac:placeholder` hint: `{{confluence:placeholder text="…" type="…"}}`. */
export function formatEditorPlaceholder(text: string, type?: string): string {
  const typePart = type ? ` type="${escapeValue(type)}"` : '';
  return `{{confluence:placeholder text="${escapeValue(text)}"${typePart}}}`;
}
