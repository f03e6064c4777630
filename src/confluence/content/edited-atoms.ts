import type { AtomTable } from './inline-atoms';
import { InlineAtomLossError } from './merge-errors';
import { macroParams, restoreMacro } from './original-macro';
import { walkPageText } from './page-text';
import { editedStatusParams, freshStatus, looksLikeStatus, parseStatusText, STATUS_COLOURS, statusText } from './status-lozenge';
import { readMacro } from './storage-macro';
import { attr, nodeRange, textContent } from './storage-parser';
import type { StorageSource } from './storage-source';
import { xmlElement } from './storage-xml';
import { UseOnce, type Usable } from './use-once';

/** Text that looks like a date: `YYYY-M-D` standing alone (a real ISO date is checked separately). */
const DATE_LIKE = /(?<![\p{L}\p{N}_-])\d{4}-\d{1,2}-\d{1,2}(?![\p{L}\p{N}_-])/gu;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Status lozenges and dates of a rewritten block whose text the caller edited. get_page shows them as
 * `` `[TITLE (Colour)]` `` and `2024-01-31`; once edited, the stand-in substitution no longer finds them
 * and they arrive as a code span or as text. A code span in the status shape takes the place of the
 * block's unused status macro (new title, colour and subtlety; id and other parameters kept); an ISO
 * date that was not plain text in the block takes the place of its unused `<time>`. An edit that no
 * longer reads as either, while such an element is unused, is refused rather than written as text.
 */
export class EditedAtoms {
  /** The page's plain-text date-like texts (not `<time>`s) in document order, and by text. */
  private readonly plainDates: UseOnce<Usable>;
  private readonly plainDatesByText = new Map<string, UseOnce<Usable>>();

  constructor(
    private readonly source: StorageSource,
    private readonly atoms: AtomTable,
  ) {
    const all: Usable[] = [];
    const byText = new Map<string, Usable[]>();
    walkPageText(source.root, (node) => {
      for (const match of node.data.matchAll(DATE_LIKE)) {
        const date = { start: nodeRange(node)[0], taken: false };
        all.push(date);
        const same = byText.get(match[0]) ?? [];
        same.push(date);
        byText.set(match[0], same);
      }
    });
    this.plainDates = new UseOnce(all);
    byText.forEach((dates, text) => this.plainDatesByText.set(text, new UseOnce(dates)));
  }

  /** Storage for a code span: the block's edited status lozenge, a new one (see freshStatus), or undefined for code. */
  status(code: string): string | undefined {
    const element = this.atoms.unused('status');
    if (!element) return freshStatus(code);
    const params = macroParams(element);
    const own = params.colour ?? params.color;
    const shown = parseStatusText(code, own ? new Set([...STATUS_COLOURS, own]) : STATUS_COLOURS);
    if (!shown) {
      if (looksLikeStatus(code)) throw new InlineAtomLossError({ kind: 'status', shown: statusText(readMacro(element)), found: code });
      return undefined;
    }
    this.atoms.claim(element);
    return restoreMacro(this.source, element, editedStatusParams(params, shown), { kind: 'original' });
  }

  /** Text with the dates that stand where the block's edited `<time>` elements were written as `<time>` again. */
  dates(text: string, write: (text: string) => string): string {
    let out = '';
    let last = 0;
    for (const match of text.matchAll(DATE_LIKE)) {
      const time = this.date(match[0]);
      if (time === undefined) continue;
      out += write(text.slice(last, match.index)) + time;
      last = (match.index ?? 0) + match[0].length;
    }
    return out + write(text.slice(last));
  }

  /** Marks the plain dates within `[start, end)`, bytes kept as they were, as used. */
  keep(start: number, end: number): void {
    this.plainDates.takeAll(start, end);
  }

  private date(text: string): string | undefined {
    if (this.takePlainDate(text)) return undefined;
    const time = this.atoms.unused('time');
    if (!time) return undefined;
    if (!isIsoDate(text)) {
      throw new InlineAtomLossError({ kind: 'date', shown: attr(time, 'datetime') ?? textContent(time), found: text });
    }
    this.atoms.claim(time);
    return xmlElement('time', { ...time.attribs, datetime: text });
  }

  /** Uses up an unused plain date of the block with this text, if it had one (it stays text). */
  private takePlainDate(text: string): boolean {
    const block = this.atoms.block;
    const date = block ? this.plainDatesByText.get(text)?.first(block[0], block[1]) : undefined;
    if (date) date.taken = true;
    return date !== undefined;
  }
}

/** A real calendar date written `YYYY-MM-DD`. */
function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
