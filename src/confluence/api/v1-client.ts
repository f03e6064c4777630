import type { FormData } from 'undici';
import type { ConfluenceHttpClient } from '../confluence-http.client';
import type { HttpMethod, QueryParams } from '../confluence-http.types';
import type { CallOptions, ConfluenceConnection } from '../confluence.types';

/** What a write sends besides the method and path. */
export interface SendInit {
  query?: QueryParams;
  body?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
}

/**
 * The HTTP client bound to one connection, with the per-call options (cancellation, retry limit) applied,
 * so the write helpers of both deployments share one way of calling Confluence.
 */
export class V1Client {
  constructor(
    private readonly http: ConfluenceHttpClient,
    readonly connection: ConfluenceConnection,
  ) {}

  /** The site base that relative links resolve against when an answer carries no `_links.base`. */
  get baseUrl(): string {
    return this.connection.baseUrl;
  }

  async get<T>(path: string, query: QueryParams, opts?: CallOptions): Promise<T> {
    return this.send<T>('GET', path, { query }, opts);
  }

  async send<T>(method: HttpMethod, path: string, init: SendInit, opts?: CallOptions): Promise<T> {
    const response = await this.http.request<T>(this.connection, { method, path, ...init, ...callFields(opts) });
    return response.body;
  }

  /** The bytes behind a download link on this site (and the one redirect `redirectHosts` allows), refused past `maxBytes`. */
  async download(link: string, maxBytes: number, redirectHosts: readonly string[] | undefined, opts?: CallOptions): Promise<Buffer> {
    const response = await this.http.download(this.connection, { link, maxBytes, redirectHosts, ...callFields(opts) });
    return response.body;
  }
}

/** The per-call options the HTTP client honours: cancellation and the retry limit. */
export function callFields(opts: CallOptions | undefined): { signal?: AbortSignal; retries?: number } {
  return { signal: opts?.signal, retries: opts?.retries };
}
