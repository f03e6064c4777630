import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { callerFromAuthInfo } from '../auth/caller';
import { ToolPolicy } from '../auth/tool-policy';
import { toolTraits } from './tool-catalog';

type Handler = (request: never, extra: { authInfo?: AuthInfo }) => unknown;
type ListedTool = { name: string; securitySchemes?: unknown; _meta?: Record<string, unknown> };
type ListResult = { tools: ListedTool[] };
type CallRequest = { params: { name: string } };

/**
 * Enforces the caller's tool policy inside the MCP server itself: `tools/list`
 * shows only allowed tools, and `tools/call` of a hidden tool is refused exactly
 * like an unknown one (same code and message as mcp-nest), before arguments are even validated. Plugged in through
 * mcp-nest's `serverMutator`, so it applies to every transport.
 */
export function policyServerMutator(localPolicy: ToolPolicy): (server: McpServer) => McpServer {
  return (server) => {
    const inner = server.server;
    const register = inner.setRequestHandler.bind(inner) as unknown as (schema: unknown, handler: Handler) => void;
    const policyOf = (auth?: AuthInfo) => callerFromAuthInfo(auth)?.policy ?? localPolicy;
    (inner as unknown as { setRequestHandler: typeof register }).setRequestHandler = (schema, handler) => {
      if (schema === ListToolsRequestSchema) return register(schema, filterList(handler, policyOf));
      if (schema === CallToolRequestSchema) return register(schema, guardCall(handler, policyOf));
      return register(schema, handler);
    };
    return server;
  };
}

function allowed(policy: ToolPolicy, name: string): boolean {
  const traits = toolTraits(name);
  return traits !== undefined && policy.allowsTool(traits);
}

function filterList(handler: Handler, policyOf: (auth?: AuthInfo) => ToolPolicy): Handler {
  return async (request, extra) => {
    const result = (await handler(request, extra)) as ListResult;
    const policy = policyOf(extra.authInfo);
    return { ...result, tools: result.tools.filter((tool) => allowed(policy, tool.name)).map(withoutOAuthSchemes) };
  };
}

/**
 * mcp-nest advertises `oauth2` security schemes on every tool once `/mcp` has a
 * guard; this server authenticates with API keys, so that claim would mislead clients.
 */
function withoutOAuthSchemes(tool: ListedTool): ListedTool {
  const { securitySchemes: _schemes, _meta, ...rest } = tool;
  const { securitySchemes: _metaSchemes, ...meta } = _meta ?? {};
  return Object.keys(meta).length > 0 ? { ...rest, _meta: meta } : rest;
}

function guardCall(handler: Handler, policyOf: (auth?: AuthInfo) => ToolPolicy): Handler {
  return (request, extra) => {
    const name = (request as CallRequest).params.name;
    if (!allowed(policyOf(extra.authInfo), name)) {
      throw new McpError(ErrorCode.MethodNotFound, `Unknown tool: ${name}`);
    }
    return handler(request, extra);
  };
}
