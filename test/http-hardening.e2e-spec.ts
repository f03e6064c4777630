import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { INestApplication } from '@nestjs/common';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { Agent, fetch as undiciFetch } from 'undici';
import { createHttpApp } from '../src/app.factory';
import { InvalidEnvironmentError } from '../src/config/environment';
import { ConfluenceSandbox } from './sandbox/confluence-sandbox';
import { SEED } from './sandbox/seed';
import { useSandboxApp } from './support/sandbox-app';
import { generateCertificate, TestCertificate } from './support/self-signed-certificate';
import { sandboxConfig } from './support/test-config';
import { callTool, dataOf } from './support/tool-calls';

const MCP_HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
const LIST_TOOLS = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });

/** POSTs a JSON-RPC body to /mcp with extra headers; the answer's status, headers and parsed body. */
async function postMcp(baseUrl: string, headers: Record<string, string> = {}, body: string | ReadableStream<Uint8Array> = LIST_TOOLS) {
  const response = await fetch(`${baseUrl}/mcp`, { method: 'POST', headers: { ...MCP_HEADERS, ...headers }, body, duplex: 'half' } as RequestInit);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** The JSON-RPC error message of an answer body. */
function errorMessage(text: string): string {
  return (JSON.parse(text) as { error: { message: string } }).error.message;
}

/** Sends a request over a raw socket, since fetch will not forge a Host header; resolves with the status line. */
function statusWithHost(baseUrl: string, host: string, path = '/mcp'): Promise<string> {
  const port = Number(new URL(baseUrl).port);
  const request =
    path === '/mcp'
      ? `POST /mcp HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n` +
        `Content-Length: ${Buffer.byteLength(LIST_TOOLS)}\r\nConnection: close\r\n\r\n${LIST_TOOLS}`
      : `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString()));
    socket.on('end', () => resolve(data.split('\r\n')[0]));
    socket.on('error', reject);
  });
}

describe('security headers and defaults (plain HTTP)', () => {
  const { running } = useSandboxApp('cloud', { MCP_ALLOWED_ORIGINS: 'https://chat.example.com' });

  it.each([
    ['POST /mcp', () => postMcp(running().baseUrl)],
    ['GET /health/live', () => fetch(`${running().baseUrl}/health/live`)],
    ['GET /metrics', () => fetch(`${running().baseUrl}/metrics`)],
    ['a refused /mcp request', () => postMcp(running().baseUrl, { origin: 'https://evil.example' })],
    ['an unknown path', () => fetch(`${running().baseUrl}/nope`)],
  ])('%s carries the security headers, and no HSTS without TLS', async (_name, send) => {
    const { headers } = await send();
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
    expect(headers.get('cache-control')).toMatch(/(^|, )no-store(,|$)/);
    expect(headers.get('strict-transport-security')).toBeNull();
    expect(headers.get('x-powered-by')).toBeNull();
  });

  it('sends no CORS headers: an allowed Origin may call, but a browser page could not read the answer', async () => {
    const answer = await postMcp(running().baseUrl, { origin: 'https://chat.example.com' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${running().baseUrl}/mcp`, {
      method: 'OPTIONS',
      headers: { origin: 'https://chat.example.com', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('refuses a JSON-RPC batch: one HTTP request carries one message (and one rate-limit hit)', async () => {
    const call = (id: number) => ({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'confluence_get_page', arguments: { page_id: '98305' } } });
    const answer = await postMcp(running().baseUrl, {}, JSON.stringify([call(1), call(2), call(3)]));
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toMatchObject({ jsonrpc: '2.0', error: { code: -32600, message: expect.stringContaining('batches') }, id: null });
    expect((await postMcp(running().baseUrl, {}, LIST_TOOLS)).status).toBe(200);
  });

  it('answers malformed JSON with a JSON-RPC parse error, not an HTML page', async () => {
    const answer = await postMcp(running().baseUrl, {}, '{"jsonrpc":"2.0",');
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.parse(answer.text)).toMatchObject({ jsonrpc: '2.0', error: { code: -32700 }, id: null });
  });
});

