import { Logger } from '@nestjs/common';
import type { ErrorRequestHandler, Response } from 'express';
import { jsonRpcError } from './json-rpc-error';

const logger = new Logger('HttpEdge');

/** What body-parser attaches to the errors it raises. */
interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
  message?: string;
}

/**
 * Turns errors raised while reading a request body into JSON-RPC error answers,
 * where Express would otherwise send an HTML page (with a stack trace outside
 * production): 413 for a body over MCP_MAX_BODY_BYTES, 400 for JSON that does
 * not parse. These requests never reach Nest (nor its request log), so the
 * refusal of an oversized body is logged here. Anything else goes on to Nest.
 */
export function bodyErrorHandler(maxBodyBytes: number): ErrorRequestHandler {
  return (error: BodyParserError, req, res, next) => {
    if (res.headersSent || typeof error?.type !== 'string') return next(error);
    if (error.type === 'entity.too.large') {
      logger.warn(`Refused a ${req.method} ${req.path} body over ${maxBodyBytes} bytes from ${req.ip}`);
      return reply(res, 413, -32000, `Request body too large: this server accepts at most ${maxBodyBytes} bytes (MCP_MAX_BODY_BYTES).`);
    }
    if (error.type === 'entity.parse.failed') return reply(res, 400, -32700, 'Parse error: the request body is not valid JSON.');
    const status = typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 400;
    return reply(res, status, -32600, error.expose && error.message ? `Invalid request body: ${error.message}` : 'Invalid request body.');
  };
}

function reply(res: Response, status: number, code: number, message: string): void {
  res.status(status).json(jsonRpcError(code, message));
}
