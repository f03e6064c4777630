import { useSandboxApp } from './support/sandbox-app';

const LIST_TOOLS = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
const MCP_HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

/** Sends tools/list with extra headers and returns the HTTP status and body. */
async function post(baseUrl: string, headers: Record<string, string>): Promise<{ status: number; body: string; poweredBy: string | null }> {
  const response = await fetch(`${baseUrl}/mcp`, { method: 'POST', headers: { ...MCP_HEADERS, ...headers }, body: LIST_TOOLS });
  return { status: response.status, body: await response.text(), poweredBy: response.headers.get('x-powered-by') };
}

describe('the /mcp edge on loopback', () => {
  const { running } = useSandboxApp('cloud', { MCP_ALLOWED_ORIGINS: 'https://chat.example.com' });

  it('serves clients that send no Origin, without advertising the framework', async () => {
    const answer = await post(running().baseUrl, {});
    expect(answer.status).toBe(200);
    expect(answer.poweredBy).toBeNull();
  });

  it('refuses a browser Origin that is not allowed', async () => {
    const answer = await post(running().baseUrl, { origin: 'https://evil.example' });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatch(/MCP_ALLOWED_ORIGINS/);
  });

  it('refuses an Origin that only starts like an allowed one', async () => {
    expect((await post(running().baseUrl, { origin: 'https://chat.example.com.evil.example' })).status).toBe(403);
  });

  it('serves an allowed Origin', async () => {
    expect((await post(running().baseUrl, { origin: 'https://chat.example.com' })).status).toBe(200);
  });

  it.each(['GET', 'DELETE'])('refuses a foreign Origin on %s too', async (method) => {
    const response = await fetch(`${running().baseUrl}/mcp`, { method, headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const port = Number(new URL(running().baseUrl).port);
    expect(await rawRequest(port, 'evil.example')).toMatch(/^HTTP\/1\.1 403/);
    expect(await rawRequest(port, `evil.example:${port}`)).toMatch(/^HTTP\/1\.1 403/);
  });

  it('answers to every loopback name, in any case', async () => {
    const port = Number(new URL(running().baseUrl).port);
    for (const host of [`localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`, `127.0.0.1:${port}`]) {
      expect(await rawRequest(port, host)).toMatch(/^HTTP\/1\.1 200/);
    }
  });
});

describe('the /mcp edge with MCP_ALLOWED_HOSTS left blank, as in .env.example', () => {
  const { running } = useSandboxApp('cloud', { MCP_ALLOWED_HOSTS: '', MCP_ALLOWED_ORIGINS: '' });

  it('still serves loopback clients and still refuses foreign hosts', async () => {
    const port = Number(new URL(running().baseUrl).port);
    expect((await post(running().baseUrl, {})).status).toBe(200);
    expect(await rawRequest(port, 'evil.example')).toMatch(/^HTTP\/1\.1 403/);
  });
});

/** fetch() will not send a forged Host header, so this speaks HTTP/1.1 over a socket. */
async function rawRequest(port: number, host: string): Promise<string> {
  const { connect } = await import('node:net');
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        `POST /mcp HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n` +
          `Content-Length: ${Buffer.byteLength(LIST_TOOLS)}\r\nConnection: close\r\n\r\n${LIST_TOOLS}`,
      );
    });
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString()));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}
