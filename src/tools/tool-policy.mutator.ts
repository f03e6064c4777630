import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { callerFromAuthInfo } from '../auth/caller';
import { ToolPolicy } from '../auth/tool-policy';
import { HandlerWrapper, RequestHandler, wrapRequestHandlers } from './mcp-server-hooks';
import { TOOL_CATALOG, toolTraits } from './tool-catalog';

type ListedTool = { name: string; securitySchemes?: unknown; _meta?: Record<string, unknown> };
type ListResult = { tools: ListedTool[] };
type CallRequest = { params: { name: string } };
type PolicyOf = (auth?: AuthInfo) => ToolPolicy;

/** Distinct policies whose filtered listing is kept; beyond it the oldest is dropped. */
const MAX_CACHED_POLICIES = 256;

/**
 * Enforces the caller's tool policy inside the MCP server itself: `tools/list`
 * shows only allowed tools, and `tools/call` of a hidden tool is refused exactly
 * like an unknown one (same code and message as mcp-nest), before arguments are
 * even validated. A resource read is allowed exactly when the tool that reads the
 * same content is (confluence_get_page, confluence_download_attachment).
 * The caller comes from each request's authInfo (the HTTP guard puts it there);
 * `localPolicy` applies where there is none (stdio). Plugged in through
 * mcp-nest's `serverMutator`, so it applies to every transport.
 */
export function policyServerMutator(localPolicy: ToolPolicy): (server: McpServer) => McpServer {
  const policyOf: PolicyOf = (auth) => callerFromAuthInfo(auth)?.policy ?? localPolicy;
  const listings = new ListingCache();
  return (server) =>
    wrapRequestHandlers(
      server,
      new Map<unknown, HandlerWrapper>([
        [ListToolsRequestSchema, (handler: RequestHandler) => filterList(handler, listings, policyOf)],
        [CallToolRequestSchema, (handler: RequestHandler) => guardCall(handler, policyOf)],
        [ReadResourceRequestSchema, (handler: RequestHandler) => guardResourceRead(handler, policyOf)],
        [ListResourceTemplatesRequestSchema, (handler: RequestHandler) => filterTemplates(handler, policyOf)],
      ]),
    );
}

/**
 * mcp-nest rebuilds the full listing (zod → JSON Schema for every tool) on each
 * `tools/list`, and in stateless mode every request has a fresh server. The full
 * listing is the same for every caller — who sees what is decided here, by
 * policy, not by mcp-nest scopes or tool guards — so it is built once per app,
 * and each distinct policy's filtered view once (a bounded number of them:
 * callers with equal policies share one, e.g. every key with the same scopes).
 */
class ListingCache {
  private full?: Promise<ListResult>;
  private readonly filtered = new Map<string, ListResult>();

  async get(policy: ToolPolicy, build: () => Promise<ListResult>): Promise<ListResult> {
    const cached = this.filtered.get(policy.key);
    if (cached) return cached;
    const result = await this.fullListing(build);
    const view = { ...result, tools: result.tools.filter((tool) => allowed(policy, tool.name)).map(withoutOAuthSchemes) };
    if (this.filtered.size >= MAX_CACHED_POLICIES) this.filtered.delete(this.filtered.keys().next().value as string);
    this.filtered.set(policy.key, view);
    return view;
  }

  private fullListing(build: () => Promise<ListResult>): Promise<ListResult> {
    if (!this.full) {
      this.full = build();
      this.full.catch(() => (this.full = undefined));
    }
    return this.full;
  }
}

function allowed(policy: ToolPolicy, name: string): boolean {
  const traits = toolTraits(name);
  return traits !== undefined && policy.allowsTool(traits);
}

function filterList(handler: RequestHandler, listings: ListingCache, policyOf: PolicyOf): RequestHandler {
  return (request, extra) => listings.get(policyOf(extra.authInfo), async () => (await handler(request, extra)) as ListResult);
}

/** The tool whose content a resource URI (or URI template) serves: its policy decides over the resource. */
function toolForResource(uri: string) {
  return uri.startsWith('confluence://attachment/') ? TOOL_CATALOG.downloadAttachment : TOOL_CATALOG.getPage;
}

/** Lists only the resource templates the caller could read. */
function filterTemplates(handler: RequestHandler, policyOf: PolicyOf): RequestHandler {
  return async (request, extra) => {
    const result = (await handler(request, extra)) as { resourceTemplates?: { uriTemplate: string }[] };
    const policy = policyOf(extra.authInfo);
    const resourceTemplates = (result.resourceTemplates ?? []).filter((template) => policy.allowsTool(toolForResource(template.uriTemplate)));
    return { ...result, resourceTemplates };
  };
}

/**
 * A resource is the same content a tool returns, so it is allowed exactly when that tool is:
 * scopes, MCP_ENABLED_TOOLS, MCP_TOOLSETS and per-key policy cannot be bypassed through resources/read.
 */
function guardResourceRead(handler: RequestHandler, policyOf: PolicyOf): RequestHandler {
  return (request, extra) => {
    const uri = String((request as { params?: { uri?: unknown } }).params?.uri ?? '');
    const tool = toolForResource(uri);
    if (!policyOf(extra.authInfo).allowsTool(tool)) {
      throw new McpError(ErrorCode.InvalidRequest, `Reading ${uri.slice(0, 200)} is not allowed for this caller (it needs ${tool.name}).`);
    }
    return handler(request, extra);
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
