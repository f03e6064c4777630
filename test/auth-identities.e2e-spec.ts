import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SEED } from './sandbox/seed';
import { testKey, TestKey } from './support/api-keys';
import { connectClient } from './support/http-app';
import { postMcp } from './support/raw-mcp';
import { useSandboxApp } from './support/sandbox-app';
import { callTool, dataOf, textOf } from './support/tool-calls';

const hashOf = (key: TestKey) => key.entry.split(':')[2];

/** Writes a keys file (YAML, as mounted from a Secret) and returns its path. */
function keysFile(lines: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'auth-identities-')), 'keys.yaml');
  writeFileSync(path, ['clients:', ...lines].join('\n'));
  return path;
}

/** Keeps the extra clients a suite connects, and closes them after it. */
function extraClients(baseUrl: () => string): (headers: Record<string, string>) => Promise<Client> {
  const clients: Client[] = [];
  afterAll(async () => Promise.all(clients.map((c) => c.close())));
  return async (headers) => {
    const client = await connectClient(`${baseUrl()}/mcp`, headers);
    clients.push(client);
    return client;
  };
}

const spaceKeysOf = async (client: Client) =>
  dataOf<{ spaces: { key: string }[] }>(await callTool(client, 'confluence_list_spaces', { limit: 50 })).spaces.map((s) => s.key).sort();
const searchSpacesOf = async (client: Client) =>
  [...new Set(dataOf<{ results: { space_key?: string }[] }>(await callTool(client, 'confluence_search', { cql: 'type = page', limit: 100 })).results.map((r) => r.space_key))].sort();

describe('two keys with different policies see different worlds from one server', () => {
  const eng = testKey('eng', 'Engineering', ['read', 'write']);
  const demo = testKey('demo', 'Demo team', ['read', 'write']);
  const wide = testKey('wide', 'Asks for more', ['read', 'write']);
  const file = keysFile([
    `  - { id: eng, key_sha256: "${hashOf(eng)}", scopes: [read, write], policy: { spaces: [ENG] } }`,
    `  - { id: demo, key_sha256: "${hashOf(demo)}", scopes: [read, write], policy: { spaces: [demo], read_only: true } }`,
    `  - { id: wide, key_sha256: "${hashOf(wide)}", scopes: [read, write], policy: { spaces: [ENG, OLD, "~alice"] } }`,
  ]);
  const { running, client } = useSandboxApp('cloud', { MCP_API_KEYS_FILE: file, CONFLUENCE_SPACES: 'DEMO,ENG' }, {}, { 'x-api-key': eng.key });
  const connect = extraClients(() => running().baseUrl);

  it('lists and searches only each key\'s spaces, never beyond the deployment\'s', async () => {
    const demoClient = await connect({ 'x-api-key': demo.key });
    const wideClient = await connect({ 'x-api-key': wide.key });
    expect(await spaceKeysOf(client())).toEqual(['ENG']);
    expect(await spaceKeysOf(demoClient)).toEqual(['DEMO']);
    expect(await spaceKeysOf(wideClient)).toEqual(['ENG']);
    expect(await searchSpacesOf(client())).toEqual(['ENG']);
    expect(await searchSpacesOf(demoClient)).toEqual(['DEMO']);
    expect(await searchSpacesOf(wideClient)).toEqual(['ENG']);
  });

  it('refuses a page of another key\'s space by id, and applies each key\'s tool policy', async () => {
    const demoClient = await connect({ 'x-api-key': demo.key });
    expect(dataOf<{ id: string }>(await callTool(client(), 'confluence_get_page', { page_id: SEED.pages.engHome.id })).id).toBe(SEED.pages.engHome.id);
    const refused = await callTool(demoClient, 'confluence_get_page', { page_id: SEED.pages.engHome.id });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toMatch(/not allowed/);
    expect(textOf(refused)).not.toContain(SEED.pages.engHome.title);
    const demoTools = (await demoClient.listTools()).tools.map((t) => t.name);
    const engTools = (await client().listTools()).tools.map((t) => t.name);
    expect(engTools).toContain('confluence_update_page');
    expect(demoTools).not.toContain('confluence_update_page');
    await expect(demoClient.callTool({ name: 'confluence_update_page', arguments: {} })).rejects.toThrow(/Unknown tool: confluence_update_page/);
  });
});

