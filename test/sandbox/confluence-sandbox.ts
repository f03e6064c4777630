import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { AdminRoutes } from './admin-routes';
import { loadCorpus } from './corpus-loader';
import { FaultInjector, SandboxFaults } from './faults';
import { sendJson } from './http-response';
import { SandboxRequestHandler, SandboxRuntime } from './request-handler';
import { RecordedRequest, SandboxCredentials } from './sandbox-model';
import { checkLogLimit, ConfluenceSandboxOptions, normalizeContextPath } from './sandbox-options';
import { RouteInfo, SandboxRouter } from './sandbox-router';
import { SandboxStore } from './sandbox-store';
import { sandboxUser } from './seed';
import { SeedBuilder } from './seed-builder';

export type { SandboxFaults } from './faults';
export type { RecordedRequest, SandboxCredentials } from './sandbox-model';
export type { RouteInfo } from './sandbox-router';
export type { ConfluenceSandboxOptions } from './sandbox-options';

export const DEFAULT_SANDBOX_CREDENTIALS: SandboxCredentials = {
  username: 'sandbox@example.com',
  apiToken: 'sandbox-api-token',
  personalToken: 'sandbox-pat',
};

/** A fake Confluence (Cloud v1+v2 under `/wiki`, Data Center v1 at the root or a context path) served over real HTTP for e2e tests, benchmarks and the demo. */
export class ConfluenceSandbox implements SandboxRuntime {
  readonly credentials: SandboxCredentials;
  readonly faultInjector = new FaultInjector();
  /** The most recent requests, oldest first, at most `requestLogLimit` of them. */
  readonly requests: RecordedRequest[] = [];
  /** Normalized Data Center context path, e.g. `/confluence`, or '' when DC is served at the root. */
  readonly dataCenterContextPath: string;
  /** How many requests the log keeps. */
  readonly requestLogLimit: number;
  /**
   * Called with each request as it is logged (once a write has applied, or been cut or refused, and before
   * the client hears of it), so a test can act at that moment as a concurrent user would. Cleared by `reset`.
   */
  onRecorded?: (request: RecordedRequest) => void;
  private currentStore: SandboxStore;
  private readonly router: SandboxRouter;
  private readonly sockets = new Set<Socket>();
  private server: Server | null = null;
  private port = 0;

  constructor(options: ConfluenceSandboxOptions = {}) {
    this.credentials = { ...DEFAULT_SANDBOX_CREDENTIALS, ...options.credentials };
    this.dataCenterContextPath = normalizeContextPath(options.dataCenterContextPath);
    this.requestLogLimit = checkLogLimit(options.requestLogLimit);
    this.router = new SandboxRouter(this.dataCenterContextPath);
    this.currentStore = this.buildStore();
  }

  get store(): SandboxStore {
    return this.currentStore;
  }

  get routes(): RouteInfo[] {
    return this.router.table;
  }

  get faults(): SandboxFaults {
    return this.faultInjector.current;
  }

  set faults(faults: SandboxFaults) {
    this.faultInjector.set(faults);
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get cloudUrl(): string {
    return `${this.origin}/wiki`;
  }

  /** Data Center base URL: origin plus the context path, like `_links.base` on DC. */
  get dataCenterUrl(): string {
    return `${this.origin}${this.dataCenterContextPath}`;
  }

  setFaults(faults: SandboxFaults): void {
    this.faultInjector.set(faults);
  }

  clearFaults(): void {
    this.faultInjector.clear();
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  /** Appends to the request log and drops the oldest entries beyond `requestLogLimit`. */
  recordRequest(request: RecordedRequest): void {
    this.requests.push(request);
    const excess = this.requests.length - this.requestLogLimit;
    if (excess > 0) this.requests.splice(0, excess);
    this.onRecorded?.(request);
  }

  /** Restores the seed data, clears faults, the request log and `onRecorded`. */
  reset(): void {
    this.onRecorded = undefined;
    this.currentStore = this.buildStore();
    this.clearFaults();
    this.clearRequests();
  }

  async start(port = 0, host = '127.0.0.1'): Promise<void> {
    const handler = new SandboxRequestHandler(this.router, this, new AdminRoutes(this));
    const server = createServer({ keepAliveTimeout: 5000 }, (req, res) => this.serve(handler, req, res));
    server.on('connection', (socket) => this.track(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  /** Closes the listener and every socket, including keep-alive and deliberately hung ones. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    server.closeAllConnections();
    await closed;
  }

  private serve(handler: SandboxRequestHandler, req: IncomingMessage, res: ServerResponse): void {
    handler.handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      sendJson(res, 500, { statusCode: 500, message: error instanceof Error ? error.message : String(error), reason: 'Internal Server Error' });
    });
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  private buildStore(): SandboxStore {
    return new SandboxStore(new SeedBuilder(loadCorpus(), sandboxUser(this.credentials.username)).build());
  }
}
