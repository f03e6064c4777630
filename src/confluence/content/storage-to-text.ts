import { parseStorage } from './storage-parser';
import { TextRenderer } from './text-renderer';

/**
 * Converts Confluence storage format to plain readable text for `format: text` and search excerpts:
 * headings and paragraphs as lines, list items with `- `, table cells separated by ` | `, code kept
 * verbatim, macros as their body text or `[macro name]`; no markup.
 */
export function storageToText(storage: string): string {
  return new TextRenderer().blocks(parseStorage(storage).children).join('\n\n').trimEnd();
}
