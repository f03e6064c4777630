import { macroStorage } from './macro-storage';
import { macroParam, type StorageMacro } from './storage-macro';

/**
 * Confluence's status colours. A code span of the status shape written afresh becomes a lozenge only
 * with one of these, so ordinary code such as `` `[x]` `` or `` `[WIP (draft)]` `` stays code.
 */
export const STATUS_COLOURS: ReadonlySet<string> = new Set(['Grey', 'Red', 'Yellow', 'Green', 'Blue', 'Purple']);

/** What get_page shows of a status lozenge: `[TITLE]`, `[TITLE (Colour)]`, `[TITLE (Colour, subtle)]`. */
export interface StatusShown {
  title: string;
  colour?: string;
  subtle: boolean;
}

const SUBTLE = 'subtle';

/** `[TITLE (Colour)]` — the compact text of a status lozenge, shown as a code span. */
export function statusText(macro: StorageMacro): string {
  const title = macroParam(macro, 'title') ?? '';
  const details = [macroParam(macro, 'colour') ?? macroParam(macro, 'color'), macroParam(macro, 'subtle') === 'true' ? SUBTLE : undefined];
  const suffix = details.filter((part): part is string => Boolean(part)).join(', ');
  return suffix ? `[${title} (${suffix})]` : `[${title}]`;
}

/**
 * Reads a code span's text as a status lozenge. The bracketed text is the title; a trailing
 * ` (Colour)`, ` (Colour, subtle)` or ` (subtle)` is read as the colour only when the colour is one of
 * `colours`, so a title that ends in parentheses (`[Phase (beta)]`) stays whole.
 */
export function parseStatusText(code: string, colours: ReadonlySet<string>): StatusShown | undefined {
  if (code.length < 2 || !code.startsWith('[') || !code.endsWith(']')) return undefined;
  const inner = code.slice(1, -1);
  const open = inner.lastIndexOf(' (');
  if (!inner.endsWith(')') || open < 0) return { title: inner, subtle: false };
  const details = inner.slice(open + 2, -1).split(', ');
  const subtle = details[details.length - 1] === SUBTLE;
  const named = subtle ? details.slice(0, -1) : details;
  if (named.length > 1 || (named.length === 1 && !colours.has(named[0]))) return { title: inner, subtle: false };
  return { title: inner.slice(0, open), colour: named[0], subtle };
}

/** Whether a code span looks like a status lozenge someone edited, without reading as one (`[DONE (Green)`). */
export function looksLikeStatus(code: string): boolean {
  return code.startsWith('[') !== code.endsWith(']');
}

/**
 * The parameters of an edited lozenge: the original's, with the title, colour (under the name the
 * original used, `colour` or `color`) and subtlety as shown.
 */
export function editedStatusParams(original: Record<string, string>, shown: StatusShown): Record<string, string> {
  const params = { ...original };
  const colourKey = 'colour' in params || !('color' in params) ? 'colour' : 'color';
  setParam(params, 'title', shown.title);
  setParam(params, colourKey, shown.colour);
  if (shown.subtle) {
    params.subtle = 'true';
  } else if (params.subtle === 'true') {
    delete params.subtle;
  }
  return params;
}

/**
 * A code span written afresh as a status macro when it reads as `[TITLE (Colour)]` or
 * `[TITLE (Colour, subtle)]` with one of Confluence's status colours; undefined (it stays code) otherwise.
 */
export function freshStatus(code: string): string | undefined {
  const shown = parseStatusText(code, STATUS_COLOURS);
  return shown?.colour ? newStatus(shown) : undefined;
}

/** A new status macro (the parameter order Confluence's editor writes). */
function newStatus(shown: StatusShown): string {
  const params: Array<[string, string]> = [];
  if (shown.colour) params.push(['colour', shown.colour]);
  if (shown.title) params.push(['title', shown.title]);
  if (shown.subtle) params.push(['subtle', 'true']);
  return macroStorage('status', params);
}

function setParam(params: Record<string, string>, name: string, value: string | undefined): void {
  if (value) {
    params[name] = value;
  } else {
    delete params[name];
  }
}
