import type { FormData } from 'undici';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type QueryValue = string | number | boolean | (string | number)[] | undefined;

/** Query parameters; arrays repeat the name (`spaceKey=A&spaceKey=B`), so v2's comma lists are joined by the caller. */
export type QueryParams = Record<string, QueryValue>;

/** One JSON call to Confluence, with the path relative to the connection's base URL. */
export interface ConfluenceRequest {
  method: HttpMethod;
  /** Relative to `connection.baseUrl`, e.g. `/rest/api/content/1`; may already carry a query string. */
  path: string;
  query?: QueryParams;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as multipart/form-data instead of `body` (attachments); undici streams it and sets the boundary. */
  form?: FormData;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Retries for this call only (0 = a single attempt), e.g. for a probe that must answer fast; the configured maximum otherwise. */
  retries?: number;
}

export interface ConfluenceResponse<T> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
}

/** One binary download from a link on the connection's site, held in memory up to `maxBytes`. */
export interface DownloadRequest {
  /** Absolute, site-relative or context-relative; it must lead to the connection's own origin. */
  link: string;
  maxBytes: number;
  signal?: AbortSignal;
  retries?: number;
  /**
   * When set, one redirect is followed, without credentials: to the same origin, or to one of these host
   * names without a downgrade from https (Cloud hands binaries out as a signed URL on its media host).
   * Unset, a redirect is a configuration problem like on every other call.
   */
  redirectHosts?: readonly string[];
}
