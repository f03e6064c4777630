import { badRequest, contentNotFound, notFound } from './errors';
import { Expansion } from './expand';
import { allParams, firstParam, listParam, RouteContext, RouteResult } from './route-context';
import { RouteDefinition } from './route-definition';
import { SandboxComment, SandboxPage } from './sandbox-model';
import { withSiteLinks } from './v1-links';
import { v1ListBody, v1Slice } from './v1-list';
import { contentSearchRoute, searchRoute } from './v1-search';
import { V1Serializer } from './v1-serializers';
import { pageAsRequested } from './v1-version-routes';
import { V1_WRITE_ROUTES } from './v1-write-routes';

const CONTENT_DEFAULT_EXPAND = ['space', 'history', 'version'];

function requirePage(ctx: RouteContext): SandboxPage {
  const page = ctx.store.getPage(ctx.params.id);
  if (!page) throw contentNotFound(ctx.params.id);
  return page;
}

function getContent(ctx: RouteContext): RouteResult {
  const serializer = new V1Serializer(ctx);
  const expand = Expansion.from(ctx.query, CONTENT_DEFAULT_EXPAND);
  const id = ctx.params.id;
  const page = ctx.store.getPage(id);
  if (page) return { body: withSiteLinks(ctx, serializer.page(pageAsRequested(ctx, page), expand)) };
  const comment = ctx.store.getComment(id);
  if (comment) return { body: withSiteLinks(ctx, serializer.comment(comment, expand)) };
  const attachment = ctx.store.getAttachment(id);
  if (attachment) return { body: withSiteLinks(ctx, serializer.attachment(attachment, expand)) };
  throw contentNotFound(id);
}

function listContent(ctx: RouteContext): RouteResult {
  const type = firstParam(ctx.query, 'type') ?? 'page';
  if (type !== 'page' && type !== 'blogpost') throw badRequest(`Unsupported value for type, got : ${type}, expected one of : [page, blogpost]`);
  const spaceKey = firstParam(ctx.query, 'spaceKey');
  const title = firstParam(ctx.query, 'title');
  const status = firstParam(ctx.query, 'status') ?? 'current';
  const pages = type === 'blogpost' ? [] : ctx.store.listPages().filter(
    (p) => (!spaceKey || p.spaceKey === spaceKey) && (!title || p.title === title) && (status === 'any' || p.status === status),
  );
  const serializer = new V1Serializer(ctx);
  const expand = Expansion.from(ctx.query);
  return { body: v1ListBody(ctx, v1Slice(ctx, pages), (p) => serializer.page(p, expand)) };
}

function childPages(ctx: RouteContext): RouteResult {
  const page = requirePage(ctx);
  const serializer = new V1Serializer(ctx);
  const expand = Expansion.from(ctx.query);
  return { body: v1ListBody(ctx, v1Slice(ctx, ctx.store.childPages(page.id)), (p) => serializer.page(p, expand)) };
}

function selectComments(ctx: RouteContext, pageId: string): SandboxComment[] {
  const locations = listParam(ctx.query, 'location');
  const allDepths = firstParam(ctx.query, 'depth') === 'all';
  return ctx.store
    .commentsOf(pageId)
    .filter((c) => (allDepths || c.parentCommentId === null) && (locations.length === 0 || locations.includes(c.location)));
}

function childComments(ctx: RouteContext): RouteResult {
  const page = requirePage(ctx);
  const serializer = new V1Serializer(ctx);
  const expand = Expansion.from(ctx.query);
  return { body: v1ListBody(ctx, v1Slice(ctx, selectComments(ctx, page.id)), (c) => serializer.comment(c, expand)) };
}

function childAttachments(ctx: RouteContext): RouteResult {
  const page = requirePage(ctx);
  const filename = firstParam(ctx.query, 'filename');
  const mediaType = firstParam(ctx.query, 'mediaType');
  const attachments = ctx.store
    .attachmentsOf(page.id)
    .filter((a) => (!filename || a.title === filename) && (!mediaType || a.mediaType === mediaType));
  const serializer = new V1Serializer(ctx);
  const expand = Expansion.from(ctx.query);
  return { body: v1ListBody(ctx, v1Slice(ctx, attachments), (a) => serializer.attachment(a, expand)) };
}

function contentLabels(ctx: RouteContext): RouteResult {
  const page = requirePage(ctx);
  const prefix = firstParam(ctx.query, 'prefix');
  const labels = page.labels.filter((l) => !prefix || l.prefix === prefix);
  const serializer = new V1Serializer(ctx);
  return { body: v1ListBody(ctx, v1Slice(ctx, labels), (l) => serializer.label(l)) };
}

function listSpaces(ctx: RouteContext): RouteResult {
  const keys = allParams(ctx.query, 'spaceKey');
  const ids = listParam(ctx.query, 'spaceId');
  const type = firstParam(ctx.query, 'type');
  const status = firstParam(ctx.query, 'status');
  const spaces = ctx.store.listSpaces().filter(
    (s) => (keys.length === 0 || keys.includes(s.key)) && (ids.length === 0 || ids.includes(s.id)) && (!type || s.type === type) && (!status || s.status === status),
  );
  const serializer = new V1Serializer(ctx);
  const expand = Expansion.from(ctx.query);
  return { body: v1ListBody(ctx, v1Slice(ctx, spaces), (s) => serializer.space(s, expand)) };
}

function getSpace(ctx: RouteContext): RouteResult {
  const space = ctx.store.getSpace(ctx.params.spaceKey);
  if (!space) throw notFound(`No space with key : ${ctx.params.spaceKey}`);
  return { body: withSiteLinks(ctx, new V1Serializer(ctx).space(space, Expansion.from(ctx.query))) };
}

function currentUser(ctx: RouteContext): RouteResult {
  return { body: withSiteLinks(ctx, new V1Serializer(ctx).user(ctx.store.currentUser)) };
}

/** REST v1 routes, served under `/wiki/rest/api` (Cloud) and `<context>/rest/api` (Data Center). */
export const V1_ROUTES: RouteDefinition[] = [
  { method: 'GET', template: '/search', specPath: '/search', handler: searchRoute },
  { method: 'GET', template: '/content/search', specPath: '/content/search', handler: contentSearchRoute },
  { method: 'GET', template: '/content', specPath: '/content', handler: listContent },
  { method: 'GET', template: '/content/{id}', specPath: '/content/{id}', handler: getContent },
  { method: 'GET', template: '/content/{id}/child/page', specPath: '/content/{id}/child/{type}', handler: childPages },
  { method: 'GET', template: '/content/{id}/child/comment', specPath: '/content/{id}/child/comment', handler: childComments },
  { method: 'GET', template: '/content/{id}/child/attachment', specPath: '/content/{id}/child/attachment', handler: childAttachments },
  { method: 'GET', template: '/content/{id}/label', specPath: '/content/{id}/label', handler: contentLabels },
  { method: 'GET', template: '/space', specPath: '/space', handler: listSpaces },
  { method: 'GET', template: '/space/{spaceKey}', specPath: '/space/{spaceKey}', handler: getSpace },
  { method: 'GET', template: '/user/current', specPath: '/user/current', handler: currentUser },
  ...V1_WRITE_ROUTES,
];
