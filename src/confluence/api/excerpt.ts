import { decodeHTML } from 'entities';

const HIGHLIGHT_MARKERS = /@@@(?:end)?hl@@@/g;
const INLINE_TAGS = /<\/?(?:a|b|code|em|i|mark|span|strong|u)\b[^>]*>/gi;
const HTML_TAGS = /<[^>]*>/g;

/** Turns a search excerpt into plain text: no highlight markers, no tags, entities decoded, whitespace collapsed. */
export function plainExcerpt(excerpt: string | undefined): string {
  if (!excerpt) return '';
  const withoutMarkup = excerpt
    .replace(HIGHLIGHT_MARKERS, '')
    .replace(INLINE_TAGS, '')
    .replace(HTML_TAGS, ' ');
  return decodeHTML(withoutMarkup).replace(/\s+/g, ' ').trim();
}
