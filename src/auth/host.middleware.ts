import { Injectable, NestMiddleware } from '@nestjs/common';
import { hostHeaderValidation } from '@modelcontextprotocol/sdk/server/middleware/hostHeaderValidation.js';
import type { NextFunction, Request, Response } from 'express';
import { AppConfig } from '../config/app-config';

/**
 * DNS-rebinding protection: `/mcp` answers only to the configured host names
 * (loopback names by default when bound to loopback), using the MCP SDK's check.
 */
@Injectable()
export class HostMiddleware implements NestMiddleware {
  private readonly validate?: (req: Request, res: Response, next: NextFunction) => void;

  constructor(config: AppConfig) {
    const hosts = config.mcp.allowedHosts;
    this.validate = hosts ? hostHeaderValidation(hosts) : undefined;
  }

  use(req: Request, res: Response, next: NextFunction): void {
    if (!this.validate) return next();
    this.validate(req, res, next);
  }
}