describe('per-key Confluence credentials (a service account per team)', () => {
  const teamA = testKey('team-a', 'Team A', ['read']);
  const teamB = testKey('team-b', 'Team B', ['read']);
  const file = keysFile([
    `  - { id: team-a, key_sha256: "${hashOf(teamA)}", scopes: [read] }`,
    `  - { id: team-b, key_sha256: "${hashOf(teamB)}", scopes: [read], confluence: { username: team-b@example.com, api_token_env: TEAM_B_CONFLUENCE_TOKEN } }`,
  ]);
  // This Confluence knows only team B's service account: the deployment's own credentials are refused.
  const credentials = { username: 'team-b@example.com', apiToken: 'team-b-token', personalToken: 'unused' };
  const { sandbox, running, client } = useSandboxApp(
    'cloud',
    { MCP_API_KEYS_FILE: file, TEAM_B_CONFLUENCE_TOKEN: 'team-b-token' },
    { credentials },
    { authorization: `Bearer ${teamB.key}` },
  );
  const connect = extraClients(() => running().baseUrl);
  const getHome = (c: Client) => callTool(c, 'confluence_get_page', { page_id: SEED.pages.home.id });

  it('calls Confluence as the key\'s own account, and the deployment\'s for keys without one', async () => {
    const teamAClient = await connect({ authorization: `Bearer ${teamA.key}` });
    sandbox.clearRequests();
    expect(dataOf<{ id: string }>(await getHome(client())).id).toBe(SEED.pages.home.id);
    expect(sandbox.requests.map((r) => r.status)).toEqual([200]);
    sandbox.clearRequests();
    const refused = await getHome(teamAClient);
    expect(refused.isError).toBe(true);
    expect(sandbox.requests.every((r) => r.status === 401)).toBe(true);
    expect(textOf(refused)).not.toContain('team-b-token');
    sandbox.clearRequests();
    expect((await getHome(client())).isError).toBeFalsy();
    expect(sandbox.requests.map((r) => r.status)).toEqual([200]);
  });

  it('refuses X-Confluence-Authorization while CONFLUENCE_USER_CREDENTIALS is off', async () => {
    const answer = await postMcp(running().baseUrl, '{}', { authorization: `Bearer ${teamA.key}`, 'x-confluence-authorization': 'Bearer team-b-token' });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: 'invalid_request', error_description: expect.stringContaining('CONFLUENCE_USER_CREDENTIALS is off') });
  });
});

describe('per-user Confluence credentials (CONFLUENCE_USER_CREDENTIALS=header)', () => {
  const key = testKey('assistant', 'Assistant', ['read']);
  // Data Center that knows only Alice: her PAT, and her user + token over Basic; the deployment's PAT is refused.
  const credentials = { username: 'alice', apiToken: 'alice-token', personalToken: 'alice-pat' };
  const { sandbox, running, client } = useSandboxApp(
    'datacenter',
    { MCP_API_KEYS: key.entry, CONFLUENCE_USER_CREDENTIALS: 'header' },
    { credentials },
    { 'x-api-key': key.key, 'x-confluence-authorization': 'Bearer alice-pat' },
  );
  const connect = extraClients(() => running().baseUrl);
  const getHome = (c: Client) => callTool(c, 'confluence_get_page', { page_id: SEED.pages.home.id });

  it('runs each call as the user whose token came with it, sharing nothing between users', async () => {
    const mallory = await connect({ 'x-api-key': key.key, 'x-confluence-authorization': 'Bearer mallory-pat' });
    const noUser = await connect({ 'x-api-key': key.key });
    const aliceBasic = await connect({ 'x-api-key': key.key, 'x-confluence-authorization': `Basic ${Buffer.from('alice:alice-token').toString('base64')}` });
    sandbox.clearRequests();
    expect((await getHome(client())).isError).toBeFalsy();
    expect(sandbox.requests.map((r) => r.status)).toEqual([200]);
    for (const other of [mallory, noUser]) {
      sandbox.clearRequests();
      expect((await getHome(other)).isError).toBe(true);
      expect(sandbox.requests.length).toBeGreaterThan(0);
      expect(sandbox.requests.every((r) => r.status === 401)).toBe(true);
    }
    expect((await getHome(aliceBasic)).isError).toBeFalsy();
    expect((await getHome(client())).isError).toBeFalsy();
  });

  it('refuses an unreadable X-Confluence-Authorization before any tool runs', async () => {
    sandbox.clearRequests();
    const answer = await postMcp(running().baseUrl, '{}', { 'x-api-key': key.key, 'x-confluence-authorization': 'Token alice-pat' });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: 'invalid_request', error_description: expect.stringContaining('"Bearer <personal access token>"') });
    expect(answer.text).not.toContain('alice-pat');
    expect(sandbox.requests).toEqual([]);
  });
});
