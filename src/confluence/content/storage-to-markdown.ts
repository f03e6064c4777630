import type { LinkOptions } from './confluence-links';
import { MarkdownRenderer } from './markdown-renderer';
import { parseStorage } from './storage-parser';

/** Options for {@link storageToMarkdown}; see {@link LinkOptions} for how Confluence links are written. */
export type StorageToMarkdownOptions = LinkOptions;

/**
 * Converts Confluence storage format (XHTML with `ac:`/`ri:` elements) to GitHub-flavoured markdown
 * for reading pages. Macros markdown cannot express become `{{confluence:macro …}}` placeholders
 * (see macro-placeholder.ts) so nothing is lost and the write path can restore them.
 */
export function storageToMarkdown(storage: string, options: StorageToMarkdownOptions = {}): string {
  const renderer = new MarkdownRenderer(options);
  return renderer.blocks(parseStorage(storage).children).join('\n\n').trimEnd();
}