describe('MCP-Protocol-Version', () => {
  const { running } = useSandboxApp('cloud');
  const initialize = (version: string) =>
    JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: version, capabilities: {}, clientInfo: { name: 'probe', version: '1' } },
    });

  it.each(['1999-01-01', '2025-11-25-draft', 'latest', ''])('refuses %p with 400 on any request, initialize included', async (version) => {
    for (const body of [LIST_TOOLS, initialize(LATEST_PROTOCOL_VERSION)]) {
      const answer = await postMcp(running().baseUrl, { 'mcp-protocol-version': version }, body);
      expect(answer.status).toBe(400);
      expect(errorMessage(answer.text)).toMatch(/unsupported MCP-Protocol-Version/);
    }
    const get = await fetch(`${running().baseUrl}/mcp`, { headers: { accept: 'text/event-stream', 'mcp-protocol-version': version } });
    expect(get.status).toBe(400);
  });

  it('serves the supported versions, and requests without the header', async () => {
    expect((await postMcp(running().baseUrl, { 'mcp-protocol-version': LATEST_PROTOCOL_VERSION })).status).toBe(200);
    expect((await postMcp(running().baseUrl, { 'mcp-protocol-version': '2025-06-18' })).status).toBe(200);
    expect((await postMcp(running().baseUrl)).status).toBe(200);
  });
});

describe('Origin attacks', () => {
  const { running } = useSandboxApp('cloud', { MCP_ALLOWED_ORIGINS: 'https://good.example.com' });

  it.each([
    'https://good.example.com.evil.com',
    'https://evil.com/https://good.example.com',
    'https://evilgood.example.com',
    'https://good.example.co',
    'http://good.example.com',
    'https://good.example.com:8443',
    'https://good.example.com/',
    'null',
    '',
  ])('refuses Origin %p with 403', async (origin) => {
    const answer = await postMcp(running().baseUrl, { origin });
    expect(answer.status).toBe(403);
    expect(errorMessage(answer.text)).toMatch(/MCP_ALLOWED_ORIGINS/);
  });

  it('refuses a foreign Origin before looking at MCP-Protocol-Version', async () => {
    const answer = await postMcp(running().baseUrl, { origin: 'https://good.example.com.evil.com', 'mcp-protocol-version': 'bogus' });
    expect(answer.status).toBe(403);
  });

  it('serves the exact allowed Origin (host names compare case-insensitively)', async () => {
    expect((await postMcp(running().baseUrl, { origin: 'https://good.example.com' })).status).toBe(200);
    expect((await postMcp(running().baseUrl, { origin: 'https://GOOD.example.com' })).status).toBe(200);
  });
});

describe('Host attacks (DNS rebinding)', () => {
  describe('bound to loopback with the default host list', () => {
    const { running } = useSandboxApp('cloud');

    it.each(['evil.com', 'evil.com:80', 'localhost.evil.com', '127.0.0.1.nip.io', 'localhost@evil.com', '[::2]'])('refuses Host %p with 403', async (host) => {
      expect(await statusWithHost(running().baseUrl, host)).toMatch(/^HTTP\/1\.1 403/);
    });

    it('serves a loopback Host', async () => {
      expect(await statusWithHost(running().baseUrl, `localhost:${new URL(running().baseUrl).port}`)).toMatch(/^HTTP\/1\.1 200/);
    });

    it('guards the admin endpoints too: without keys the local caller is an admin, so a rebound page must not read the audit', async () => {
      expect(await statusWithHost(running().baseUrl, 'evil.com', '/admin/audit?limit=1')).toMatch(/^HTTP\/1\.1 403/);
      expect(await statusWithHost(running().baseUrl, 'localhost', '/admin/audit?limit=1')).toMatch(/^HTTP\/1\.1 200/);
    });
  });

  describe('with MCP_ALLOWED_HOSTS set', () => {
    const { running } = useSandboxApp('cloud', { MCP_ALLOWED_HOSTS: 'mcp.example.com,127.0.0.1' });

    it('serves only the listed names, not lookalikes and not the other loopback names', async () => {
      expect(await statusWithHost(running().baseUrl, 'mcp.example.com')).toMatch(/^HTTP\/1\.1 200/);
      for (const host of ['mcp.example.com.evil.com', 'evil-mcp.example.com', 'localhost']) {
        expect(await statusWithHost(running().baseUrl, host)).toMatch(/^HTTP\/1\.1 403/);
      }
    });
  });
});

