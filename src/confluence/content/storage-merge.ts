import { BlockMerger } from './block-merge';
import type { LinkOptions } from './confluence-links';
import { AtomTable } from './inline-atoms';
import { MergeContext } from './merge-context';
import type { RemovedMacro } from './merge-errors';
import { normalizeNewlines } from './markdown-parser';
import { checkPlaceholders, type AllowRemoved } from './placeholder-check';
import { readMacro } from './storage-macro';
import { StorageSource } from './storage-source';

export {
  AmbiguousSectionError,
  InlineAtomLossError,
  InvalidStorageError,
  PlaceholderMismatchError,
  PlaceholderRemovalError,
  SectionNotFoundError,
  type LostInline,
  type RemovedMacro,
} from './merge-errors';

/** Options for {@link mergeMarkdownIntoStorage}. */
export interface MergeOptions {
  /** Where links point, as for get_page (page links are read back with the same base URL and space). */
  link?: LinkOptions;
  /** Placeholder ordinals the caller removes on purpose, or 'all'. */
  allowRemoved?: AllowRemoved;
}

/** Merged storage, and the macros removed on purpose. */
export interface MergeResult {
  storage: string;
  removed: RemovedMacro[];
}

/**
 * Writes edited markdown back into a page without losing what markdown cannot show. The current
 * storage is rendered as get_page renders it, with every block traced to its bytes; the new markdown
 * is aligned with that rendering block by block. Unchanged blocks keep their original bytes; changed
 * macros, alerts, lists, tables, layouts and code blocks are merged into their original elements;
 * new text is converted with the page's images, links, mentions, emoticons and macros restored,
 * edited status lozenges and dates written back as lozenges and dates, and styled spans kept around
 * their text. Markdown identical to the current rendering gives the current storage byte for byte.
 *
 * @throws PlaceholderRemovalError when placeholders of the page are missing and not in `allowRemoved`
 * @throws PlaceholderMismatchError when a placeholder's name differs from the page's macro at its ordinal
 * @throws InlineAtomLossError when an edited status lozenge or date no longer reads as one
 */
export function mergeMarkdownIntoStorage(currentStorage: string, markdown: string, options: MergeOptions = {}): MergeResult {
  const text = normalizeNewlines(markdown);
  const source = new StorageSource(currentStorage, options.link ?? {});
  const removed = checkPlaceholders(pagePlaceholders(source, 0, currentStorage.length), text, options.allowRemoved);
  if (text.trimEnd() === source.markdown) {
    return { storage: currentStorage, removed };
  }
  const merger = new BlockMerger(source, new MergeContext(source, new AtomTable(source)));
  return { storage: merger.level(source.top, text), removed };
}

/** The placeholders (ordinal → macro name) of the page's markdown whose macro lies within `[start, end)`. */
export function pagePlaceholders(source: StorageSource, start: number, end: number): Map<number, string> {
  const placeholders = new Map<number, string>();
  for (let ordinal = 1; source.renderer.placeholderElement(ordinal); ordinal += 1) {
    const element = source.renderer.placeholderElement(ordinal);
    const [from, to] = element ? source.range(element) : [0, 0];
    if (element && from >= start && to <= end) {
      placeholders.set(ordinal, readMacro(element).name);
    }
  }
  return placeholders;
}
