import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { ToolCallScope } from '../common/tool-call-scope';
import { RequestHandler, wrapRequestHandlers } from './mcp-server-hooks';

/**
 * Hands the SDK's per-request cancellation signal to the tool being called, so
 * a client's `notifications/cancelled` stops its Confluence requests too.
 */
export function cancellationServerMutator(scope: ToolCallScope): (server: McpServer) => McpServer {
  const withSignal = (handler: RequestHandler): RequestHandler => (request, extra) =>
    scope.run(extra.signal, () => handler(request, extra));
  return (server) => wrapRequestHandlers(server, new Map([[CallToolRequestSchema, withSignal]]));
}
