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
  body?: unknown;
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
