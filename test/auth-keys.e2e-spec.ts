import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SEED } from './sandbox/seed';
import { testKey, TestKey } from './support/api-keys';
import { connectClient } from './support/http-app';
import { postMcp } from './support/raw-mcp';
import { useSandboxApp } from './support/sandbox-app';
import { callTool, dataOf } from './support/tool-calls';

const reader = testKey('reader', 'Reader', ['read']);
const writer = testKey('writer', 'Writer', ['read', 'write']);
const revoked = testKey('revoked', 'Revoked', ['read', 'write', 'admin']);
const ops = testKey('ops', 'Operations', ['admin']);
const INITIALIZE = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'probe', version: '1' } },
});
const WRITE_TOOLS = ['confluence_create_page', 'confluence_update_page', 'confluence_delete_page', 'confluence_add_comment'];

/** The keys file an operator would mount: hashes only, one client revoked. */
function keysFile(): string {
  const entry = (k: TestKey, extra = '') => `  - { id: ${k.id}, name: ${k.name}, key_sha256: "${k.entry.split(':')[2]}", scopes: [${k.entry.split(':')[3]}]${extra} }`;
  const path = join(mkdtempSync(join(tmpdir(), 'auth-keys-')), 'keys.yaml');
  writeFileSync(path, ['clients:', entry(reader), entry(writer), entry(revoked, ', revoked: true'), entry(ops)].join('\n'));
  return path;
}

async function toolNames(client: Client): Promise<string[]> {
  return (await client.listTools()).tools.map((tool) => tool.name);
}

async function refusal(client: Client, name: string, args: Record<string, unknown>): Promise<string> {
  const error = await client.callTool({ name, arguments: args }).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  if (!error) throw new Error(`${name} was not refused`);
  return error.message;
}

