import { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { AdminRoutes } from './admin-routes';
import { errorBody, htmlErrorPage, SandboxHttpError } from './errors';
import { FaultAction, FaultInjector, WriteFault } from './faults';
import { sendBytes, sendHtml, sendJson, sendNoContent } from './http-response';
import { isWrite, jsonOf, readBody } from './request-body';
import { QueryMap, RouteResult } from './route-context';
import { authenticateHeader, isAuthorized } from './sandbox-auth';
import { RecordedRequest, SandboxCredentials } from './sandbox-model';
import { PathClass, SandboxRouter } from './sandbox-router';
import { SandboxStore } from './sandbox-store';

/** The parts of the sandbox a request needs: data, faults, credentials, and the request log. */
export interface SandboxRuntime {
  readonly store: SandboxStore;
  readonly faultInjector: FaultInjector;
  readonly credentials: SandboxCredentials;
  /** Appends one entry to the request log, dropping the oldest beyond the log's limit. */
  recordRequest(request: RecordedRequest): void;
}

interface Incoming extends PathClass {
  method: string;
  path: string;
  query: QueryMap;
  body: Buffer;
}

const RATE_LIMIT = '100';

/** Runs one HTTP request through faults, auth and routing, writes the answer and records it. */
export class SandboxRequestHandler {
  constructor(
    private readonly router: SandboxRouter,
    private readonly runtime: SandboxRuntime,
    private readonly admin: AdminRoutes,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    if (url.pathname.startsWith('/__sandbox/')) return this.admin.handle(req, res, url.pathname);
    const method = req.method ?? 'GET';
    const incoming: Incoming = { method, path: url.pathname, query: toQueryMap(url.searchParams), body: Buffer.alloc(0), ...this.router.classify(url.pathname) };
    const fault = this.runtime.faultInjector.next();
    const latency = this.runtime.faultInjector.latencyMs;
    if (latency > 0) await delay(latency);
    if (fault.kind === 'reset' || fault.kind === 'timeout') return this.dropRequest(req, incoming, fault.kind);
    if (fault.kind !== 'none') return this.answerFault(res, incoming, fault);
    if (method !== 'GET' && method !== 'HEAD') incoming.body = await readBody(req);
    const writeFault: WriteFault = isWrite(method) ? this.runtime.faultInjector.nextWrite() : { kind: 'none' };
    if (writeFault.kind === 'reset') return this.dropRequest(req, incoming, 'reset');
    if (writeFault.kind === 'gateway' && !writeFault.applied) return this.answerFault(res, incoming, { ...writeFault, kind: 'serverError' });
    const result = await this.dispatch(req, incoming);
    if (writeFault.kind === 'drop') {
      this.record(incoming, result.status ?? 200);
      return void req.socket.destroy();
    }
    if (writeFault.kind === 'gateway') return this.answerFault(res, incoming, { ...writeFault, kind: 'serverError' });
    this.write(res, incoming, result);
  }

  private dropRequest(req: IncomingMessage, incoming: Incoming, kind: 'reset' | 'timeout'): void {
    this.record(incoming, 0);
    if (kind === 'reset') req.socket.destroy();
  }

  private answerFault(res: ServerResponse, incoming: Incoming, fault: Exclude<FaultAction, { kind: 'none' | 'reset' | 'timeout' }>): void {
    const retryAfter = String(fault.retryAfterSeconds);
    if (fault.kind === 'rateLimit') {
      const reset = new Date(Date.now() + fault.retryAfterSeconds * 1000).toISOString();
      const headers = { 'Retry-After': retryAfter, 'X-RateLimit-Limit': RATE_LIMIT, 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': reset };
      return this.write(res, incoming, { status: 429, body: errorBody(incoming.family, 429, 'Rate limit exceeded'), headers });
    }
    const headers: Record<string, string> = fault.status === 503 ? { 'Retry-After': retryAfter } : {};
    if (fault.html) {
      this.record(incoming, fault.status);
      return sendHtml(res, fault.status, htmlErrorPage(fault.status), headers);
    }
    this.write(res, incoming, { status: fault.status, body: errorBody(incoming.family, fault.status, 'Service temporarily unavailable'), headers });
  }

  private async dispatch(req: IncomingMessage, incoming: Incoming): Promise<RouteResult> {
    const match = this.router.match(incoming.method, incoming.path);
    if (!match?.route.public && !isAuthorized(req.headers, incoming.layout, this.runtime.credentials)) {
      const headers = { 'WWW-Authenticate': authenticateHeader(incoming.layout) };
      return { status: 401, body: errorBody(incoming.family, 401, 'This request is not authorized'), headers };
    }
    if (!match) return { status: 404, body: errorBody(incoming.family, 404, `null for uri: ${req.headers.host ?? ''}${incoming.path}`) };
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    try {
      return await match.route.handler({
        params: match.params, query: incoming.query, layout: incoming.layout, contextPath: incoming.contextPath, origin,
        path: incoming.path, store: this.runtime.store, headers: req.headers, body: incoming.body, faults: this.runtime.faultInjector.current,
      });
    } catch (error) {
      if (!(error instanceof SandboxHttpError)) throw error;
      const family = match.route.family === 'v2' ? 'v2' : 'v1';
      return { status: error.status, body: errorBody(family, error.status, error.message, error.details), headers: error.headers };
    }
  }

  private write(res: ServerResponse, incoming: Incoming, result: RouteResult): void {
    const status = result.status ?? 200;
    this.record(incoming, status);
    if (status === 204) return sendNoContent(res, result.headers ?? {});
    if (Buffer.isBuffer(result.body)) return sendBytes(res, status, result.body, result.headers ?? {});
    sendJson(res, status, result.body, result.headers);
  }

  private record(incoming: Incoming, status: number): void {
    const body = jsonOf(incoming.body);
    this.runtime.recordRequest({ method: incoming.method, path: incoming.path, query: incoming.query, status, ...(body === undefined ? {} : { body }) });
  }
}

function toQueryMap(params: URLSearchParams): QueryMap {
  const query: QueryMap = {};
  for (const [key, value] of params) {
    const existing = query[key];
    query[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return query;
}
