import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpApp } from '../src/app.factory';
import { AppConfig } from '../src/config/app-config';
import { AUTH_FAILURES_PER_WINDOW } from '../src/rate-limit/failed-auth.throttle';
import { ConfluenceSandbox } from './sandbox/confluence-sandbox';
import { sampleValue } from './support/metrics-text';
import { freeLoopbackPort, RedisServer, startRedisServer } from './support/redis-server';
import { sandboxConfig } from './support/test-config';

const MCP_HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
const LIST_TOOLS = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });

/** One API client of the keys file: its id, its key (sent by the test), and its own rate limit if any. */
interface TestClient {
  id: string;
  key: string;
  rateLimit?: string;
}

const newClient = (id: string, rateLimit?: string): TestClient => ({ id, key: `cmcp_${randomBytes(24).toString('base64url')}`, rateLimit });

/** Writes MCP_API_KEYS_FILE for these clients (hashes only, as deployed) and returns its path. */
function writeKeysFile(dir: string, clients: TestClient[]): string {
  const path = join(dir, 'keys.json');
  const entries = clients.map((c) => ({
    id: c.id,
    key_sha256: createHash('sha256').update(c.key).digest('hex'),
    scopes: ['read'],
    ...(c.rateLimit ? { rate_limit: c.rateLimit } : {}),
  }));
  writeFileSync(path, JSON.stringify({ clients: entries }));
  return path;
}

interface Answer {
  status: number;
  headers: Headers;
  body: { error?: { message: string; data?: Record<string, unknown> } };
}

/** One tools/list over real HTTP, as `client` (or anonymously). */
async function listTools(baseUrl: string, client?: TestClient): Promise<Answer> {
  const headers = client ? { ...MCP_HEADERS, authorization: `Bearer ${client.key}` } : MCP_HEADERS;
  const response = await fetch(`${baseUrl}/mcp`, { method: 'POST', headers, body: LIST_TOOLS });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
}

async function statuses(count: number, call: () => Promise<Answer>): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < count; i++) seen.push((await call()).status);
  return seen;
}

async function refusedCount(baseUrl: string, client: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  return sampleValue(text, 'mcp_rate_limited_total', { client });
}

/** The real app listening on loopback. No MCP client connects up front: every request a test counts is its own. */
async function listen(config: AppConfig): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const app = await createHttpApp(config);
  await app.listen(0, '127.0.0.1');
  return { baseUrl: (await app.getUrl()).replace('[::1]', '127.0.0.1'), close: () => app.close() };
}

/** Starts the sandbox, a keys-file directory, and as many app instances as asked for; stops them all after the suite. */
function useApps(clients: TestClient[], env: () => Record<string, string>, instances = 1) {
  const sandbox = new ConfluenceSandbox();
  const dir = mkdtempSync(join(tmpdir(), 'mcp-rate-'));
  const apps: { baseUrl: string; close(): Promise<void> }[] = [];
  beforeAll(async () => {
    await sandbox.start();
    const keys: Record<string, string> = clients.length > 0 ? { MCP_API_KEYS_FILE: writeKeysFile(dir, clients) } : {};
    for (let i = 0; i < instances; i++) apps.push(await listen(sandboxConfig(sandbox, 'cloud', { ...keys, ...env() })));
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await sandbox.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return (index = 0) => apps[index].baseUrl;
}

describe('rate limit per API client (in memory)', () => {
  const teamA = newClient('team-a');
  const teamB = newClient('team-b', '5/minute');
  const baseUrl = useApps([teamA, teamB], () => ({ RATE_LIMIT: '3/minute' }));

  it('counts down in RateLimit-* headers, then refuses with 429, Retry-After and a JSON-RPC error naming the client', async () => {
    const before = await refusedCount(baseUrl(), 'team-a');
    const allowed = [await listTools(baseUrl(), teamA), await listTools(baseUrl(), teamA), await listTools(baseUrl(), teamA)];
    expect(allowed.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(allowed.map((a) => a.headers.get('ratelimit-remaining'))).toEqual(['2', '1', '0']);
    expect(allowed[0].headers.get('ratelimit-limit')).toBe('3');
    expect(allowed[0].headers.get('ratelimit-policy')).toBe('3;w=60');
    expect(Number(allowed[0].headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    expect(allowed[0].headers.get('retry-after')).toBeNull();

    const refused = await listTools(baseUrl(), teamA);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit-limit')).toBe('3');
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(refused.headers.get('ratelimit-reset')).toBe(String(retryAfter));
    expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
    expect(refused.body).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32000, data: { client: 'team-a', limit: '3/minute' } } });
    expect(refused.body.error?.message).toMatch(/Rate limit exceeded for client team-a \(3\/minute\); retry after \d+ s/);
    expect(await refusedCount(baseUrl(), 'team-a')).toBe(before + 1);
  });

  it("keeps each client's budget apart and applies the client's own rate_limit", async () => {
    expect(await statuses(6, () => listTools(baseUrl(), teamB))).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await listTools(baseUrl(), teamB)).headers.get('ratelimit-limit')).toBe('5');
    expect(await refusedCount(baseUrl(), 'team-b')).toBe(2);
  });

  it('authenticates before counting: a request with an unknown key is refused with 401 before the rate limit sees it', async () => {
    const stranger = newClient('stranger');
    const answer = await listTools(baseUrl(), stranger);
    expect(answer.status).toBe(401);
    expect(answer.headers.get('ratelimit-limit')).toBeNull();
  });

  it('never limits the health probes', async () => {
    for (let i = 0; i < 10; i++) {
      const answer = await fetch(`${baseUrl()}/health/live`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('ratelimit-limit')).toBeNull();
    }
  });
});

