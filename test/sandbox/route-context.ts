import { IncomingHttpHeaders } from 'node:http';
import { SandboxFaults } from './faults';
import { SandboxStore } from './sandbox-store';

/** Query string as Confluence sees it: a repeated parameter becomes an array. */
export type QueryMap = Record<string, string | string[]>;

/** Which deployment layout a request came through. */
export type Layout = 'cloud' | 'dc';

/** Everything a route handler needs to answer one request. */
export interface RouteContext {
  params: Record<string, string>;
  query: QueryMap;
  layout: Layout;
  origin: string;
  /** Site context path as `_links.context` shows it: `/wiki` on Cloud, the configured context path (or '') on Data Center. */
  contextPath: string;
  /** Full request path without the query, e.g. `/wiki/rest/api/content/98305/child/page`. */
  path: string;
  store: SandboxStore;
  /** Request headers (lower-case names), e.g. for the XSRF check of multipart uploads. */
  headers: IncomingHttpHeaders;
  /** The raw request body; empty for GET. */
  body: Buffer;
  /** The faults active when the request arrived, for the ones a route applies itself (e.g. `rewriteStorageOnSave`). */
  faults: Readonly<SandboxFaults>;
}

/** What a handler answers: a JSON body (or raw bytes) plus optional headers. */
export interface RouteResult {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

export function firstParam(query: QueryMap, name: string): string | undefined {
  const value = query[name];
  return Array.isArray(value) ? value[0] : value;
}

export function allParams(query: QueryMap, name: string): string[] {
  const value = query[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Comma-separated values across repeated parameters, e.g. `keys=A,B&keys=C`. */
export function listParam(query: QueryMap, name: string): string[] {
  return allParams(query, name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

/** Base URL of the site as `_links.base` shows it. */
export function siteBase(ctx: Pick<RouteContext, 'origin' | 'contextPath'>): string {
  return `${ctx.origin}${ctx.contextPath}`;
}

/** Context path as `_links.context` shows it, e.g. `/wiki` or `/confluence`. */
export function siteContext(ctx: Pick<RouteContext, 'contextPath'>): string {
  return ctx.contextPath;
}

/** Builds `path?query` from the request's own query with some parameters replaced. */
export function withQuery(path: string, query: QueryMap, overrides: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key in overrides) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  }
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined) params.set(key, value);
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
