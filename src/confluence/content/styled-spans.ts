import { isTag, isText, type Element } from 'domhandler';
import type { AtomTable } from './inline-atoms';
import { walkPageText } from './page-text';
import { textContent } from './storage-parser';
import type { StorageSource } from './storage-source';
import { UseOnce } from './use-once';

/** Inline elements markdown shows as their bare text, so the styling they carry (colour, size, highlight) is not in it. */
const STYLED_TAGS = new Set(['span', 'font', 'small', 'big', 'mark']);
const COLLAPSIBLE = /[ \t\n\r\f\u00a0]+/g;
const WORD_CHAR = /[\p{L}\p{N}_]/u;
/**
 * How many characters the spans not found in a run of text may cost to look for: a miss scans the rest
 * of the run, so this bounds the work on a huge paragraph whose styled text was edited away (a find
 * only moves on). Small paragraphs never reach it.
 */
const MISS_BUDGET = 20_000_000;

/** A styled element (or a chain of them, one inside the other) around plain text. */
interface StyledSpan {
  /** The text as markdown shows it (whitespace collapsed). */
  text: string;
  /** The original bytes before and after the text: the start tags, and the end tags. */
  open: string;
  close: string;
  start: number;
  taken: boolean;
}

/**
 * The page's styled spans around plain text, such as `<span style="color: …">late</span>`. When a
 * block is rewritten, each of its spans whose text is still there, as a whole word or words, goes back
 * around the first such occurrence after the previous span placed, so editing another part of a
 * paragraph keeps its colours. Spans holding other elements, and spans whose own text was edited, are
 * written as their text.
 */
export class StyledSpans {
  private readonly spans: UseOnce<StyledSpan>;

  constructor(
    source: StorageSource,
    private readonly atoms: AtomTable,
  ) {
    const spans: StyledSpan[] = [];
    walkPageText(
      source.root,
      () => undefined,
      (element) => {
        const span = styledSpan(source, element);
        if (span) spans.push(span);
        return span !== undefined;
      },
    );
    this.spans = new UseOnce(spans);
  }

  /** Text of the block being rewritten with its unused styled spans put back; `write` writes plain text. */
  place(text: string, write: (text: string) => string): string {
    const block = this.atoms.block;
    if (!block || text.trim() === '') return write(text);
    let out = '';
    let cursor = 0;
    let budget = MISS_BUDGET;
    for (const span of this.spans.unused(block[0], block[1])) {
      const at = wordOccurrence(text, span.text, cursor);
      if (at < 0) {
        budget -= text.length - cursor;
        if (budget < 0) break;
        continue;
      }
      out += write(text.slice(cursor, at)) + span.open + write(span.text) + span.close;
      cursor = at + span.text.length;
      span.taken = true;
    }
    return out + write(text.slice(cursor));
  }

  /** Marks the spans within `[start, end)`, bytes kept as they were, as used. */
  keep(start: number, end: number): void {
    this.spans.takeAll(start, end);
  }
}

function isStyled(element: Element): boolean {
  return STYLED_TAGS.has(element.name) && (element.name !== 'span' || Object.keys(element.attribs).length > 0);
}

/** The span an element starts, when it is styled and holds (through single styled children) only text. */
function styledSpan(source: StorageSource, element: Element): StyledSpan | undefined {
  if (!isStyled(element)) return undefined;
  let leaf = element;
  while (leaf.children.length === 1 && isTag(leaf.children[0]) && isStyled(leaf.children[0])) {
    leaf = leaf.children[0];
  }
  const text = textContent(leaf).replace(COLLAPSIBLE, ' ').trim();
  const inner = source.inner(leaf);
  if (!inner || text === '' || !leaf.children.every(isText)) return undefined;
  const [start, end] = source.range(element);
  return { text, open: source.storage.slice(start, inner[0]), close: source.storage.slice(inner[1], end), start, taken: false };
}

/**
 * The first occurrence of `word` in `text` from `from` that does not begin or end inside a word. After a
 * miss the search resumes past the word run it fell in, where every occurrence would miss too.
 */
function wordOccurrence(text: string, word: string, from: number): number {
  const wordStart = isWordChar(word[0]);
  const wordEnd = isWordChar(word[word.length - 1]);
  for (let at = text.indexOf(word, from); at >= 0; ) {
    if ((!wordStart || !isWordChar(text[at - 1])) && (!wordEnd || !isWordChar(text[at + word.length]))) return at;
    let next = at + 1;
    while (wordStart && next < text.length && isWordChar(text[next])) next += 1;
    at = text.indexOf(word, next);
  }
  return -1;
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}
