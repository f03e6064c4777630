import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { CallToolRequestSchema, CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { CancellationScope } from '../common/cancellation-scope';
import { cancellationServerMutator } from './cancellation.mutator';

describe('cancellationServerMutator', () => {
  it('hands the client\'s cancellation to the running tool call', async () => {
    const scope = new CancellationScope();
    const server = cancellationServerMutator(scope)(new McpServer({ name: 't', version: '1' }, { capabilities: { tools: {} } }));
    let sawAbort!: Promise<boolean>;
    server.server.setRequestHandler(CallToolRequestSchema, () => {
      const signal = scope.signal();
      sawAbort = new Promise((resolve) => signal?.addEventListener('abort', () => resolve(true)));
      return new Promise(() => undefined);
    });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const client = new Client({ name: 'c', version: '1' });
    await client.connect(clientSide);

    const controller = new AbortController();
    const call = client.callTool({ name: 'slow', arguments: {} }, CallToolResultSchema, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 20));
    controller.abort('user pressed stop');

    await expect(call).rejects.toThrow();
    await expect(sawAbort).resolves.toBe(true);
    await client.close();
  });

  it('leaves calls outside an MCP request without a signal', () => {
    expect(new CancellationScope().signal()).toBeUndefined();
  });
});
