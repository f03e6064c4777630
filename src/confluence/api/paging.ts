import { ConfluenceInvalidRequestError, headerValue } from '../confluence.errors';
import type { ConfluenceResponse, QueryParams } from '../confluence-http.types';
import { relativeToBase } from '../confluence-url';
import { decodeCursor, encodeCursor, invalidCursorError, splitCursorPath } from '../cursor';

/** The envelope v1 and v2 listings share. */
export interface PagedBody<T> {
  results?: T[];
  _links?: { base?: string; next?: string };
}

/** Where the next request of a listing goes: the first page's path and query, or the path a cursor carries. */
export interface ListTarget {
  path: string;
  query?: QueryParams;
}

/**
 * Resolves the request for one page of a listing. A cursor must lead back to the very same
 * endpoint with the same filters (`pinned`), so a hand-made cursor cannot widen what the caller sees.
 */
export function listTarget(path: string, query: QueryParams, cursor: string | undefined, pinned: string[] = []): ListTarget {
  if (cursor === undefined) return { path, query };
  const nextPath = decodeCursor(cursor, path);
  const parts = splitCursorPath(nextPath);
  if (parts.path !== path || !pinned.every((name) => sameParam(parts.params, name, query[name]))) {
    throw invalidCursorError();
  }
  return { path: nextPath };
}

/** The opaque cursor for the following page, from `_links.next` or the RFC 8288 `Link` header. */
export function nextCursorOf(
  baseUrl: string,
  response: ConfluenceResponse<PagedBody<unknown> | undefined>,
): string | undefined {
  const link = response.body?._links?.next ?? linkHeaderNext(headerValue(response.headers, 'link'));
  return link ? encodeCursor(relativeToBase(baseUrl, link)) : undefined;
}

/** Ids go into URL paths; anything but letters, digits, `_` and `-` could walk to another endpoint. */
export function pathId(id: string, what = 'id'): string {
  if (/^[A-Za-z0-9_-]{1,64}$/.test(id)) return id;
  throw new ConfluenceInvalidRequestError(`The ${what} "${id.slice(0, 64)}" is not valid.`);
}

function sameParam(params: URLSearchParams, name: string, expected: QueryParams[string]): boolean {
  const actual = params.getAll(name).join(',');
  const wanted = expected === undefined ? '' : Array.isArray(expected) ? expected.join(',') : String(expected);
  return normaliseSpace(actual) === normaliseSpace(wanted);
}

function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function linkHeaderNext(header: string | undefined): string | undefined {
  const match = header ? /<([^>]+)>\s*;\s*rel="?next"?/i.exec(header) : null;
  return match?.[1];
}
