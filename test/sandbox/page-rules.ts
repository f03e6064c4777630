import { badRequest, badRequestException, contentNotFound, SandboxHttpError, titleExists } from './errors';
import { SandboxPage, SandboxSpace, SandboxVersion } from './sandbox-model';
import { SandboxStore } from './sandbox-store';

const MAX_TITLE_LENGTH = 255;

/** The checks Confluence makes on every page write, shared by create, update and move. */

export function requireCurrentPage(store: SandboxStore, id: string): SandboxPage {
  const page = store.getPage(id);
  if (!page || page.status !== 'current') throw contentNotFound(id);
  return page;
}

/** A missing space is 403 on create, as the Cloud v1 spec documents ("The space that the content is being created in does not exist"). */
export function requireWritableSpace(store: SandboxStore, key: unknown): SandboxSpace {
  const space = typeof key === 'string' ? store.getSpace(key) : undefined;
  if (!space) throw new SandboxHttpError(403, `Space does not exist or you may not add content to it: ${String(key)}`);
  return space;
}

/** Title rules with the real 400 body for a title over 255 characters (../shared/confluence-fixtures). */
export function checkTitle(title: unknown, type: string): string {
  if (typeof title !== 'string' || title.trim() === '') throw badRequest(`Could not create content with type ${type}: a title is required`);
  if (title.length > MAX_TITLE_LENGTH) {
    throw badRequestException(`Could not create content with type ${type}`, [{ key: 'Title cannot be longer than 255 characters.' }]);
  }
  return title;
}

/** Page titles are unique per space among current pages (case-insensitively). */
export function checkTitleFree(store: SandboxStore, spaceKey: string, title: string, exceptId?: string): void {
  const holder = store.pageTitled(spaceKey, title);
  if (holder && holder.id !== exceptId) throw titleExists(title, spaceKey);
}

/** The parent named by `ancestors: [{id}]`: a current page in the given space that is not the page itself or below it. */
export function parentFrom(store: SandboxStore, ancestors: unknown, spaceKey: string, pageId?: string): string | null | undefined {
  if (ancestors === undefined || ancestors === null) return undefined;
  if (!Array.isArray(ancestors)) throw badRequest('ancestors must be an array');
  if (ancestors.length === 0) return undefined;
  const id = String((ancestors.at(-1) as { id?: unknown })?.id ?? '');
  const parent = requireCurrentPage(store, id);
  if (parent.spaceKey !== spaceKey) throw badRequestException(`The parent page ${id} is not in space ${spaceKey}`);
  if (pageId !== undefined) checkNoLoop(store, pageId, parent);
  return parent.id;
}

/** A page may not move under itself or anything below it. */
export function checkNoLoop(store: SandboxStore, pageId: string, newParent: SandboxPage): void {
  if (newParent.id === pageId || store.ancestors(newParent).some((a) => a.id === pageId)) {
    throw badRequestException(`Cannot move page ${pageId} under itself or one of its descendants`);
  }
}

/** Moves a page and everything below it into another space, refusing any title the target space already has. */
export function moveSubtreeToSpace(store: SandboxStore, page: SandboxPage, spaceKey: string): void {
  const subtree = [page, ...store.descendants(page)];
  for (const moving of subtree) checkTitleFree(store, spaceKey, moving.title);
  for (const moving of subtree) moving.spaceKey = spaceKey;
  store.changed();
}

/** The body's `storage` value; other representations are not supported by the sandbox. */
export function storageFrom(body: unknown): string {
  const storage = (body as { storage?: { value?: unknown; representation?: unknown } } | undefined)?.storage;
  if (!storage || typeof storage.value !== 'string') throw badRequest('body.storage.value is required');
  if (storage.representation !== undefined && storage.representation !== 'storage') {
    throw badRequest(`Unsupported representation: ${String(storage.representation)}`);
  }
  return storage.value;
}

/** A new version stamp by the current user. */
export function newVersion(store: SandboxStore, number: number, message = '', minorEdit = false): SandboxVersion {
  return { number, when: new Date().toISOString(), authorId: store.currentUser.accountId, message, minorEdit };
}
