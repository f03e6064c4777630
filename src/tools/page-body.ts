import { markdownDiff } from '../confluence/content/markdown-diff';
import { markdownToStorage } from '../confluence/content/markdown-to-storage';
import { mergeMarkdownIntoStorage, PlaceholderRemovalError } from '../confluence/content/storage-merge';
import { InvalidStorageError, replaceSection, SectionNotFoundError } from '../confluence/content/replace-section';
import { storageToMarkdown } from '../confluence/content/storage-to-markdown';
import { Page } from '../confluence/confluence.types';
import { ToolFailure } from './tool-failure';
import { WriteFormat } from './write-inputs';

/** Where page links in converted markdown point, and which macros the caller removes on purpose. */
export interface BodyContext {
  baseUrl: string;
  spaceKey: string;
  removeMacros?: number[];
}

/**
 * Storage for a brand-new body (a new page or comment): nothing to preserve,
 * so markdown is converted as it stands and storage is taken as given.
 */
export function freshStorage(body: string, format: WriteFormat, context: BodyContext): string {
  return format === 'storage' ? body : markdownToStorage(body, { baseUrl: context.baseUrl, spaceKey: context.spaceKey });
}

/**
 * Storage for a whole-page update. Markdown is merged into the current storage so
 * every macro, layout, image and mention the markdown could not express is carried over.
 */
export function updatedStorage(page: Page, body: string, format: WriteFormat, context: BodyContext): string {
  if (format === 'storage') return body;
  return refusingLoss(() => mergeMarkdownIntoStorage(page.storage, body, mergeOptions(context)).storage);
}

/** Storage after replacing one section; every byte outside the section stays as it was. */
export function sectionStorage(page: Page, heading: string, body: string, format: WriteFormat, context: BodyContext): string {
  return refusingLoss(() => replaceSection(page.storage, heading, body, { format, ...mergeOptions(context) }).storage);
}

/** A unified diff of the page's markdown before and after, for dry runs and history. */
export function storageDiff(before: string, after: string, baseUrl: string, labels: [string, string]): string {
  return markdownDiff(storageToMarkdown(before, { baseUrl }), storageToMarkdown(after, { baseUrl }), labels[0], labels[1]);
}

function mergeOptions(context: BodyContext) {
  return { link: { baseUrl: context.baseUrl, spaceKey: context.spaceKey }, allowRemoved: context.removeMacros };
}

/** The content layer's refusals are written for the caller; they become tool failures as they are. */
function refusingLoss<T>(convert: () => T): T {
  try {
    return convert();
  } catch (error) {
    if (error instanceof PlaceholderRemovalError || error instanceof SectionNotFoundError || error instanceof InvalidStorageError) {
      throw new ToolFailure(error.message);
    }
    throw error;
  }
}
