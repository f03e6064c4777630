import { ConfluenceConflictError } from '../confluence.errors';
import type { Page } from '../confluence.types';

const TITLE_CLASH = /title already exists|already exists with the (?:same )?title/i;

/** The page moved on past the version a write was based on: who changed it, when, and what it is at now. */
export function staleVersionConflict(page: Page, baseVersion: number): ConfluenceConflictError {
  const updatedBy = page.updatedBy?.displayName;
  const updatedAt = page.updatedAt;
  const by = updatedBy ? ` by ${updatedBy}` : '';
  const at = updatedAt ? ` at ${updatedAt}` : '';
  return new ConfluenceConflictError(
    `Page ${page.id} was changed${by}${at} and is now at version ${page.version}; this write was based on version ${baseVersion}. Read the page again and reapply the change.`,
    409,
    page.version,
    { updatedBy, updatedAt },
  );
}

/** The title is already used in the space; `existingPageId` names the page that holds it. */
export function titleTakenConflict(spaceKey: string, title: string, existing: Pick<Page, 'id'>): ConfluenceConflictError {
  return new ConfluenceConflictError(
    `A page titled "${title}" already exists in space ${spaceKey} (page ${existing.id}). Pick another title or update that page.`,
    400,
    undefined,
    { existingPageId: existing.id },
  );
}

/** Whether Confluence's conflict is about the title rather than the version. */
export function isTitleClash(error: ConfluenceConflictError): boolean {
  return TITLE_CLASH.test(error.message);
}
