import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AppConfig } from '../config/app-config';

/**
 * Refuses `/mcp` requests from browser origins that are not explicitly allowed
 * (MCP spec: servers must validate Origin). Requests without an Origin — every
 * non-browser MCP client — pass; CORS itself stays off.
 */
@Injectable()
export class OriginMiddleware implements NestMiddleware {
  private readonly allowed: ReadonlySet<string>;

  constructor(config: AppConfig) {
    this.allowed = new Set(config.mcp.allowedOrigins.map((origin) => origin.toLowerCase()));
  }

  use(req: Request, res: Response, next: NextFunction): void {
    const origin = req.headers.origin;
    if (origin === undefined || this.allowed.has(origin.toLowerCase())) return next();
    res.status(403).json({
      jsonrpc: '2.0',
      error: { code: -32000, message: `Origin ${origin} is not allowed; add it to MCP_ALLOWED_ORIGINS to permit browser access.` },
      id: null,
    });
  }
}
