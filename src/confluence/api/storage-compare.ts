const NBSP_ENTITIES = /&(?:nbsp|#160|#x0*a0);/gi;

/**
 * Whether two storage-format bodies are the same document once Confluence's re-serialisation is
 * ignored (whitespace between tags, `<br/>` vs `<br />`, non-breaking-space spellings, line endings).
 * Used to recognise our own write when its answer was lost.
 */
export function sameStorage(a: string, b: string): boolean {
  return normaliseStorage(a) === normaliseStorage(b);
}

export function normaliseStorage(storage: string): string {
  return storage
    .replace(NBSP_ENTITIES, '\u00a0')
    .replace(/\s*\/>/g, '/>')
    .replace(/>\s+</g, '><')
    .replace(/\s+/g, ' ')
    .trim();
}
