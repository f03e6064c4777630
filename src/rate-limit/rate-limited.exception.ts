import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * 429 for a client over its limit, with a JSON-RPC error body like every other
 * refusal at the `/mcp` edge, saying whose limit it was and when to come back.
 */
export class RateLimitedException extends HttpException {
  constructor(client: string, limit: string, retryAfterSeconds: number) {
    super(
      {
        jsonrpc: '2.0',
        error: {
          code: -32000,
          message: `Rate limit exceeded for client ${client} (${limit}); retry after ${retryAfterSeconds} s.`,
          data: { client, limit, retryAfterSeconds },
        },
        id: null,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
