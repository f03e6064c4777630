import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { Caller, toAuthInfo } from '../auth/caller';
import { ToolPolicy } from '../auth/tool-policy';
import { policyServerMutator } from './tool-policy.mutator';

const LISTED = ['confluence_get_page', 'confluence_get_comments', 'confluence_search'];

/** An MCP server whose handlers are registered after the mutator, as mcp-nest does. */
async function serverWith(
  policy: ToolPolicy,
  mutator = policyServerMutator(policy),
  listings: string[] = [],
  caller?: Caller,
): Promise<{ client: Client; calls: string[] }> {
  const server = mutator(new McpServer({ name: 't', version: '1' }, { capabilities: { tools: {}, resources: {} } }));
  const calls: string[] = [];
  server.server.setRequestHandler(ListToolsRequestSchema, async () => {
    listings.push('built');
    return { tools: LISTED.map((name) => ({ name, inputSchema: { type: 'object' as const } })) };
  });
  server.server.setRequestHandler(CallToolRequestSchema, async (request) => {
    calls.push(request.params.name);
    return { content: [{ type: 'text' as const, text: 'ran' }] };
  });
  server.server.setRequestHandler(ReadResourceRequestSchema, async (request) => ({ contents: [{ uri: request.params.uri, text: 'page' }] }));
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  if (caller) {
    const send = clientSide.send.bind(clientSide);
    clientSide.send = (message, options) => send(message, { ...options, authInfo: toAuthInfo(caller) });
  }
  await server.connect(serverSide);
  const client = new Client({ name: 'c', version: '1' });
  await client.connect(clientSide);
  return { client, calls };
}

describe('policyServerMutator', () => {
  const onlyComments = new ToolPolicy({ readOnly: false, tools: 'all', toolsets: new Set(['comments']), spaces: 'all' });

  it('lists only the tools the policy allows', async () => {
    const { client } = await serverWith(onlyComments);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['confluence_get_comments']);
  });

  it('refuses a hidden tool exactly like an unknown one, without running it', async () => {
    const { client, calls } = await serverWith(onlyComments);
    const refusal = await client.callTool({ name: 'confluence_get_page', arguments: {} }).catch((e: unknown) => e);
    const unknown = await client.callTool({ name: 'no_such_tool', arguments: {} }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(McpError);
    expect((refusal as McpError).code).toBe(ErrorCode.MethodNotFound);
    expect((refusal as McpError).message).toBe('MCP error -32601: MCP error -32601: Unknown tool: confluence_get_page');
    expect((unknown as McpError).message).toBe('MCP error -32601: MCP error -32601: Unknown tool: no_such_tool');
    expect(calls).toEqual([]);
  });

  it('builds the listing once per app, though stateless HTTP makes a server per request', async () => {
    const mutator = policyServerMutator(onlyComments);
    const listings: string[] = [];
    const first = await serverWith(onlyComments, mutator, listings);
    const second = await serverWith(onlyComments, mutator, listings);
    expect((await first.client.listTools()).tools.map((t) => t.name)).toEqual(['confluence_get_comments']);
    expect((await second.client.listTools()).tools.map((t) => t.name)).toEqual(['confluence_get_comments']);
    expect(listings).toEqual(['built']);
  });

  it('filters per caller (from authInfo), building each distinct policy\'s view once', async () => {
    const mutator = policyServerMutator(ToolPolicy.allowAll());
    const listings: string[] = [];
    const as = (id: string, policy: ToolPolicy): Caller => ({
      id,
      name: id,
      scopes: ['read'],
      policy,
      connection: { id: 'default', deployment: 'cloud', baseUrl: 'https://x.atlassian.net/wiki', auth: { kind: 'none' } },
      credentials: 'deployment',
    });
    const searchOnly = new ToolPolicy({ readOnly: false, tools: new Set(['confluence_search']), toolsets: 'all', spaces: 'all' });
    const names = async (caller?: Caller) =>
      (await (await serverWith(ToolPolicy.allowAll(), mutator, listings, caller)).client.listTools()).tools.map((t) => t.name);
    expect(await names(as('a', onlyComments))).toEqual(['confluence_get_comments']);
    expect(await names(as('b', searchOnly))).toEqual(['confluence_search']);
    expect(await names(as('c', onlyComments))).toEqual(['confluence_get_comments']);
    expect(await names()).toEqual(LISTED);
    expect(listings).toEqual(['built']);
    const other = await serverWith(ToolPolicy.allowAll(), mutator, listings, as('b', searchOnly));
    const refusal = await other.client.callTool({ name: 'confluence_get_comments', arguments: {} }).catch((e: unknown) => e);
    expect((refusal as McpError).code).toBe(ErrorCode.MethodNotFound);
    expect(other.calls).toEqual([]);
  });

  it('allows a resource read exactly when the tool that reads the same content is allowed', async () => {
    const caller = (tools: string[]): Caller => ({
      id: 'k',
      name: 'k',
      scopes: ['read'],
      policy: ToolPolicy.allowAll().narrowedBy({ readOnly: false, tools: new Set(tools), toolsets: 'all', spaces: 'all' }),
      connection: { id: 'default', deployment: 'cloud', baseUrl: 'https://x.atlassian.net/wiki', auth: { kind: 'none' } },
      credentials: 'deployment',
    });
    const pages = await serverWith(ToolPolicy.allowAll(), undefined, [], caller(['confluence_get_page']));
    expect((await pages.client.readResource({ uri: 'confluence://page/1' })).contents).toHaveLength(1);
    await expect(pages.client.readResource({ uri: 'confluence://attachment/att1' })).rejects.toThrow(/confluence_download_attachment/);
    const searchOnly = await serverWith(ToolPolicy.allowAll(), undefined, [], caller(['confluence_search']));
    await expect(searchOnly.client.readResource({ uri: 'confluence://page/1' })).rejects.toThrow(/not allowed for this caller/);
  });

  it('lets allowed tools run', async () => {
    const { client, calls } = await serverWith(ToolPolicy.allowAll());
    await client.callTool({ name: 'confluence_search', arguments: {} });
    expect(calls).toEqual(['confluence_search']);
  });
});
