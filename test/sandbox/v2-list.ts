import { SandboxHttpError, badRequest } from './errors';
import { decodeCursor, encodeCursor, parseLimit, slice } from './pagination';
import { firstParam, RouteContext, RouteResult, withQuery } from './route-context';

const V2_DEFAULT_LIMIT = 25;
const V2_MAX_LIMIT = 250;
const BODY_FORMATS = ['storage', 'atlas_doc_format', 'view', 'export_view', 'anonymous_export_view', 'styled_view', 'editor'];

function invalidParameter(message: string): SandboxHttpError {
  return badRequest(message);
}

/** Cursor paging of v2 lists: `_links.next` plus a `Link: <...>; rel="next"` header. */
export function v2List<T>(ctx: RouteContext, all: T[], serialize: (item: T) => unknown): RouteResult {
  const limit = parseLimit(ctx.query, V2_DEFAULT_LIMIT, V2_MAX_LIMIT, invalidParameter);
  const cursor = firstParam(ctx.query, 'cursor');
  const start = cursor ? decodeCursor(cursor, () => badRequest(`Invalid cursor: ${cursor}`)) : 0;
  const page = slice(all, start, limit);
  const base = `${ctx.origin}/wiki`;
  const links: Record<string, string> = { base };
  const headers: Record<string, string> = {};
  if (page.nextStart !== null) {
    links.next = withQuery(ctx.path, ctx.query, { cursor: encodeCursor(page.nextStart), limit: String(limit) });
    headers.Link = `<${links.next}>; rel="next", <${base}>; rel="base"`;
  }
  return { body: { results: page.items.map(serialize), _links: links }, headers };
}

/** `body-format` of v2 routes; an unknown value is a 400 like Cloud answers. */
export function bodyFormat(ctx: RouteContext): string | undefined {
  const format = firstParam(ctx.query, 'body-format');
  if (format !== undefined && !BODY_FORMATS.includes(format)) throw badRequest(`Invalid value for body-format: ${format}`);
  return format;
}
