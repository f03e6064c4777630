import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { CallToolRequestSchema, ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { RejectedToolCalls, RejectionReason } from '../common/rejected-tool-calls';
import { rejectionsServerMutator } from './rejections.mutator';

/** A server whose CallTool handler behaves as mcp-nest's does for bad arguments and unknown tools. */
async function connectedClient(rejections: RejectedToolCalls): Promise<Client> {
  const server = rejectionsServerMutator(rejections)(new McpServer({ name: 't', version: '1' }, { capabilities: { tools: {} } }));
  server.server.setRequestHandler(CallToolRequestSchema, async (request) => {
    if (request.params.name === 'confluence_get_page') {
      return { isError: true, content: [{ type: 'text' as const, text: 'Invalid parameters: [page_id]: expected a numeric page id' }] };
    }
    if (request.params.name === 'confluence_search') return { isError: true, content: [{ type: 'text' as const, text: 'Page 1 was not found.' }] };
    throw new McpError(ErrorCode.MethodNotFound, `Unknown tool: ${request.params.name}`);
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'c', version: '1' });
  await client.connect(clientSide);
  return client;
}

describe('rejectionsServerMutator', () => {
  it('reports refused arguments and unknown tools, and nothing for a tool that ran and failed', async () => {
    const rejections = new RejectedToolCalls();
    const heard: [string, RejectionReason][] = [];
    rejections.listen((tool, reason) => heard.push([tool, reason]));
    const client = await connectedClient(rejections);

    await client.callTool({ name: 'confluence_get_page', arguments: {} });
    await client.callTool({ name: 'confluence_search', arguments: {} });
    await client.callTool({ name: 'drop_tables', arguments: {} }).catch(() => undefined);

    expect(heard).toEqual([
      ['confluence_get_page', 'invalid_arguments'],
      ['unknown', 'unknown_tool'],
    ]);
  });
});
