import { badRequest, badRequestException, contentNotFound, versionConflict } from './errors';
import { Expansion } from './expand';
import {
  checkTitle,
  checkTitleFree,
  newVersion,
  parentFrom,
  requireCurrentPage,
  requireWritableSpace,
  storageFrom,
} from './page-rules';
import { jsonBody } from './request-body';
import { labelInput } from './v1-label-routes';
import { RouteContext, RouteResult } from './route-context';
import { SandboxComment, SandboxPage } from './sandbox-model';
import { savedStorage } from './storage-rewrite';
import { withSiteLinks } from './v1-links';
import { V1Serializer } from './v1-serializers';

/** The parts of `ContentCreate` / `ContentUpdate` the sandbox reads. */
interface ContentInput {
  type?: string;
  title?: unknown;
  space?: { key?: unknown };
  container?: { id?: unknown };
  ancestors?: unknown;
  body?: unknown;
  version?: { number?: unknown; message?: unknown; minorEdit?: unknown };
  metadata?: { labels?: unknown };
}

/** What a create or update answers with, as captured from Cloud (../shared/confluence-fixtures/xsoar-content_create_*). */
const WRITE_EXPAND = ['space', 'history', 'version', 'ancestors', 'container', 'body.storage'];

function answer(ctx: RouteContext, serialize: (s: V1Serializer, e: Expansion) => Record<string, unknown>): RouteResult {
  return { body: withSiteLinks(ctx, serialize(new V1Serializer(ctx), Expansion.from(ctx.query, WRITE_EXPAND))) };
}

/** `POST /content`: a page (title unique in its space) or a comment (a reply names its parent comment in `ancestors`). */
export function createContent(ctx: RouteContext): RouteResult {
  const input = jsonBody(ctx) as ContentInput;
  if (input.type === 'page') return createPage(ctx, input);
  if (input.type === 'comment') return createComment(ctx, input);
  throw badRequest(`Unsupported value for type, got : ${String(input.type)}, expected one of : [page, comment]`);
}

function createPage(ctx: RouteContext, input: ContentInput): RouteResult {
  const store = ctx.store;
  const title = checkTitle(input.title, 'page');
  const space = requireWritableSpace(store, input.space?.key);
  checkTitleFree(store, space.key, title);
  const parentId = parentFrom(store, input.ancestors, space.key) ?? null;
  const labels = initialLabels(input.metadata?.labels).map((label) => ({ id: store.newId(), ...label }));
  const version = newVersion(store, 1);
  const page: SandboxPage = {
    id: store.newId(), spaceKey: space.key, title, parentId, position: 0, status: 'current', body: savedStorage(ctx, storageFrom(input.body)),
    authorId: version.authorId, createdAt: version.when, version, labels,
  };
  store.addPage(page);
  return answer(ctx, (s, e) => s.page(page, e));
}

/** `metadata.labels` of a create: the labels go on with the page, in the same request. */
function initialLabels(value: unknown): ReturnType<typeof labelInput>[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw badRequest('metadata.labels must be an array of labels');
  const unique = new Map(value.map(labelInput).map((label) => [`${label.prefix}:${label.name}`, label]));
  return [...unique.values()];
}

function createComment(ctx: RouteContext, input: ContentInput): RouteResult {
  const store = ctx.store;
  const page = requireCurrentPage(store, String(input.container?.id ?? ''));
  const parentCommentId = replyParent(ctx, input.ancestors, page.id);
  const version = newVersion(store, 1);
  const comment: SandboxComment = {
    id: store.newId(), pageId: page.id, parentCommentId, location: 'footer', body: savedStorage(ctx, storageFrom(input.body)),
    authorId: version.authorId, createdAt: version.when, version, inline: null,
  };
  store.addComment(comment);
  return answer(ctx, (s, e) => s.comment(comment, e));
}

function replyParent(ctx: RouteContext, ancestors: unknown, pageId: string): string | null {
  if (!Array.isArray(ancestors) || ancestors.length === 0) return null;
  const id = String((ancestors.at(-1) as { id?: unknown })?.id ?? '');
  const parent = ctx.store.getComment(id);
  if (!parent) throw contentNotFound(id);
  if (parent.pageId !== pageId) throw badRequestException(`Comment ${id} is not on content ${pageId}`);
  return parent.id;
}

/**
 * `PUT /content/{id}`: optimistic locking on `version.number` (the next number or a 409 naming the current
 * one), unique titles, a new parent in `ancestors`, and a new `space` that takes the whole subtree along.
 */
export function updateContent(ctx: RouteContext): RouteResult {
  const store = ctx.store;
  const input = jsonBody(ctx) as ContentInput;
  const page = requireCurrentPage(store, ctx.params.id);
  if (input.type !== undefined && input.type !== 'page') throw badRequest(`Content ${page.id} is a page, not ${String(input.type)}`);
  const number = input.version?.number;
  if (typeof number !== 'number') throw badRequest('Must supply an incremented version when updating Content. No version supplied.');
  if (number !== page.version.number + 1) throw versionConflict(page.version.number);
  const title = checkTitle(input.title, 'page');
  const spaceKey = input.space?.key === undefined ? page.spaceKey : requireWritableSpace(store, input.space.key).key;
  const parentId = parentFrom(store, input.ancestors, spaceKey, page.id);
  const spaceChanged = spaceKey !== page.spaceKey;
  const moving = spaceChanged ? store.descendants(page) : [];
  checkTitleFree(store, spaceKey, title, page.id);
  moving.forEach((below) => checkTitleFree(store, spaceKey, below.title));
  const body = input.body === undefined ? page.body : savedStorage(ctx, storageFrom(input.body));
  store.history.keepPage(page);
  if (spaceChanged) {
    [page, ...moving].forEach((p) => (p.spaceKey = spaceKey));
    store.place(page, parentId ?? null);
  } else if (parentId !== undefined && parentId !== page.parentId) {
    store.place(page, parentId);
  }
  Object.assign(page, { title, body, version: newVersion(store, number, stringOr(input.version?.message), input.version?.minorEdit === true) });
  store.changed();
  return answer(ctx, (s, e) => s.page(page, e));
}

function stringOr(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
