import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfluenceSandbox } from './sandbox/confluence-sandbox';
import { SEED } from './sandbox/seed';
import { testKey } from './support/api-keys';
import { mcpHeaders, postMcp, toolCallBody } from './support/raw-mcp';
import { listeningUrl, spawnApp, waitFor } from './support/spawned-app';
import { sandboxEnv } from './support/test-config';

const token = (label: string) => `${label}-${randomBytes(12).toString('hex')}`;
const basic = (user: string, secret: string) => Buffer.from(`${user}:${secret}`).toString('base64');

/** Every credential the test hands the server or sends to it, each unique enough that a match can only be a leak. */
const username = 'svc-account@example.com';
const apiToken = token('cloud-api-token');
const personalToken = token('dc-pat');
const admin = testKey('ops', 'Operations', ['read', 'write', 'admin']);
const wrongKey = `cmcp_${token('wrong-key')}`;
const userPat = token('user-pat');
const userApiToken = token('user-api-token');
const cookie = token('session-cookie');
const metricsToken = token('metrics-token');

const SECRETS: Record<string, string> = {
  apiToken,
  personalToken,
  basicHeader: basic(username, apiToken),
  basicHeaderDc: basic(username, personalToken),
  apiKey: admin.key,
  wrongKey,
  userPat,
  userApiToken,
  userBasicHeader: basic('someone@example.com', userApiToken),
  cookie,
  metricsToken,
};

/** Fails naming the secret and the place where it showed up. */
function expectNoSecrets(outputs: Record<string, string>): void {
  for (const [where, text] of Object.entries(outputs)) {
    for (const [name, secret] of Object.entries(SECRETS)) {
      if (text.includes(secret)) throw new Error(`${name} appears in ${where}`);
    }
  }
}

const auditLinesOf = (text: string) => text.split('\n').filter((line) => line.includes('"audit":true')).map((line) => JSON.parse(line));

