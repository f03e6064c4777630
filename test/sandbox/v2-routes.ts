import { notFound } from './errors';
import { firstParam, listParam, RouteContext, RouteResult } from './route-context';
import { RouteDefinition } from './route-definition';
import { SandboxPage, SandboxSpace } from './sandbox-model';
import { bodyFormat, v2List } from './v2-list';
import { V2Serializer } from './v2-serializers';

/** A trashed page is only found when `status` asks for it, as v2 filters by status. */
function requirePage(ctx: RouteContext): SandboxPage {
  const page = ctx.store.getPage(ctx.params.id);
  if (!page || !statusWanted(ctx, page)) throw notFound(`Page ${ctx.params.id} not found`);
  return page;
}

function statusWanted(ctx: RouteContext, page: SandboxPage): boolean {
  const statuses = listParam(ctx.query, 'status');
  return statuses.length === 0 ? page.status === 'current' : statuses.includes(page.status);
}

function requireSpace(ctx: RouteContext): SandboxSpace {
  const space = ctx.store.getSpaceById(ctx.params.id);
  if (!space) throw notFound(`Space ${ctx.params.id} not found`);
  return space;
}

function listSpaces(ctx: RouteContext): RouteResult {
  const keys = listParam(ctx.query, 'keys');
  const ids = listParam(ctx.query, 'ids');
  const type = firstParam(ctx.query, 'type');
  const status = firstParam(ctx.query, 'status');
  const spaces = ctx.store.listSpaces().filter(
    (s) => (keys.length === 0 || keys.includes(s.key)) && (ids.length === 0 || ids.includes(s.id)) && (!type || s.type === type) && (!status || s.status === status),
  );
  const serializer = new V2Serializer(ctx);
  return v2List(ctx, spaces, (s) => serializer.space(s));
}

function getSpace(ctx: RouteContext): RouteResult {
  const space = requireSpace(ctx);
  return { body: { ...new V2Serializer(ctx).space(space), _links: { webui: `/spaces/${space.key}`, base: `${ctx.origin}/wiki` } } };
}

function filterPages(ctx: RouteContext, pages: SandboxPage[]): SandboxPage[] {
  const spaceIds = listParam(ctx.query, 'space-id');
  const ids = listParam(ctx.query, 'id');
  const title = firstParam(ctx.query, 'title');
  return pages.filter(
    (p) =>
      (spaceIds.length === 0 || spaceIds.includes(ctx.store.getSpace(p.spaceKey)?.id ?? '')) &&
      (ids.length === 0 || ids.includes(p.id)) &&
      (!title || p.title === title) &&
      statusWanted(ctx, p),
  );
}

function listPages(ctx: RouteContext): RouteResult {
  const format = bodyFormat(ctx);
  const serializer = new V2Serializer(ctx);
  return v2List(ctx, filterPages(ctx, ctx.store.listPages()), (p) => serializer.page(p, format));
}

function spacePages(ctx: RouteContext): RouteResult {
  const space = requireSpace(ctx);
  const format = bodyFormat(ctx);
  const serializer = new V2Serializer(ctx);
  const inSpace = ctx.store.listPages().filter((p) => p.spaceKey === space.key);
  const depth = firstParam(ctx.query, 'depth');
  const pages = depth === 'root' ? inSpace.filter((p) => p.parentId === null) : inSpace;
  return v2List(ctx, filterPages(ctx, pages), (p) => serializer.page(p, format));
}

function getPage(ctx: RouteContext): RouteResult {
  const page = requirePage(ctx);
  const serializer = new V2Serializer(ctx);
  const body: Record<string, unknown> = serializer.page(page, bodyFormat(ctx));
  if (firstParam(ctx.query, 'include-labels') === 'true') {
    body.labels = { results: page.labels.map((l) => serializer.label(l)), meta: { hasMore: false, cursor: '' }, _links: { self: `/wiki/api/v2/pages/${page.id}/labels` } };
  }
  body._links = { ...(body._links as Record<string, string>), base: `${ctx.origin}/wiki` };
  return { body };
}

function children(ctx: RouteContext): RouteResult {
  const page = requirePage(ctx);
  const serializer = new V2Serializer(ctx);
  return v2List(ctx, ctx.store.childPages(page.id), (p) => serializer.childPage(p));
}

function attachments(ctx: RouteContext): RouteResult {
  const page = requirePage(ctx);
  const filename = firstParam(ctx.query, 'filename');
  const mediaType = firstParam(ctx.query, 'mediaType');
  const found = ctx.store.attachmentsOf(page.id).filter((a) => (!filename || a.title === filename) && (!mediaType || a.mediaType === mediaType));
  const serializer = new V2Serializer(ctx);
  return v2List(ctx, found, (a) => serializer.attachment(a));
}

function labels(ctx: RouteContext): RouteResult {
  const page = requirePage(ctx);
  const prefix = firstParam(ctx.query, 'prefix');
  const serializer = new V2Serializer(ctx);
  return v2List(ctx, page.labels.filter((l) => !prefix || l.prefix === prefix), (l) => serializer.label(l));
}

function commentsAt(location: 'footer' | 'inline'): (ctx: RouteContext) => RouteResult {
  return (ctx) => {
    const page = requirePage(ctx);
    const format = bodyFormat(ctx);
    const serializer = new V2Serializer(ctx);
    const found = ctx.store.commentsOf(page.id).filter((c) => c.location === location && c.parentCommentId === null);
    return v2List(ctx, found, (c) => serializer.comment(c, format));
  };
}

const route = (template: string, handler: RouteDefinition['handler']): RouteDefinition => ({ method: 'GET', template, specPath: template, handler });

/** Cloud REST v2 routes, served under `/wiki/api/v2`. */
export const V2_ROUTES: RouteDefinition[] = [
  route('/spaces', listSpaces),
  route('/spaces/{id}', getSpace),
  route('/spaces/{id}/pages', spacePages),
  route('/pages', listPages),
  route('/pages/{id}', getPage),
  route('/pages/{id}/children', children),
  route('/pages/{id}/attachments', attachments),
  route('/pages/{id}/labels', labels),
  route('/pages/{id}/footer-comments', commentsAt('footer')),
  route('/pages/{id}/inline-comments', commentsAt('inline')),
];
