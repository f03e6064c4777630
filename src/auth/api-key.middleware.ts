import { HttpException, HttpStatus, Injectable, NestMiddleware, Optional } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { jsonRpcError } from '../http/json-rpc-error';
import { FailedAuthThrottle } from '../rate-limit/failed-auth.throttle';
import { ApiKeyGuard } from './api-key.guard';
import { CallerRequest } from './caller';

/**
 * Authenticates `/mcp` before the JSON body is read, so a client without a valid key
 * cannot make the server buffer a body of up to MCP_MAX_BODY_BYTES only to be told 401.
 * Failed key checks are throttled per address (FailedAuthThrottle), so keys cannot be
 * guessed at line rate. The guard on the MCP controller then finds the caller attached.
 */
@Injectable()
export class ApiKeyMiddleware implements NestMiddleware {
  constructor(
    private readonly guard: ApiKeyGuard,
    @Optional() private readonly failures?: FailedAuthThrottle,
  ) {}

  async use(request: Request & CallerRequest, response: Response, next: NextFunction): Promise<void> {
    const blocked = this.failures?.blockedFor(request);
    if (blocked !== undefined) return tooManyFailures(response, blocked);
    try {
      this.guard.authenticateRequest(request, response);
    } catch (error) {
      if (!(error instanceof HttpException)) return next(error);
      const block = error.getStatus() === HttpStatus.UNAUTHORIZED ? await this.recordFailure(request) : undefined;
      if (block !== undefined) return tooManyFailures(response, block);
      response.status(error.getStatus()).json(error.getResponse());
      return;
    }
    next();
  }

  /** A storage failure must not turn a refusal into a crash: the 401 still goes out. */
  private async recordFailure(request: Request): Promise<number | undefined> {
    try {
      return await this.failures?.recordFailure(request);
    } catch {
      return undefined;
    }
  }
}

function tooManyFailures(response: Response, retryAfterSeconds: number): void {
  response.setHeader('Retry-After', String(retryAfterSeconds));
  const message = `Too many failed API-key checks from this address; retry after ${retryAfterSeconds} s.`;
  response.status(HttpStatus.TOO_MANY_REQUESTS).json(jsonRpcError(-32000, message, { retryAfterSeconds }));
}
