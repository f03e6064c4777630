import { badRequest } from './errors';
import { PageSlice, parseLimit, parseStart, slice } from './pagination';
import { RouteContext, siteContext, withQuery } from './route-context';
import { listLinks } from './v1-links';

export const V1_DEFAULT_LIMIT = 25;
export const V1_MAX_LIMIT = 250;

/** Offset (`start`) paging of v1 list endpoints. */
export function v1Slice<T>(ctx: RouteContext, all: T[]): PageSlice<T> {
  const limit = parseLimit(ctx.query, V1_DEFAULT_LIMIT, V1_MAX_LIMIT, badRequest);
  return slice(all, parseStart(ctx.query), limit);
}

/** Path of the current request relative to `_links.base`, e.g. `/rest/api/content/1/child/page`. */
export function relativePath(ctx: RouteContext): string {
  return ctx.path.slice(siteContext(ctx).length);
}

/** Standard v1 list envelope `{results, start, limit, size, _links}` with an offset `next` link. */
export function v1ListBody<T>(ctx: RouteContext, page: PageSlice<T>, serialize: (item: T) => unknown): Record<string, unknown> {
  const next = page.nextStart === null ? null : withQuery(relativePath(ctx), ctx.query, { start: String(page.nextStart), limit: String(page.limit) });
  return {
    results: page.items.map(serialize),
    start: page.start,
    limit: page.limit,
    size: page.items.length,
    _links: listLinks(ctx, next),
  };
}
