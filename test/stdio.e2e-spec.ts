import { spawn } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ConfluenceSandbox } from './sandbox/confluence-sandbox';
import { TOOL_CATALOG } from '../src/tools/tool-catalog';
import { SEED } from './sandbox/seed';
import { builtMainPath, childEnv } from './support/built-app';
import { sandboxEnv } from './support/test-config';
import { callTool, dataOf } from './support/tool-calls';

describe('stdio transport (spawned process)', () => {
  const sandbox = new ConfluenceSandbox();
  beforeAll(() => sandbox.start());
  afterAll(() => sandbox.stop());

  const env = () => childEnv({ ...sandboxEnv(sandbox, 'datacenter'), MCP_TRANSPORT: 'stdio', LOG_LEVEL: 'info' });

  it('serves every tool to the MCP SDK client', async () => {
    const transport = new StdioClientTransport({ command: process.execPath, args: [builtMainPath()], env: env(), stderr: 'pipe' });
    const client = new Client({ name: 'stdio-e2e', version: '1.0.0' });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      expect(tools).toHaveLength(Object.keys(TOOL_CATALOG).length);
      const page = dataOf<{ id: string; title: string }>(
        await callTool(client, 'confluence_get_page', { page_id: SEED.pages.home.id }),
      );
      expect(page).toMatchObject({ id: SEED.pages.home.id, title: SEED.pages.home.title });
    } finally {
      await client.close();
    }
  });

  it('writes nothing but JSON-RPC to stdout, and its logs to stderr', async () => {
    const child = spawn(process.execPath, [builtMainPath()], { env: env(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const send = (message: object) => child.stdin.write(`${JSON.stringify(message)}\n`);
    send({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
    });
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    send({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'confluence_get_page', arguments: { page_id: '999999999' } } });
    await waitFor(() => stdout.split('\n').filter(Boolean).length >= 3, 20_000);
    child.stdin.end();
    const code = await new Promise<number | null>((done) => child.once('exit', done));

    const lines = stdout.split('\n').filter((line) => line.length > 0);
    expect(lines.length).toBe(3);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ jsonrpc: '2.0' });
    expect(JSON.parse(lines[2]).result.isError).toBe(true);
    expect(stderr.length).toBeGreaterThan(0);
    expect(stderr).not.toContain('sandbox-pat');
    expect(code).toBe(0);
  });

  it('stops the Confluence request of a call the client cancels', async () => {
    sandbox.setFaults({ latencyMs: 5_000 });
    const child = spawn(process.execPath, [builtMainPath()], {
      env: childEnv({ ...sandboxEnv(sandbox, 'datacenter'), MCP_TRANSPORT: 'stdio', LOG_LEVEL: 'debug' }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const send = (message: object) => child.stdin.write(`${JSON.stringify(message)}\n`);
    try {
      send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
      send({ jsonrpc: '2.0', method: 'notifications/initialized' });
      await waitFor(() => stdout.includes('"id":1'), 20_000);
      send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'confluence_get_page', arguments: { page_id: SEED.pages.home.id } } });
      await new Promise((r) => setTimeout(r, 300));
      const cancelledAt = Date.now();
      send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 2, reason: 'user pressed stop' } });
      await waitFor(() => stderr.includes('was cancelled by the client'), 4_000);
      expect(Date.now() - cancelledAt).toBeLessThan(4_000);
      expect(stderr).not.toMatch(/Unexpected failure/);
      sandbox.clearFaults();
      send({ jsonrpc: '2.0', id: 3, method: 'tools/list' });
      await waitFor(() => stdout.includes('"id":3'), 10_000);
      expect(stdout).not.toContain('"id":2');
    } finally {
      sandbox.clearFaults();
      child.stdin.end();
      child.kill();
    }
  });
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for output');
    await new Promise((r) => setTimeout(r, 50));
  }
}