describe('CORS with MCP_CORS_ORIGINS', () => {
  const { running } = useSandboxApp('cloud', { MCP_CORS_ORIGINS: 'https://app.example.com' });
  const preflight = (origin: string) =>
    fetch(`${running().baseUrl}/mcp`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,mcp-protocol-version,authorization,x-api-key',
      },
    });

  it('answers the preflight of a listed origin', async () => {
    const answer = await preflight('https://app.example.com');
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(answer.headers.get('access-control-allow-methods')).toBe('GET,POST,DELETE');
    const allowed = (answer.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(',');
    expect(allowed).toEqual(expect.arrayContaining(['content-type', 'mcp-protocol-version', 'authorization', 'x-api-key', 'mcp-session-id']));
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('lets the listed origin call /mcp (it need not be repeated in MCP_ALLOWED_ORIGINS) and read Mcp-Session-Id', async () => {
    const answer = await postMcp(running().baseUrl, { origin: 'https://app.example.com' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect((answer.headers.get('access-control-expose-headers') ?? '').split(',')).toEqual(
      expect.arrayContaining(['Mcp-Session-Id', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset']),
    );
  });

  it('gives any other origin nothing: no CORS headers on the preflight, 403 on the call', async () => {
    const answer = await preflight('https://app.example.com.evil.com');
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    const call = await postMcp(running().baseUrl, { origin: 'https://app.example.com.evil.com' });
    expect(call.status).toBe(403);
    expect(call.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('request body limit', () => {
  describe('MCP_MAX_BODY_BYTES set', () => {
    const LIMIT = 4096;
    const { running } = useSandboxApp('cloud', { MCP_MAX_BODY_BYTES: String(LIMIT) });
    const bodyOf = (size: number) => {
      const envelope = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: { pad: '' } } });
      return envelope.replace('"pad":""', `"pad":"${'x'.repeat(size - envelope.length)}"`);
    };

    it('refuses a body one byte over the limit with 413 and a JSON-RPC error', async () => {
      const answer = await postMcp(running().baseUrl, {}, bodyOf(LIMIT + 1));
      expect(answer.status).toBe(413);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(JSON.parse(answer.text)).toMatchObject({ jsonrpc: '2.0', error: { code: -32000 }, id: null });
      expect(errorMessage(answer.text)).toContain(`at most ${LIMIT} bytes (MCP_MAX_BODY_BYTES)`);
    });

    it('serves a body of exactly the limit', async () => {
      const body = bodyOf(LIMIT);
      expect(Buffer.byteLength(body)).toBe(LIMIT);
      expect((await postMcp(running().baseUrl, {}, body)).status).toBe(200);
    });

    it('refuses an oversized body sent without a Content-Length (chunked) as well', async () => {
      const chunks = [bodyOf(LIMIT * 4)];
      const stream = new ReadableStream({
        pull(controller) {
          const next = chunks.shift();
          if (next === undefined) controller.close();
          else controller.enqueue(new TextEncoder().encode(next));
        },
      });
      const answer = await postMcp(running().baseUrl, {}, stream);
      expect(answer.status).toBe(413);
    });
  });

  describe('by default', () => {
    const ATTACHMENT_MAX_BYTES = 1024 * 1024;
    const { client } = useSandboxApp('cloud', { ATTACHMENT_MAX_BYTES: String(ATTACHMENT_MAX_BYTES) });

    it('fits an attachment upload of ATTACHMENT_MAX_BYTES, base64 inside JSON-RPC', async () => {
      const bytes = randomBytes(ATTACHMENT_MAX_BYTES);
      const uploaded = await callTool(client(), 'confluence_upload_attachment', {
        page_id: SEED.pages.designAssets.id,
        filename: 'full-size.bin',
        content_base64: bytes.toString('base64'),
      });
      expect(dataOf<{ file_size: number }>(uploaded).file_size).toBe(ATTACHMENT_MAX_BYTES);
    });
  });
});

describe('TLS with TLS_KEY_FILE and TLS_CERT_FILE', () => {
  const sandbox = new ConfluenceSandbox();
  let certificate: TestCertificate;
  let app: INestApplication;
  let baseUrl: string;
  let trusting: Agent;
  const trustingFetch = ((url: string | URL, init?: RequestInit) =>
    undiciFetch(url, { ...(init as object), dispatcher: trusting })) as unknown as typeof fetch;

  beforeAll(async () => {
    await sandbox.start();
    certificate = generateCertificate();
    trusting = new Agent({ connect: { ca: certificate.pem } });
    app = await createHttpApp(sandboxConfig(sandbox, 'cloud', { TLS_KEY_FILE: certificate.keyFile, TLS_CERT_FILE: certificate.certFile }));
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    await trusting?.close();
    certificate?.remove();
    await sandbox.stop();
  });

  it('serves MCP over HTTPS to a client that trusts the certificate', async () => {
    expect(baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const client = new Client({ name: 'tls-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${baseUrl}/mcp`), { fetch: trustingFetch }));
    try {
      const page = dataOf<{ id: string }>(await callTool(client, 'confluence_get_page', { page_id: SEED.pages.home.id }));
      expect(page.id).toBe(SEED.pages.home.id);
    } finally {
      await client.close();
    }
  });

  it('sends HSTS with the other security headers', async () => {
    const answer = await trustingFetch(`${baseUrl}/health/live`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(answer.headers.get('x-frame-options')).toBe('DENY');
  });

  it('is really TLS: a client that does not trust the certificate is refused, and plain HTTP gets no answer', async () => {
    await expect(fetch(`${baseUrl}/health/live`)).rejects.toThrow();
    await expect(fetch(`${baseUrl.replace('https:', 'http:')}/health/live`)).rejects.toThrow();
  });
});

describe('TLS misconfiguration', () => {
  const sandbox = new ConfluenceSandbox();
  beforeAll(() => sandbox.start());
  afterAll(() => sandbox.stop());

  it('stops start-up naming the variable when a file cannot be read', async () => {
    const config = sandboxConfig(sandbox, 'cloud', { TLS_KEY_FILE: '/nonexistent/key.pem', TLS_CERT_FILE: '/nonexistent/cert.pem' });
    const failure = createHttpApp(config);
    await expect(failure).rejects.toBeInstanceOf(InvalidEnvironmentError);
    await expect(failure).rejects.toThrow(/TLS_KEY_FILE: cannot read \/nonexistent\/key\.pem \(ENOENT\)/);
  });

  it('refuses a key that does not belong to the certificate, without printing either', async () => {
    const first = generateCertificate();
    const second = generateCertificate();
    try {
      const config = sandboxConfig(sandbox, 'cloud', { TLS_KEY_FILE: first.keyFile, TLS_CERT_FILE: second.certFile });
      const failure = createHttpApp(config).catch((error: Error) => error.message);
      const message = await failure;
      expect(message).toMatch(/TLS_KEY_FILE, TLS_CERT_FILE: not a usable key and certificate pair/);
      expect(message).not.toContain('BEGIN');
    } finally {
      first.remove();
      second.remove();
    }
  });

  it('requires both files', () => {
    expect(() => sandboxConfig(sandbox, 'cloud', { TLS_CERT_FILE: '/tmp/cert.pem' })).toThrow(/TLS_KEY_FILE: must be set together/);
  });
});
