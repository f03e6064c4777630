import type { CreatePageRequest, Page, UpdatePageRequest } from '../confluence.types';

/** The JSON bodies of v1 page writes (`ContentCreate` / `ContentUpdate` in the Cloud v1 spec, the same on Data Center). */

export function createPageBody(req: CreatePageRequest): Record<string, unknown> {
  return {
    type: 'page',
    title: req.title,
    space: { key: req.spaceKey },
    ...(req.parentId ? { ancestors: [{ id: req.parentId }] } : {}),
    body: storageBody(req.storage),
    ...(req.labels?.length ? { metadata: { labels: req.labels.map((name) => ({ prefix: 'global', name })) } } : {}),
  };
}

export function updatePageBody(req: UpdatePageRequest): Record<string, unknown> {
  return {
    id: req.pageId,
    type: 'page',
    title: req.title,
    version: { number: req.baseVersion + 1, minorEdit: req.minorEdit ?? false, ...(req.message ? { message: req.message } : {}) },
    ...(req.parentId ? { ancestors: [{ id: req.parentId }] } : {}),
    body: storageBody(req.storage),
  };
}

/** The page as it is, in another space and without ancestors: Confluence puts it (and its subtree) at that space's top level. */
export function spaceMoveBody(page: Page, spaceKey: string): Record<string, unknown> {
  return {
    id: page.id,
    type: 'page',
    title: page.title,
    space: { key: spaceKey },
    version: { number: page.version + 1, minorEdit: true, message: `Moved from space ${page.spaceKey}` },
    body: storageBody(page.storage),
  };
}

function storageBody(value: string): Record<string, unknown> {
  return { storage: { value, representation: 'storage' } };
}
