/**
 * Inline atoms (images, Confluence links, mentions, emoticons, status lozenges, dates) of a page being
 * merged are swapped for single characters from Unicode's supplementary private use area before the
 * markdown is parsed, so each one travels through markdown-it as plain text and the writer can put
 * the original storage back in its place. Such characters do not occur in page text.
 */
const FIRST = 0xf0000;
const LAST = 0xffffd;

/** One stand-in character, as a capturing split pattern (`text.split(STAND_IN)` keeps the stand-ins). */
export const STAND_IN = /([\u{F0000}-\u{FFFFD}])/u;

/** The stand-in character for the atom with this index. */
export function standIn(index: number): string {
  if (FIRST + index > LAST) {
    throw new Error('too many inline atoms on one page');
  }
  return String.fromCodePoint(FIRST + index);
}

/** The atom index a stand-in character encodes. */
export function standInIndex(char: string): number {
  return (char.codePointAt(0) ?? 0) - FIRST;
}
