import { HttpException, HttpStatus } from '@nestjs/common';
import { jsonRpcError } from '../http/json-rpc-error';

/**
 * 429 for a client over its limit, with a JSON-RPC error body like every other
 * refusal at the `/mcp` edge, saying whose limit it was and when to come back.
 */
export class RateLimitedException extends HttpException {
  constructor(client: string, limit: string, retryAfterSeconds: number) {
    const message = `Rate limit exceeded for client ${client} (${limit}); retry after ${retryAfterSeconds} s.`;
    super(jsonRpcError(-32000, message, { client, limit, retryAfterSeconds }), HttpStatus.TOO_MANY_REQUESTS);
  }
}