describe('no secret in any output', () => {
  const sandbox = new ConfluenceSandbox({ credentials: { username, apiToken, personalToken } });
  beforeAll(() => sandbox.start());
  afterAll(() => sandbox.stop());

  const env = (layout: 'cloud' | 'datacenter', extra: Record<string, string>) => ({
    ...sandboxEnv(sandbox, layout),
    CONFLUENCE_USERNAME: username,
    CONFLUENCE_API_TOKEN: apiToken,
    CONFLUENCE_PERSONAL_TOKEN: personalToken,
    ...extra,
  });

  it('over HTTP at LOG_LEVEL=trace: logs, audit (stdout) and answers, through successes and failures', async () => {
    const app = spawnApp(
      env('cloud', {
        LOG_LEVEL: 'trace',
        AUDIT_LOG_FILE: '',
        MCP_API_KEYS: admin.entry,
        CONFLUENCE_USER_CREDENTIALS: 'header',
        METRICS_TOKEN: metricsToken,
        RATE_LIMIT: 'off',
      }),
    );
    const answers: string[] = [];
    try {
      const base = await listeningUrl(app);
      const keyed = { authorization: `Bearer ${admin.key}`, cookie: `sid=${cookie}` };
      let id = 0;
      const call = async (name: string, args: unknown, headers: Record<string, string> = keyed) => {
        const answer = await postMcp(base, toolCallBody(++id, name, args), headers);
        answers.push(`${answer.status} ${JSON.stringify([...answer.headers])} ${answer.text}`);
        return answer;
      };
      const get = async (path: string, headers: Record<string, string>) => {
        const response = await fetch(`${base}${path}`, { headers });
        answers.push(`${response.status} ${JSON.stringify([...response.headers])} ${await response.text()}`);
        return response.status;
      };

      expect((await call('confluence_get_page', { page_id: SEED.pages.home.id })).status).toBe(200);
      await call('confluence_get_page', { page_id: '999999999' }, { 'x-api-key': admin.key });
      await call('confluence_get_page', { page_id: 'not-an-id' });
      await call('confluence_no_such_tool', {});
      await call('confluence_get_page', { page_id: SEED.pages.home.id }, { ...keyed, 'x-confluence-authorization': `Bearer ${userPat}` });
      await call('confluence_get_page', { page_id: SEED.pages.home.id }, { ...keyed, 'x-confluence-authorization': `Basic ${SECRETS.userBasicHeader}` });
      sandbox.setFaults({ error5xxRate: 1 });
      const unavailable = await call('confluence_get_page', { page_id: SEED.pages.home.id });
      sandbox.clearFaults();
      expect(JSON.stringify(unavailable.json)).toContain('isError');

      expect((await call('confluence_get_page', { page_id: '1' }, { authorization: `Bearer ${wrongKey}` })).status).toBe(401);
      expect((await call('confluence_get_page', { page_id: '1' }, { cookie: `sid=${cookie}` })).status).toBe(401);
      const malformed = await fetch(`${base}/mcp`, { method: 'POST', headers: mcpHeaders(keyed), body: '{"jsonrpc":' });
      answers.push(`${malformed.status} ${await malformed.text()}`);
      expect(await get('/admin/audit?limit=1000', { 'x-api-key': admin.key })).toBe(200);
      expect(await get('/metrics', { authorization: `Bearer ${metricsToken}` })).toBe(200);
      expect(await get('/metrics', { authorization: `Bearer ${wrongKey}` })).toBe(401);
    } finally {
      sandbox.clearFaults();
      await app.stop('SIGTERM');
    }

    expect(app.stderr()).toContain('"authorization":"[redacted]"');
    expect(app.stderr()).toContain('"x-confluence-authorization":"[redacted]"');
    expect(app.stderr()).toContain('"cookie":"[redacted]"');
    const audit = auditLinesOf(app.stdout());
    expect(audit.map((r) => r.outcome)).toEqual(['success', 'error', 'invalid_arguments', 'unknown_tool', 'error', 'error', 'error']);
    expect(audit.map((r) => r.errorKind)).toEqual([undefined, 'not_found', 'invalid_arguments', 'unknown_tool', 'authentication', 'authentication', 'unavailable']);
    expect(app.stdout().split('\n').filter(Boolean)).toHaveLength(audit.length);
    expectNoSecrets({ stdout: app.stdout(), stderr: app.stderr(), answers: answers.join('\n') });
  });

  it.each([
    ['to a file', true],
    ['to stderr', false],
  ])('under stdio at LOG_LEVEL=debug, auditing %s: stdout carries JSON-RPC only', async (_label, toFile) => {
    const auditFile = join(mkdtempSync(join(tmpdir(), 'secrets-')), 'audit.log');
    const app = spawnApp(env('datacenter', { MCP_TRANSPORT: 'stdio', LOG_LEVEL: 'debug', AUDIT_LOG_FILE: toFile ? auditFile : '' }));
    try {
      app.send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
      app.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
      const calls: [string, unknown][] = [
        ['confluence_get_page', { page_id: SEED.pages.home.id }],
        ['confluence_get_page', { page_id: '999999999' }],
        ['confluence_get_page', { page_id: 'not-an-id' }],
        ['confluence_no_such_tool', {}],
      ];
      calls.forEach(([name, args], i) => app.send({ jsonrpc: '2.0', id: i + 2, method: 'tools/call', params: { name, arguments: args } }));
      await waitFor(() => app.stdout().split('\n').filter(Boolean).length >= calls.length + 1 || undefined, 20_000);
    } finally {
      await app.stop('stdin-end');
    }

    const lines = app.stdout().split('\n').filter(Boolean);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ jsonrpc: '2.0' });
    const fileText = toFile ? readFileSync(auditFile, 'utf8') : '';
    const audit = auditLinesOf(toFile ? fileText : app.stderr()).sort((a, b) => a.jsonRpcId - b.jsonRpcId);
    expect(audit.map((r) => [r.jsonRpcId, r.outcome, r.transport, r.client.id])).toEqual([
      [2, 'success', 'stdio', 'local'],
      [3, 'error', 'stdio', 'local'],
      [4, 'invalid_arguments', 'stdio', 'local'],
      [5, 'unknown_tool', 'stdio', 'local'],
    ]);
    expectNoSecrets({ stdout: app.stdout(), stderr: app.stderr(), auditFile: fileText });
  });
});
