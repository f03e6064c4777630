import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Agent, request as undiciRequest } from 'undici';
import { ConfluenceMetrics } from '../metrics/confluence.metrics';
import { CONFLUENCE_CLIENT_OPTIONS, ConfluenceClientOptions } from './confluence-client.options';
import { ConfluenceError, ConfluenceUnavailableError, errorFromResponse } from './confluence.errors';
import { ConfluenceRequest, ConfluenceResponse, HttpMethod } from './confluence-http.types';
import { ConfluenceAuth, ConfluenceConnection } from './confluence.types';
import { buildRequestUrl, relativeToBase } from './confluence-url';
import { RetryPolicy } from './retry-policy';
import { abortableSleep } from './abortable-sleep';

/** What the client needs from the metrics service; a narrow type so tests can pass a recorder. */
export type RequestObserver = Pick<ConfluenceMetrics, 'observe'>;

type ResponseHeaders = ConfluenceResponse<unknown>['headers'];

interface RawResponse {
  status: number;
  headers: ResponseHeaders;
  text: string;
}

/** Socket-level failures that happen before any byte of the request reached Confluence. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

const DEFAULT_KEEP_ALIVE_MS = 30_000;
const DEFAULT_CONNECTIONS = 16;

/**
 * The one way this server talks to Confluence: a pooled keep-alive undici agent, JSON in and out,
 * per-attempt timeouts, caller cancellation, retries for idempotent calls only, and typed errors.
 * A POST/PUT/DELETE is re-sent only when the connection was refused before anything was sent.
 */
@Injectable()
export class ConfluenceHttpClient implements OnModuleDestroy {
  private readonly agent: Agent;
  private readonly retryPolicy: RetryPolicy;

  constructor(
    @Inject(CONFLUENCE_CLIENT_OPTIONS) private readonly options: ConfluenceClientOptions,
    @Inject(ConfluenceMetrics) private readonly metrics: RequestObserver,
  ) {
    this.agent = new Agent({
      keepAliveTimeout: options.keepAliveTimeoutMs ?? DEFAULT_KEEP_ALIVE_MS,
      connections: options.maxConnectionsPerOrigin ?? DEFAULT_CONNECTIONS,
    });
    this.retryPolicy = new RetryPolicy(options);
  }

  async onModuleDestroy(): Promise<void> {
    await this.agent.destroy();
  }

  /** Sends one JSON request to a path under the connection's base URL. */
  async request<T>(connection: ConfluenceConnection, req: ConfluenceRequest): Promise<ConfluenceResponse<T>> {
    const url = buildRequestUrl(connection.baseUrl, req.path, req.query);
    const raw = await this.withRetries(connection, url, req);
    return { status: raw.status, headers: raw.headers, body: parseJsonBody<T>(raw) };
  }

  /** GETs a `_links.next` link (absolute, site-relative or context-relative); never leaves the connection's origin. */
  async requestUrl<T>(
    connection: ConfluenceConnection,
    link: string,
    signal?: AbortSignal,
  ): Promise<ConfluenceResponse<T>> {
    return this.request<T>(connection, { method: 'GET', path: relativeToBase(connection.baseUrl, link), signal });
  }

  private async withRetries(connection: ConfluenceConnection, url: URL, req: ConfluenceRequest): Promise<RawResponse> {
    const startedAt = Date.now();
    for (let retriesSoFar = 0; ; retriesSoFar++) {
      try {
        return await this.attempt(connection, url, req);
      } catch (error) {
        const delay = this.retryDelay(error, req, retriesSoFar, startedAt);
        if (delay === undefined) throw error;
        await abortableSleep(delay, req.signal);
      }
    }
  }

  private retryDelay(error: unknown, req: ConfluenceRequest, retriesSoFar: number, startedAt: number): number | undefined {
    if (!(error instanceof ConfluenceError) || req.signal?.aborted) return undefined;
    return this.retryPolicy.nextDelayMs({ error, retriesSoFar, idempotent: req.method === 'GET', startedAt });
  }

  private async attempt(connection: ConfluenceConnection, url: URL, req: ConfluenceRequest): Promise<RawResponse> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const started = performance.now();
    const elapsed = (): number => (performance.now() - started) / 1000;
    try {
      const raw = await this.send(connection, url, req, signal);
      this.metrics.observe(req.method, raw.status, elapsed());
      if (raw.status >= 200 && raw.status < 300) return raw;
      throw errorFromResponse(raw.status, raw.headers, raw.text);
    } catch (error) {
      if (error instanceof ConfluenceError) throw error;
      throw this.transportFailure(error, req, timeout, elapsed());
    }
  }

  private async send(
    connection: ConfluenceConnection,
    url: URL,
    req: ConfluenceRequest,
    signal: AbortSignal,
  ): Promise<RawResponse> {
    const response = await undiciRequest(url, {
      dispatcher: this.agent,
      method: req.method,
      headers: this.headersFor(connection.auth, req),
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal,
    });
    const text = await response.body.text();
    return { status: response.statusCode, headers: response.headers, text };
  }

  private headersFor(auth: ConfluenceAuth, req: ConfluenceRequest): Record<string, string> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': this.options.userAgent,
      ...req.headers,
    };
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    const authorization = authorizationHeader(auth);
    if (authorization) headers.authorization = authorization;
    return headers;
  }

  /** Caller aborts pass through untouched (no retry); timeouts and socket errors become `unavailable`. */
  private transportFailure(error: unknown, req: ConfluenceRequest, timeout: AbortSignal, seconds: number): unknown {
    if (req.signal?.aborted) {
      this.metrics.observe(req.method, 'aborted', seconds);
      return req.signal.reason ?? error;
    }
    if (timeout.aborted) {
      this.metrics.observe(req.method, 'timeout', seconds);
      return new ConfluenceUnavailableError(timeoutMessage(req.method, this.options.timeoutMs), 'timeout');
    }
    this.metrics.observe(req.method, 'network', seconds);
    const code = errorCode(error);
    return new ConfluenceUnavailableError(networkMessage(code), 'network', { requestSent: !NOT_SENT_CODES.has(code) });
  }
}

/** Basic (email/user + API token) for Cloud, Bearer (PAT) for Data Center. */
function authorizationHeader(auth: ConfluenceAuth): string | undefined {
  switch (auth.kind) {
    case 'basic':
      return `Basic ${Buffer.from(`${auth.username}:${auth.apiToken}`).toString('base64')}`;
    case 'bearer':
      return `Bearer ${auth.token}`;
    case 'none':
      return undefined;
  }
}

function parseJsonBody<T>(raw: RawResponse): T {
  if (raw.text.trim() === '') return undefined as T;
  try {
    return JSON.parse(raw.text) as T;
  } catch {
    throw new ConfluenceUnavailableError(
      `Confluence answered HTTP ${raw.status} with a body that is not JSON.`,
      'status',
      { status: raw.status },
    );
  }
}

function errorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'unknown';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : 'unknown';
}

function timeoutMessage(method: HttpMethod, timeoutMs: number): string {
  return `Confluence did not answer the ${method} within ${timeoutMs} ms.`;
}

function networkMessage(code: string): string {
  return `Confluence could not be reached (${code}).`;
}
