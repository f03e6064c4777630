import { ConfluenceInvalidRequestError } from './confluence.errors';
import type { QueryParams } from './confluence-http.types';

/** Joins a base-relative path (which may carry its own query) and extra params onto the connection's base URL. */
export function buildRequestUrl(baseUrl: string, path: string, query: QueryParams = {}): URL {
  const url = new URL(trimTrailingSlash(baseUrl) + ensureLeadingSlash(path));
  for (const [name, value] of Object.entries(query)) {
    appendParam(url.searchParams, name, value);
  }
  return url;
}

/**
 * Turns a `_links.next` value into a path+query relative to the base URL. Confluence gives
 * v1 links relative to the context (`/rest/api/...`) and v2 links relative to the site
 * (`/wiki/api/v2/...`), sometimes absolute; a link to another origin is refused.
 */
export function relativeToBase(baseUrl: string, link: string): string {
  const base = new URL(trimTrailingSlash(baseUrl));
  const target = new URL(link, base.origin);
  if (target.origin !== base.origin) {
    throw new ConfluenceInvalidRequestError('Confluence returned a link to another site; it was not followed.');
  }
  const contextPath = trimTrailingSlash(base.pathname);
  const path = contextPath && target.pathname.startsWith(`${contextPath}/`)
    ? target.pathname.slice(contextPath.length)
    : target.pathname;
  return path + target.search;
}

function appendParam(params: URLSearchParams, name: string, value: QueryParams[string]): void {
  if (value === undefined) return;
  const values = Array.isArray(value) ? value : [value];
  for (const item of values) params.append(name, String(item));
}

function trimTrailingSlash(text: string): string {
  return text.endsWith('/') ? text.slice(0, -1) : text;
}

function ensureLeadingSlash(path: string): string {
  return path.startsWith('/') ? path : `/${path}`;
}
