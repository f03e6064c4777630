import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';

/** What an SDK request handler receives besides the request: who is calling, how to cancel, and the JSON-RPC id. */
export interface HandlerExtra {
  authInfo?: AuthInfo;
  signal?: AbortSignal;
  requestId?: string | number;
}

export type RequestHandler = (request: never, extra: HandlerExtra) => unknown;
export type HandlerWrapper = (handler: RequestHandler) => RequestHandler;

/**
 * Lets us wrap the request handlers mcp-nest registers on each MCP server
 * (through its `serverMutator` hook, which runs before registration).
 */
export function wrapRequestHandlers(server: McpServer, wrappers: ReadonlyMap<unknown, HandlerWrapper>): McpServer {
  const inner = server.server;
  const register = inner.setRequestHandler.bind(inner) as unknown as (schema: unknown, handler: RequestHandler) => void;
  (inner as unknown as { setRequestHandler: typeof register }).setRequestHandler = (schema, handler) => {
    const wrap = wrappers.get(schema);
    return register(schema, wrap ? wrap(handler) : handler);
  };
  return server;
}
