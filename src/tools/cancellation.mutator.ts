import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { CancellationScope } from '../common/cancellation-scope';
import { RequestHandler, wrapRequestHandlers } from './mcp-server-hooks';

/**
 * Hands the SDK's per-request cancellation signal (and the JSON-RPC id) to the tool
 * being called, so a client's `notifications/cancelled` stops its Confluence requests too. This
 * works where one MCP server instance sees both the call and the cancellation:
 * stdio (and stateful HTTP sessions). In stateless HTTP each POST gets its own
 * server, so there a call stops when its HTTP client disconnects instead.
 */
export function cancellationServerMutator(scope: CancellationScope): (server: McpServer) => McpServer {
  const withSignal = (handler: RequestHandler): RequestHandler => (request, extra) =>
    scope.run({ signal: extra.signal, requestId: extra.requestId }, () => handler(request, extra));
  return (server) => wrapRequestHandlers(server, new Map([[CallToolRequestSchema, withSignal]]));
}
