import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * The HTTP request an MCP call arrived in. Calls refused before any tool runs
 * reach the audit through an SDK hook that sees only the JSON-RPC message, so
 * the request (its pino-http id, the caller the guard attached) is kept here
 * for the duration of each `/mcp` request.
 */
@Injectable()
export class AuditRequestContext {
  private readonly storage = new AsyncLocalStorage<Request>();

  run(req: Request, next: () => void): void {
    this.storage.run(req, next);
  }

  current(): Request | undefined {
    return this.storage.getStore();
  }
}

/** Opens the request context around each `/mcp` request (Nest builds middleware apart from providers, hence two classes). */
@Injectable()
export class AuditRequestMiddleware implements NestMiddleware {
  constructor(private readonly context: AuditRequestContext) {}

  use(req: Request, _res: Response, next: NextFunction): void {
    this.context.run(req, () => next());
  }
}
