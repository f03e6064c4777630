import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AppConfig } from '../config/app-config';

/**
 * Refuses `/mcp` requests carrying an Origin that is not explicitly allowed
 * (MCP spec: servers must validate Origin), so a web page cannot drive the
 * server through a user's browser. Requests without an Origin — MCP clients
 * that are not browsers — pass. CORS stays off: allowing an origin here does
 * not by itself let a cross-origin page read answers.
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
      error: { code: -32000, message: `Origin ${origin.slice(0, 200)} is not allowed to call this server (see MCP_ALLOWED_ORIGINS).` },
      id: null,
    });
  }
}
