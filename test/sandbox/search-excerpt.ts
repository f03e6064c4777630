import { TextTerm, termMatchesWord } from './cql-text-match';

const HL_OPEN = '@@@hl@@@';
const HL_CLOSE = '@@@endhl@@@';
const EXCERPT_LENGTH = 280;
const WORD = /[\p{L}\p{N}]+/gu;

/** Wraps every word matching a term in Confluence's `@@@hl@@@...@@@endhl@@@` markup. */
export function highlight(text: string, terms: TextTerm[]): string {
  if (terms.length === 0) return text;
  return text.replace(WORD, (word) => (termMatchesWord(terms, word) ? `${HL_OPEN}${word}${HL_CLOSE}` : word));
}

/** A window of the page text around the first match, highlighted like Cloud search excerpts. */
export function buildExcerpt(plainText: string, terms: TextTerm[]): string {
  const first = firstMatch(plainText, terms);
  const start = first < 0 ? 0 : Math.max(0, first - 60);
  const window = plainText.slice(start, start + EXCERPT_LENGTH);
  return highlight(start > 0 ? `...${window}` : window, terms);
}

function firstMatch(text: string, terms: TextTerm[]): number {
  if (terms.length === 0) return -1;
  for (const match of text.matchAll(WORD)) {
    if (termMatchesWord(terms, match[0])) return match.index ?? -1;
  }
  return -1;
}
