import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { ConfluenceSandbox } from './sandbox/confluence-sandbox';
import { SEED } from './sandbox/seed';
import { builtMainPath, childEnv } from './support/built-app';
import { connectClient } from './support/http-app';
import { sandboxEnv } from './support/test-config';
import { callTool, dataOf } from './support/tool-calls';

const LISTENING = /MCP server listening on (http:\/\/[^\s/]+)\/mcp/;

describe('the built server in HTTP mode (spawned process)', () => {
  const sandbox = new ConfluenceSandbox();
  let child: ChildProcessWithoutNullStreams;
  let stdout = '';
  let stderr = '';
  let baseUrl: string;

  beforeAll(async () => {
    await sandbox.start();
    const env = childEnv({ ...sandboxEnv(sandbox, 'datacenter'), MCP_PORT: '0', LOG_LEVEL: 'info' });
    child = spawn(process.execPath, [builtMainPath()], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    baseUrl = await waitForMatch(() => LISTENING.exec(stderr)?.[1], 20_000);
  });

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await sandbox.stop();
  });

  it('binds to loopback and serves MCP', async () => {
    expect(baseUrl).toMatch(/^http:\/\/(127\.0\.0\.1|localhost):\d+$/);
    const client = await connectClient(`${baseUrl}/mcp`);
    const page = dataOf<{ id: string }>(await callTool(client, 'confluence_get_page', { page_id: SEED.pages.home.id }));
    await client.close();
    expect(page.id).toBe(SEED.pages.home.id);
  });

  it('never writes a credential to its logs', async () => {
    await fetch(`${baseUrl}/mcp`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer caller-secret-1234',
        'x-api-key': 'caller-key-5678',
        cookie: 'session=cookie-secret-9',
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(stderr).toMatch(/"url":"\/mcp"/);
    for (const secret of ['caller-secret-1234', 'caller-key-5678', 'cookie-secret-9', 'sandbox-pat']) {
      expect(stderr).not.toContain(secret);
    }
    expect(stdout).toBe('');
  });

  it('closes the app and exits on SIGTERM (Nest re-raises the signal after its shutdown hooks)', async () => {
    const exited = new Promise<{ code: number | null; signal: string | null }>((done) =>
      child.once('exit', (code, signal) => done({ code, signal })),
    );
    child.kill('SIGTERM');
    const { code, signal } = await exited;
    expect(code === 0 || signal === 'SIGTERM').toBe(true);
    expect(stderr).not.toMatch(/"level":(50|60)/);
  });
});

async function waitForMatch(read: () => string | undefined, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('the server did not report that it was listening');
    await new Promise((r) => setTimeout(r, 50));
  }
}
