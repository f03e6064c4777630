import { words } from './storage-text';

/** One search term of a `~` clause; a trailing `*` makes it a prefix. */
export interface TextTerm {
  word: string;
  prefix: boolean;
}

export function textTerms(value: string): TextTerm[] {
  return value
    .split(/\s+/)
    .flatMap((piece) => {
      const prefix = piece.endsWith('*');
      return words(piece).map((word, i, all) => ({ word, prefix: prefix && i === all.length - 1 }));
    });
}

/** True when every term occurs in the word set (all-terms semantics, like Confluence's default). */
export function matchesTerms(terms: TextTerm[], wordSet: Set<string>): boolean {
  if (terms.length === 0) return false;
  return terms.every((t) => (t.prefix ? [...wordSet].some((w) => w.startsWith(t.word)) : wordSet.has(t.word)));
}

export function termMatchesWord(terms: TextTerm[], word: string): boolean {
  const lower = word.toLowerCase();
  return terms.some((t) => (t.prefix ? lower.startsWith(t.word) : lower === t.word));
}
