const HIGHLIGHT_MARKERS = /@@@(?:end)?hl@@@/g;
const INLINE_TAGS = /<\/?(?:a|b|code|em|i|mark|span|strong|u)\b[^>]*>/gi;
const HTML_TAGS = /<[^>]*>/g;
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  hellip: '…',
  mdash: '—',
  ndash: '–',
};

/** Turns a search excerpt into plain text: no highlight markers, no tags, entities decoded, whitespace collapsed. */
export function plainExcerpt(excerpt: string | undefined): string {
  if (!excerpt) return '';
  const withoutMarkup = excerpt
    .replace(HIGHLIGHT_MARKERS, '')
    .replace(INLINE_TAGS, '')
    .replace(HTML_TAGS, ' ');
  return decodeEntities(withoutMarkup).replace(/\s+/g, ' ').trim();
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#')) return codePointText(name, entity);
    return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
  });
}

function codePointText(name: string, entity: string): string {
  const codePoint = /^#x/i.test(name) ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
  return Number.isInteger(codePoint) && codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity;
}