describe('API keys on /mcp (MCP_API_KEYS_FILE)', () => {
  const { sandbox, running, client } = useSandboxApp('cloud', { MCP_API_KEYS_FILE: keysFile() }, {}, { authorization: `Bearer ${reader.key}` });
  const clients: Client[] = [];
  const connectWith = async (headers: Record<string, string>) => {
    const connected = await connectClient(`${running().baseUrl}/mcp`, headers);
    clients.push(connected);
    return connected;
  };
  afterAll(async () => Promise.all(clients.map((c) => c.close())));

  it('refuses a request without a key with 401, a Bearer challenge and a body saying what to send', async () => {
    const answer = await postMcp(running().baseUrl, INITIALIZE);
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="confluence-mcp"');
    expect(answer.json).toEqual({ error: 'unauthorized', error_description: expect.stringContaining('"Authorization: Bearer <key>" or "X-API-Key: <key>"') });
    for (const method of ['GET', 'DELETE']) {
      expect((await fetch(`${running().baseUrl}/mcp`, { method })).status).toBe(401);
    }
    await expect(connectClient(`${running().baseUrl}/mcp`)).rejects.toMatchObject({ code: 401, message: expect.stringContaining('X-API-Key: <key>') });
  });

  it('refuses a keyless request before reading its body: an oversized or malformed body still gets 401, not 413 or 400', async () => {
    const oversized = await postMcp(running().baseUrl, 'x'.repeat(20 * 1024 * 1024));
    expect(oversized.status).toBe(401);
    const malformed = await postMcp(running().baseUrl, '{"jsonrpc": ');
    expect(malformed.status).toBe(401);
    const keyed = await postMcp(running().baseUrl, '{"jsonrpc": ', { authorization: `Bearer ${reader.key}` });
    expect(keyed.status).toBe(400);
  });

  it('answers a wrong key and a revoked key identically, naming neither', async () => {
    const wrong = await postMcp(running().baseUrl, INITIALIZE, { authorization: `Bearer ${reader.key}x` });
    const gone = await postMcp(running().baseUrl, INITIALIZE, { 'x-api-key': revoked.key });
    for (const answer of [wrong, gone]) {
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="confluence-mcp", error="invalid_token", error_description="The API key is not valid"');
    }
    expect(gone.text).toBe(wrong.text);
    expect(gone.text).not.toContain('revoked"');
    await expect(connectWith({ 'x-api-key': revoked.key })).rejects.toMatchObject({ code: 401 });
  });

  it('refuses two different keys in one request, and non-Bearer Authorization', async () => {
    const both = await postMcp(running().baseUrl, INITIALIZE, { authorization: `Bearer ${reader.key}`, 'x-api-key': writer.key });
    expect(both.status).toBe(400);
    expect(both.json).toMatchObject({ error: 'invalid_request' });
    const basic = await postMcp(running().baseUrl, INITIALIZE, { authorization: `Basic ${Buffer.from(`x:${reader.key}`).toString('base64')}` });
    expect(basic.status).toBe(401);
    expect(basic.json).toMatchObject({ error_description: expect.stringContaining('Bearer scheme') });
  });

  it('accepts the key as Authorization: Bearer and as X-API-Key', async () => {
    expect(await toolNames(client())).toContain('confluence_get_page');
    const viaHeader = await connectWith({ 'x-api-key': reader.key });
    const page = dataOf<{ id: string }>(await callTool(viaHeader, 'confluence_get_page', { page_id: SEED.pages.home.id }));
    expect(page.id).toBe(SEED.pages.home.id);
  });

  it('hides write tools from a read key and refuses them exactly like unknown tools, sending nothing to Confluence', async () => {
    const names = await toolNames(client());
    for (const tool of WRITE_TOOLS) expect(names).not.toContain(tool);
    sandbox.clearRequests();
    const unknown = await refusal(client(), 'no_such_tool', {});
    for (const tool of WRITE_TOOLS) {
      expect(await refusal(client(), tool, { page_id: SEED.pages.home.id, space_key: 'DEMO', title: 't', body: 'b' })).toBe(unknown.replace('no_such_tool', tool));
    }
    expect(sandbox.requests).toEqual([]);
  });

  it('lists the write tools for a key with the write scope, and no tool at all for an admin-only key', async () => {
    expect(await toolNames(await connectWith({ authorization: `Bearer ${writer.key}` }))).toEqual(expect.arrayContaining(WRITE_TOOLS));
    const admin = await connectWith({ 'x-api-key': ops.key });
    expect(await toolNames(admin)).toEqual([]);
    expect(await refusal(admin, 'confluence_get_page', { page_id: SEED.pages.home.id })).toMatch(/Unknown tool: confluence_get_page/);
    await expect(admin.readResource({ uri: `confluence://page/${SEED.pages.home.id}` })).rejects.toThrow(/not allowed for this caller/);
  });

  it('lets only admin keys read the audit endpoint (401 without a key, 403 without the scope)', async () => {
    const get = (headers: Record<string, string>) => fetch(`${running().baseUrl}/admin/audit?limit=1`, { headers });
    const anonymous = await get({});
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="confluence-mcp"');
    expect((await get({ 'x-api-key': revoked.key })).status).toBe(401);
    const readerAnswer = await get({ authorization: `Bearer ${reader.key}` });
    expect(readerAnswer.status).toBe(403);
    expect(readerAnswer.headers.get('www-authenticate')).toBe('Bearer realm="confluence-mcp", error="insufficient_scope", scope="admin"');
    expect(await readerAnswer.json()).toEqual({ error: 'insufficient_scope', error_description: expect.stringContaining('admin scope') });
    expect((await get({ 'x-api-key': ops.key })).status).toBe(200);
  });

  it('keeps health and (without METRICS_TOKEN) metrics anonymous', async () => {
    for (const path of ['/health/live', '/health/ready', '/metrics']) {
      expect([path, (await fetch(`${running().baseUrl}${path}`)).status]).toEqual([path, 200]);
    }
  });
});

describe('METRICS_TOKEN', () => {
  const token = 'metrics-token-0123456789abcdef';
  const { running } = useSandboxApp('cloud', { METRICS_TOKEN: token });
  const metrics = (headers: Record<string, string> = {}) => fetch(`${running().baseUrl}/metrics`, { headers });

  it('requires the token as a Bearer on /metrics, and nothing else changes', async () => {
    const anonymous = await metrics();
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    const wrong = await metrics({ authorization: `Bearer ${token}0` });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer realm="metrics", error="invalid_token"');
    expect(await wrong.text()).not.toContain(token);
    expect((await metrics({ authorization: `Basic ${token}` })).status).toBe(401);
    const allowed = await metrics({ authorization: `Bearer ${token}` });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('mcp_tool_calls_total');
    expect((await fetch(`${running().baseUrl}/health/live`)).status).toBe(200);
  });
});