describe('rate limit bursts', () => {
  const client = newClient('bursty');
  const baseUrl = useApps([client], () => ({ RATE_LIMIT: '100/minute', RATE_LIMIT_BURST: '2' }));

  it('refuses more than RATE_LIMIT_BURST requests arriving at once, well below the per-minute limit', async () => {
    const answers = await Promise.all([1, 2, 3, 4].map(() => listTools(baseUrl(), client)));
    const refused = answers.filter((a) => a.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused[0].body.error?.message).toContain('100/minute, at most 2 within one second');
    expect(refused[0].headers.get('ratelimit-policy')).toBe('2;w=1, 100;w=60');
    expect(refused[0].headers.get('retry-after')).toBe('1');
  });
});

describe('rate limit without API keys (anonymous, by IP)', () => {
  const baseUrl = useApps([], () => ({ RATE_LIMIT: '2/minute' }));

  it('counts per client IP and reports the client as anonymous', async () => {
    const before = await refusedCount(baseUrl(), 'anonymous');
    expect(await statuses(3, () => listTools(baseUrl()))).toEqual([200, 200, 429]);
    const refused = await listTools(baseUrl());
    expect(refused.body.error?.data).toMatchObject({ client: 'anonymous' });
    expect(await refusedCount(baseUrl(), 'anonymous')).toBe(before + 2);
  });
});

describe('failed API-key checks', () => {
  const teamA = newClient('team-a');
  const baseUrl = useApps([teamA], () => ({ RATE_LIMIT: 'off' }));

  it(`refuses every key check from an address after ${AUTH_FAILURES_PER_WINDOW} failures in a minute, a right key included`, async () => {
    const before = await refusedCount(baseUrl(), 'unauthenticated');
    const wrong = { ...teamA, key: `${teamA.key}x` };
    expect(await statuses(AUTH_FAILURES_PER_WINDOW, () => listTools(baseUrl(), wrong))).toEqual(Array(AUTH_FAILURES_PER_WINDOW).fill(401));
    const blocked = await listTools(baseUrl(), wrong);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.body.error?.message).toMatch(/Too many failed API-key checks/);
    expect((await listTools(baseUrl(), teamA)).status).toBe(429);
    expect(await refusedCount(baseUrl(), 'unauthenticated')).toBe(before + 2);
    expect((await fetch(`${baseUrl()}/health/live`)).status).toBe(200);
  });
});

describe('a tools/call refused by the rate limit', () => {
  const baseUrl = useApps([], () => ({ RATE_LIMIT: '1/minute' }));
  const call = JSON.stringify({ jsonrpc: '2.0', id: 'late-1', method: 'tools/call', params: { name: 'confluence_get_page', arguments: { page_id: '98305' } } });

  it('leaves an audit record and counts as a rate_limited tool call', async () => {
    const post = () => fetch(`${baseUrl()}/mcp`, { method: 'POST', headers: MCP_HEADERS, body: call });
    const metrics = async () => sampleValue(await (await fetch(`${baseUrl()}/metrics`)).text(), 'mcp_tool_calls_total', { tool: 'confluence_get_page', outcome: 'rate_limited' });
    const before = await metrics();
    expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(429);
    const { records } = (await (await fetch(`${baseUrl()}/admin/audit?limit=5`)).json()) as { records: { outcome: string; tool: string; jsonRpcId?: string }[] };
    expect(records.filter((r) => r.jsonRpcId === 'late-1').map((r) => r.outcome)).toEqual(['rate_limited', 'success']);
    expect(await metrics()).toBe(before + 1);
  });
});

