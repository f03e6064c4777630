import type { LinkOptions } from './confluence-links';
import { StorageWriter } from './storage-writer';
import { FreshContext } from './write-context';

/**
 * Converts GitHub-flavoured markdown to Confluence storage format for a new page or comment:
 * the reverse of storageToMarkdown, including its GitHub alerts, `<details>`, task lists, page
 * links, `@user(id)` mentions, layout markers and `{{confluence:macro …}}` placeholders (which become
 * new macros here; to keep a page's existing macros, use mergeMarkdownIntoStorage). Raw HTML is
 * escaped as text, except the few tags the reader writes itself. A code span read as a status lozenge
 * (`[DONE (Green)]`, with one of Confluence's status colours) becomes one; see status-lozenge.ts.
 */
export function markdownToStorage(markdown: string, options: LinkOptions = {}): string {
  return new StorageWriter(new FreshContext(options)).document(markdown.replace(/\r\n?/g, '\n'));
}
