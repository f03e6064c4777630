import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Agent, Dispatcher, request as undiciRequest } from 'undici';
import { ConfluenceMetrics } from '../metrics/confluence.metrics';
import { CONFLUENCE_CLIENT_OPTIONS, ConfluenceClientOptions } from './confluence-client.options';
import { ConfluenceError, ConfluenceUnavailableError, errorFromResponse, headerValue } from './confluence.errors';
import { ConfluenceRequest, ConfluenceResponse, DownloadRequest, HttpMethod } from './confluence-http.types';
import { ConfluenceAuth, ConfluenceConnection } from './confluence.types';
import { buildRequestUrl, relativeToBase } from './confluence-url';
import { RetryPolicy } from './retry-policy';
import { abortableSleep } from './abortable-sleep';
import { RequestCancelledError } from './request-cancelled.error';
import { AttemptSignal } from './attempt-signal';
import { authorizationHeader } from './authorization-header';
import { htmlAnswerError, looksLikeHtml, redirectError } from './misconfiguration';
import { readCappedBody } from './capped-body';

/** What the client needs from the metrics service; a narrow type so tests can pass a recorder. */
export type RequestObserver = Pick<ConfluenceMetrics, 'observe'>;

type ResponseHeaders = ConfluenceResponse<unknown>['headers'];

interface RawResponse {
  status: number;
  headers: ResponseHeaders;
  /** The body as text: always for JSON calls, and for the error answers of downloads. */
  text: string;
  /** The body of a successful download. */
  bytes?: Buffer;
}

/** How an answer's body is read: as JSON text, or as bytes up to a cap (downloads, which may allow one redirect). */
type BodyMode = { kind: 'json' } | { kind: 'bytes'; maxBytes: number; redirectHosts?: readonly string[] };

const JSON_BODY: BodyMode = { kind: 'json' };