describe('behind a proxy (MCP_TRUST_PROXY)', () => {
  const baseUrl = useApps([], () => ({ RATE_LIMIT: '2/minute', MCP_TRUST_PROXY: 'loopback' }));
  const from = (address: string) => () =>
    fetch(`${baseUrl()}/mcp`, { method: 'POST', headers: { ...MCP_HEADERS, 'x-forwarded-for': address }, body: LIST_TOOLS }).then((r) => ({
      status: r.status,
      headers: r.headers,
      body: {},
    }));

  it('counts each client address the trusted proxy forwards, not the proxy itself', async () => {
    expect(await statuses(3, from('203.0.113.7'))).toEqual([200, 200, 429]);
    expect(await statuses(2, from('198.51.100.4'))).toEqual([200, 200]);
  });
});

describe('RATE_LIMIT=off', () => {
  const open = newClient('open');
  const capped = newClient('capped', '2/minute');
  const baseUrl = useApps([open, capped], () => ({ RATE_LIMIT: 'off' }));

  it('limits nobody by default, but still applies per-client overrides', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, () => listTools(baseUrl(), open)));
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
    expect(answers[0].headers.get('ratelimit-limit')).toBeNull();
    expect(await statuses(3, () => listTools(baseUrl(), capped))).toEqual([200, 200, 429]);
  });
});

describe('rate limit across replicas', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(() => redis?.stop());

  describe('two instances sharing one real redis-server', () => {
    const client = newClient('shared');
    const baseUrl = useApps([client], () => ({ RATE_LIMIT: '4/minute', REDIS_URL: redis.url }), 2);

    it('refuses the (N+1)th call across both instances, on either of them', async () => {
      const first = baseUrl(0);
      const second = baseUrl(1);
      const calls = [first, second, first, second];
      const answers: Answer[] = [];
      for (const url of calls) answers.push(await listTools(url, client));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
      expect(answers.map((a) => a.headers.get('ratelimit-remaining'))).toEqual(['3', '2', '1', '0']);
      expect((await listTools(first, client)).status).toBe(429);
      expect((await listTools(second, client)).status).toBe(429);
    });
  });

  describe('two instances without REDIS_URL', () => {
    const client = newClient('alone');
    const baseUrl = useApps([client], () => ({ RATE_LIMIT: '4/minute' }), 2);

    it('count alone: each lets the client make N calls', async () => {
      expect(await statuses(5, () => listTools(baseUrl(0), client))).toEqual([200, 200, 200, 200, 429]);
      expect(await statuses(5, () => listTools(baseUrl(1), client))).toEqual([200, 200, 200, 200, 429]);
    });
  });
});

describe('when Redis is unreachable', () => {
  const sandbox = new ConfluenceSandbox();
  beforeAll(() => sandbox.start());
  afterAll(() => sandbox.stop());

  it('does not start, naming REDIS_URL and the address but never the password', async () => {
    const port = await freeLoopbackPort();
    const config = sandboxConfig(sandbox, 'cloud', { REDIS_URL: `redis://:hunter2-secret@127.0.0.1:${port}` });
    const message = await createHttpApp(config).then(
      () => 'started',
      (error: Error) => error.message,
    );
    expect(message).toContain(`REDIS_URL: cannot connect to Redis at 127.0.0.1:${port}`);
    expect(message).not.toContain('hunter2-secret');
  });

  it('keeps serving when Redis goes away after start-up, each instance then counting alone', async () => {
    const redis = await startRedisServer();
    const client = newClient('outage');
    const dir = mkdtempSync(join(tmpdir(), 'mcp-rate-'));
    const app = await listen(
      sandboxConfig(sandbox, 'cloud', { MCP_API_KEYS_FILE: writeKeysFile(dir, [client]), RATE_LIMIT: '3/minute', REDIS_URL: redis.url }),
    );
    try {
      expect((await listTools(app.baseUrl, client)).status).toBe(200);
      await redis.stop();
      const answers = await statuses(4, () => listTools(app.baseUrl, client));
      expect(answers).toEqual([200, 200, 200, 429]);
    } finally {
      await app.close();
      await redis.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
