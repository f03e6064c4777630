import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { callerFromAuthInfo } from '../auth/caller';
import { ToolPolicy } from '../auth/tool-policy';
import { HandlerWrapper, RequestHandler, wrapRequestHandlers } from './mcp-server-hooks';
import { toolTraits } from './tool-catalog';

type ListedTool = { name: string; securitySchemes?: unknown; _meta?: Record<string, unknown> };
type ListResult = { tools: ListedTool[] };
type CallRequest = { params: { name: string } };
type PolicyOf = (auth?: AuthInfo) => ToolPolicy;

/**
 * Enforces the caller's tool policy inside the MCP server itself: `tools/list`
 * shows only allowed tools, and `tools/call` of a hidden tool is refused exactly
 * like an unknown one (same code and message as mcp-nest), before arguments are
 * even validated. Plugged in through mcp-nest's `serverMutator`, so it applies to every transport.
 */
export function policyServerMutator(localPolicy: ToolPolicy): (server: McpServer) => McpServer {
  const policyOf: PolicyOf = (auth) => callerFromAuthInfo(auth)?.policy ?? localPolicy;
  const catalog = new ListingCache();
  return (server) =>
    wrapRequestHandlers(
      server,
      new Map<unknown, HandlerWrapper>([
        [ListToolsRequestSchema, (handler: RequestHandler) => filterList(handler, catalog, policyOf)],
        [CallToolRequestSchema, (handler: RequestHandler) => guardCall(handler, policyOf)],
      ]),
    );
}

/**
 * mcp-nest rebuilds the full listing (zod → JSON Schema for every tool) on each
 * `tools/list`, and in stateless mode every request has a fresh server. The
 * listing is the same for every caller — who sees what is decided here, by
 * policy, not by mcp-nest scopes or tool guards — so it is built once per app.
 */
class ListingCache {
  private listing?: Promise<ListResult>;

  get(build: () => Promise<ListResult>): Promise<ListResult> {
    if (!this.listing) {
      this.listing = build();
      this.listing.catch(() => (this.listing = undefined));
    }
    return this.listing;
  }
}

function allowed(policy: ToolPolicy, name: string): boolean {
  const traits = toolTraits(name);
  return traits !== undefined && policy.allowsTool(traits);
}

function filterList(handler: RequestHandler, catalog: ListingCache, policyOf: PolicyOf): RequestHandler {
  return async (request, extra) => {
    const result = await catalog.get(async () => (await handler(request, extra)) as ListResult);
    const policy = policyOf(extra.authInfo);
    return { ...result, tools: result.tools.filter((tool) => allowed(policy, tool.name)).map(withoutOAuthSchemes) };
  };
}

function guardCall(handler: RequestHandler, policyOf: PolicyOf): RequestHandler {
  return (request, extra) => {
    const name = (request as CallRequest).params.name;
    if (!allowed(policyOf(extra.authInfo), name)) {
      throw new McpError(ErrorCode.MethodNotFound, `Unknown tool: ${name}`);
    }
    return handler(request, extra);
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