/** Socket-level failures that happen before any byte of the request reached Confluence. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

const DEFAULT_KEEP_ALIVE_MS = 30_000;
const DEFAULT_CONNECTIONS = 16;

/**
 * The one way this server talks to Confluence: a pooled keep-alive undici agent, JSON in and out
 * (multipart for uploads, capped bytes for downloads), per-attempt timeouts within an overall deadline,
 * caller cancellation, retries for idempotent calls only, and typed errors.
 * A POST/PUT/DELETE is re-sent only when the connection was refused before anything was sent; once bytes
 * may have reached Confluence, the failure surfaces (`requestSent: true`) and the caller decides by reading back.
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

  /** Sends one request (JSON or multipart body) to a path under the connection's base URL; the answer must be JSON. */
  async request<T>(connection: ConfluenceConnection, req: ConfluenceRequest): Promise<ConfluenceResponse<T>> {
    const url = buildRequestUrl(connection.baseUrl, req.path, req.query);
    const raw = await this.withRetries(connection, url, req, JSON_BODY);
    return { status: raw.status, headers: raw.headers, body: parseJsonBody<T>(raw) };
  }

  /**
   * GETs a download link on the connection's own origin (another origin is refused before any request)
   * and returns the bytes; a body over `maxBytes` is a ConfluenceDownloadTooLargeError, never buffered past the cap.
   * With `redirectHosts`, one redirect to such a host (or the same origin) is followed without credentials,
   * because Cloud answers its download endpoint with a signed URL on its media host.
   */
  async download(connection: ConfluenceConnection, req: DownloadRequest): Promise<ConfluenceResponse<Buffer>> {
    const path = relativeToBase(connection.baseUrl, req.link);
    const get: ConfluenceRequest = { method: 'GET', path, headers: { accept: '*/*' }, signal: req.signal, retries: req.retries };
    const url = buildRequestUrl(connection.baseUrl, path);
    const mode: BodyMode = { kind: 'bytes', maxBytes: req.maxBytes, redirectHosts: req.redirectHosts };
    const raw = await this.withRetries(connection, url, get, mode);
    if (raw.bytes) return { status: raw.status, headers: raw.headers, body: raw.bytes };
    const target = new URL(headerValue(raw.headers, 'location') ?? '', url);
    const anonymous: ConfluenceConnection = { ...connection, auth: { kind: 'none' } };
    const hop = await this.withRetries(anonymous, target, get, { kind: 'bytes', maxBytes: req.maxBytes });
    return { status: hop.status, headers: hop.headers, body: hop.bytes ?? Buffer.alloc(0) };
  }

  /** GETs a `_links.next` link (absolute, site-relative or context-relative); never leaves the connection's origin. */
  async requestUrl<T>(
    connection: ConfluenceConnection,
    link: string,
    signal?: AbortSignal,
  ): Promise<ConfluenceResponse<T>> {
    return this.request<T>(connection, { method: 'GET', path: relativeToBase(connection.baseUrl, link), signal });
  }

  private async withRetries(
    connection: ConfluenceConnection,
    url: URL,
    req: ConfluenceRequest,
    mode: BodyMode,
  ): Promise<RawResponse> {
    const startedAt = Date.now();
    let lastError: unknown;
    for (let retriesSoFar = 0; ; retriesSoFar++) {
      const budgetMs = Math.min(this.options.timeoutMs, this.retryPolicy.remainingMs(startedAt));
      if (budgetMs <= 0) throw lastError ?? this.deadlineError(req.method);
      try {
        return await this.attempt(connection, url, req, mode, budgetMs);
      } catch (error) {
        const delay = this.retryDelay(error, req, retriesSoFar, startedAt);
        if (delay === undefined) throw error;
        lastError = error;
        await abortableSleep(delay, req.signal);
      }
    }
  }

  private retryDelay(error: unknown, req: ConfluenceRequest, retriesSoFar: number, startedAt: number): number | undefined {
    if (!(error instanceof ConfluenceError) || req.signal?.aborted) return undefined;
    const idempotent = req.method === 'GET';
    return this.retryPolicy.nextDelayMs({ error, retriesSoFar, idempotent, startedAt, maxRetries: req.retries });
  }

  /** One try, bounded by `budgetMs`: the per-attempt timeout or what is left of the deadline, whichever is less. */
  private async attempt(
    connection: ConfluenceConnection,
    url: URL,
    req: ConfluenceRequest,
    mode: BodyMode,
    budgetMs: number,
  ): Promise<RawResponse> {
    const attemptSignal = new AttemptSignal(budgetMs, req.signal);
    const started = performance.now();
    const elapsed = (): number => (performance.now() - started) / 1000;
    try {
      const response = await this.send(connection, url, req, attemptSignal.signal);
      const raw = await this.readBody(response, mode, () => this.metrics.observe(req.method, response.statusCode, elapsed()));
      this.metrics.observe(req.method, raw.status, elapsed());
      return checkedAnswer(raw, url, mode);
    } catch (error) {
      if (error instanceof ConfluenceError) throw error;
      throw this.transportFailure(error, req, attemptSignal, elapsed());
    } finally {
      attemptSignal.dispose();
    }
  }

  private async send(
    connection: ConfluenceConnection,
    url: URL,
    req: ConfluenceRequest,
    signal: AbortSignal,
  ): Promise<Dispatcher.ResponseData> {
    return undiciRequest(url, {
      dispatcher: this.agent,
      method: req.method,
      headers: this.headersFor(connection.auth, req),
      body: req.form ?? (req.body === undefined ? undefined : JSON.stringify(req.body)),
      signal,
    });
  }

  /** A successful download is read as capped bytes (`onRefused` records the attempt when the cap refuses it); anything else as text. */
  private async readBody(response: Dispatcher.ResponseData, mode: BodyMode, onRefused: () => void): Promise<RawResponse> {
    const { statusCode: status, headers } = response;
    if (mode.kind === 'json' || status < 200 || status >= 300) return { status, headers, text: await response.body.text() };
    try {
      const bytes = await readCappedBody(response.body, mode.maxBytes, headerValue(headers, 'content-length'));
      return { status, headers, text: '', bytes };
    } catch (error) {
      if (error instanceof ConfluenceError) onRefused();
      throw error;
    }
  }

  private headersFor(auth: ConfluenceAuth, req: ConfluenceRequest): Record<string, string> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': this.options.userAgent,
      ...req.headers,
    };
    if (req.body !== undefined && req.form === undefined) headers['content-type'] = 'application/json';
    const authorization = authorizationHeader(auth);
    if (authorization) headers.authorization = authorization;
    return headers;
  }

  /** Caller aborts pass through untouched (no retry); timeouts and socket errors become `unavailable`, the original as `cause`. */
  private transportFailure(error: unknown, req: ConfluenceRequest, attempt: AttemptSignal, seconds: number): unknown {
    if (req.signal?.aborted) {
      this.metrics.observe(req.method, 'aborted', seconds);
      return new RequestCancelledError(req.signal.reason);
    }
    if (attempt.timedOut) {
      this.metrics.observe(req.method, 'timeout', seconds);
      const cutByDeadline = attempt.timeoutMs < this.options.timeoutMs;
      const message = cutByDeadline ? this.deadlineMessage(req.method) : timeoutMessage(req.method, attempt.timeoutMs);
      return new ConfluenceUnavailableError(message, 'timeout', { cause: error });
    }
    this.metrics.observe(req.method, 'network', seconds);
    const code = errorCode(error);
    const requestSent = !NOT_SENT_CODES.has(code);
    return new ConfluenceUnavailableError(networkMessage(code), 'network', { requestSent, cause: error });
  }

  private deadlineError(method: HttpMethod): ConfluenceUnavailableError {
    return new ConfluenceUnavailableError(this.deadlineMessage(method), 'timeout');
  }

  private deadlineMessage(method: HttpMethod): string {
    return `Confluence did not answer the ${method} within the ${this.options.deadlineMs} ms deadline.`;
  }
}

/**
 * Only a 2xx answer passes, and it must be JSON unless it is a download (an attachment may well be HTML).
 * Redirects, HTML pages and HTML 404s (Confluence's REST 404s are JSON, so an HTML one means the base
 * URL is wrong) are misconfiguration; other statuses become their typed error.
 */
function checkedAnswer(raw: RawResponse, url: URL, mode: BodyMode): RawResponse {
  if (raw.status >= 300 && raw.status < 400) {
    if (mode.kind === 'bytes' && mayFollow(raw, url, mode.redirectHosts)) return raw;
    throw redirectError(raw.status, raw.headers, url);
  }
  if (raw.status === 404 && looksLikeHtml(raw.headers, raw.text)) throw htmlAnswerError(raw.status);
  if (raw.status < 200 || raw.status >= 300) throw errorFromResponse(raw.status, raw.headers, raw.text);
  if (mode.kind === 'json' && looksLikeHtml(raw.headers, raw.text)) throw htmlAnswerError(raw.status);
  return raw;
}

/** A download's redirect is followed only where the caller allowed it: the same origin, or a listed host without an https downgrade. */
function mayFollow(raw: RawResponse, url: URL, redirectHosts: readonly string[] | undefined): boolean {
  const location = headerValue(raw.headers, 'location');
  if (!redirectHosts || !location || !URL.canParse(location, url.href)) return false;
  const target = new URL(location, url);
  if (target.origin === url.origin) return true;
  const downgrade = url.protocol === 'https:' && target.protocol !== 'https:';
  return redirectHosts.includes(target.hostname) && !downgrade && /^https?:$/.test(target.protocol);
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
