import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { jsonRpcError } from './json-rpc-error';

/**
 * Refuses JSON-RPC batches on `/mcp`. MCP removed batching in 2025-06-18, and a batch
 * would let one HTTP request — one rate-limit hit, one body — carry thousands of tool calls.
 */
@Injectable()
export class SingleMessageMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    if (!Array.isArray(req.body)) return next();
    const message = 'Invalid Request: JSON-RPC batches are not supported; send one JSON-RPC message per HTTP request.';
    res.status(400).json(jsonRpcError(-32600, message));
  }
}
