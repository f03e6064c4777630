import { HttpException, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ApiKeyGuard } from './api-key.guard';
import { CallerRequest } from './caller';

/**
 * Authenticates `/mcp` before the JSON body is read, so a client without a valid key
 * cannot make the server buffer a body of up to MCP_MAX_BODY_BYTES only to be told 401.
 * The guard on the MCP controller then finds the caller already attached.
 */
@Injectable()
export class ApiKeyMiddleware implements NestMiddleware {
  constructor(private readonly guard: ApiKeyGuard) {}

  use(request: Request & CallerRequest, response: Response, next: NextFunction): void {
    try {
      this.guard.authenticateRequest(request, response);
    } catch (error) {
      if (!(error instanceof HttpException)) return next(error);
      response.status(error.getStatus()).json(error.getResponse());
      return;
    }
    next();
  }
}
