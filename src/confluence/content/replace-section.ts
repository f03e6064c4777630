import { BlockMerger } from './block-merge';
import type { LinkOptions } from './confluence-links';
import { AtomTable } from './inline-atoms';
import { MergeContext } from './merge-context';
import { AmbiguousSectionError, InvalidStorageError, SectionNotFoundError } from './merge-errors';
import { layoutCellLevels } from './merge-layout';
import { normalizeNewlines, parseInlineMarkdown, type Token } from './markdown-parser';
import { checkPlaceholders, type AllowRemoved } from './placeholder-check';
import { mergeSequence } from './sequence-merge';
import { headingLevel } from './storage-elements';
import { pagePlaceholders, type MergeResult } from './storage-merge';
import type { Level, OldUnit } from './storage-source';
import { StorageSource } from './storage-source';
import { storageProblem } from './storage-well-formed';

export { AmbiguousSectionError, InvalidStorageError, SectionNotFoundError } from './merge-errors';

/** Options for {@link replaceSection}. */
export interface ReplaceSectionOptions {
  /** `markdown` is merged losslessly into the section; `storage` replaces the section's blocks as given. */
  format: 'markdown' | 'storage';
  link?: LinkOptions;
  /** Placeholder ordinals (as numbered in the whole page's markdown) the caller removes on purpose, or 'all'. */
  allowRemoved?: AllowRemoved;
}

interface HeadingMatch {
  level: Level;
  index: number;
  text: string;
}

/**
 * Replaces the content of one section of a page: everything after the heading up to the next heading
 * of the same or a higher level (the heading itself stays). The heading is found by its text
 * (trimmed, case-insensitive, ignoring markdown formatting), in the page or inside a layout cell.
 * Markdown is merged into the section as mergeMarkdownIntoStorage merges a page; every byte outside
 * the section stays exactly as it was.
 *
 * @throws SectionNotFoundError listing the page's headings when none matches
 * @throws AmbiguousSectionError listing the matches when several do
 * @throws PlaceholderRemovalError when the new content drops macros of the section not in `allowRemoved`
 * @throws InvalidStorageError when the page's storage, or storage content given, is not well-formed
 */
export function replaceSection(currentStorage: string, heading: string, body: string, options: ReplaceSectionOptions): MergeResult {
  const pageProblem = storageProblem(currentStorage);
  if (pageProblem) {
    throw new InvalidStorageError('page', pageProblem);
  }
  const source = new StorageSource(currentStorage, options.link ?? {});
  const headings = sectionLevels(source).flatMap((level) =>
    level.units.map((unit, index) => ({ level, index, text: headingText(unit) })).filter((match): match is HeadingMatch => match.text !== undefined),
  );
  const wanted = plainText(heading.trim().replace(/^#{1,6}(?=\s|$)/, '').replace(/\s#+\s*$/, ''));
  const matches = headings.filter((match) => plainText(match.text) === wanted);
  if (matches.length === 0) {
    throw new SectionNotFoundError(heading, headings.map((match) => match.text));
  }
  if (matches.length > 1) {
    throw new AmbiguousSectionError(heading, matches.map((match) => match.text));
  }
  const section = sectionOf(matches[0]);
  const expected = pagePlaceholders(source, section.start, section.end);
  const content = options.format === 'storage' ? storageSection(source, section, body, expected, options.allowRemoved) : undefined;
  const removed = content?.removed ?? checkPlaceholders(expected, normalizeNewlines(body), options.allowRemoved);
  const merged =
    content?.storage ?? new BlockMerger(source, new MergeContext(source, new AtomTable(source))).level(section, normalizeNewlines(body));
  return { storage: currentStorage.slice(0, section.start) + merged + currentStorage.slice(section.end), removed };
}

/** The page's top-level blocks and the blocks of every layout cell, where sections are looked for. */
function sectionLevels(source: StorageSource): Level[] {
  const levels: Level[] = [source.top];
  for (const unit of source.top.units) {
    if (unit.element?.name === 'ac:layout') {
      levels.push(...layoutCellLevels(source, unit.element, unit.ordinalBase).flat());
    }
  }
  return levels;
}

/** The blocks after the heading, up to the next heading of the same or a higher level. */
function sectionOf(match: HeadingMatch): Level {
  const { units } = match.level;
  const depth = unitHeadingLevel(units[match.index]);
  let end = match.index + 1;
  while (end < units.length && !(unitHeadingLevel(units[end]) > 0 && unitHeadingLevel(units[end]) <= depth)) {
    end += 1;
  }
  const start = units[match.index].end;
  const stop = end < units.length ? units[end].start : match.level.end;
  return { start, end: stop, insertAt: start, units: units.slice(match.index + 1, end) };
}

/** Storage content: the section's blocks give way to it (container tags and whitespace between them stay). */
function storageSection(
  source: StorageSource,
  section: Level,
  body: string,
  expected: Map<number, string>,
  allowRemoved: AllowRemoved | undefined,
): { storage: string; removed: ReturnType<typeof checkPlaceholders> } {
  const problem = storageProblem(body);
  if (problem) {
    throw new InvalidStorageError('content', problem);
  }
  const removed = checkPlaceholders(expected, '', allowRemoved);
  const olds = section.units.map((unit) => ({ ...unit, key: unit.markdown }));
  const storage = mergeSequence(source.storage, section, olds, ['\u0000storage'], { affinity: () => 1, pair: () => body, create: () => body });
  return { storage, removed };
}

function unitHeadingLevel(unit: OldUnit): number {
  return unit.element ? headingLevel(unit.element) : 0;
}

function headingText(unit: OldUnit): string | undefined {
  return unitHeadingLevel(unit) > 0 ? unit.markdown : undefined;
}

/** A heading's text without markdown: `## **Set up** \`npm\`` reads as `set up npm`. */
function plainText(markdown: string): string {
  const text = markdown.replace(/^#{1,6}\s+/, '');
  const collect = (tokens: Token[]): string =>
    tokens.map((token) => (token.type === 'text' || token.type === 'code_inline' ? token.content : collect(token.children ?? []))).join('');
  return collect(parseInlineMarkdown(text)).replace(/\s+/g, ' ').trim().toLowerCase();
}
