import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SEED } from './sandbox/seed';
import { builtMainPath, childEnv } from './support/built-app';
import { connectClient } from './support/http-app';
import { useSandboxApp } from './support/sandbox-app';
import { callTool, dataOf } from './support/tool-calls';

const DC = { CONFLUENCE_URL: 'https://wiki.example.com', CONFLUENCE_PERSONAL_TOKEN: 'pat' };

/** Runs the built server in a fresh folder and returns how it ended. */
function start(vars: Record<string, string>) {
  const cwd = mkdtempSync(join(tmpdir(), 'cms-auth-'));
  return spawnSync(process.execPath, [builtMainPath()], { cwd, env: childEnv(vars), encoding: 'utf8', timeout: 20_000 });
}

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cms-auth-')), name);
  writeFileSync(path, text);
  return path;
}

/** `npm run keys:new` as built: prints the key once, the YAML entry and the MCP_API_KEYS entry. */
function keysNew(...args: string[]): { key: string; yaml: string; inline: string; stdout: string } {
  const script = resolve(__dirname, '../dist/scripts/keys-new.js');
  const run = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', timeout: 20_000 });
  if (run.status !== 0) throw new Error(`keys:new failed: ${run.stderr}`);
  const lines = run.stdout.split('\n');
  const yamlStart = lines.indexOf('clients:');
  const yamlEnd = lines.indexOf('', yamlStart);
  const inline = lines.find((line) => /^ {2}[\w.-]+:[^:]*:[0-9a-f]{64}:/.test(line)) ?? '';
  return {
    key: /^ {2}(cmcp_[\w-]{43})$/m.exec(run.stdout)?.[1] ?? '',
    yaml: lines.slice(yamlStart, yamlEnd).join('\n'),
    inline: inline.trim(),
    stdout: run.stdout,
  };
}

describe('start-up: who may call an HTTP server', () => {
  it('refuses to listen beyond loopback without API keys, saying how to fix it', () => {
    const run = start({ ...DC, MCP_HOST: '0.0.0.0' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^ {2}- MCP_HOST: 0\.0\.0\.0 is reachable from other machines, but no API keys are configured; create one with "npm run keys:new/m);
    expect(run.stderr).toContain('MCP_AUTH=none');
  });

  it('starts with MCP_AUTH=none, but warns loudly', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cms-auth-'));
    const child = spawn(process.execPath, [builtMainPath()], {
      cwd,
      env: childEnv({ ...DC, MCP_HOST: '0.0.0.0', MCP_PORT: '0', MCP_AUTH: 'none' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const port = await new Promise<string>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no listening line in:\n${output}`)), 15_000);
        const check = () => {
          const match = /listening on https?:\/\/[^:]+:(\d+)\/mcp/.exec(output);
          if (match) {
            clearTimeout(timer);
            done(match[1]);
          }
        };
        child.stdout.on('data', check);
        child.stderr.on('data', check);
        child.once('exit', () => fail(new Error(`exited early:\n${output}`)));
      });
      const warning = output.split('\n').find((line) => line.includes('AUTHENTICATION IS DISABLED'));
      expect(warning).toBeDefined();
      expect(JSON.parse(warning ?? '{}')).toMatchObject({ level: 40, msg: expect.stringContaining('MCP_AUTH=none') });
      const answer = await fetch(`http://127.0.0.1:${port}/health/live`);
      expect(answer.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('names the entry and the field of every problem in the keys file, and no secret', () => {
    const file = tempFile(
      'keys.yaml',
      [
        'clients:',
        '  - id: team-a',
        '    key_sha256: cmcp_this-is-a-key-not-a-hash',
        '    scopes: [read, sudo]',
        '    rate_limit: lots',
        '  - id: team-b',
        `    key_sha256: "${'0'.repeat(64)}"`,
        '    scopes: [read]',
        '    confluence: { username: svc, api_token: hunter2 }',
      ].join('\n'),
    );
    const run = start({ ...DC, MCP_API_KEYS_FILE: file });
    expect(run.status).toBe(1);
    const lines = run.stderr.split('\n').filter((line) => line.startsWith('  - '));
    expect(lines).toEqual([
      `  - MCP_API_KEYS_FILE: ${file}: clients[0] (id team-a): key_sha256: must be the SHA-256 of the key as 64 hex characters, never the key itself`,
      `  - MCP_API_KEYS_FILE: ${file}: clients[0] (id team-a): scopes[1]: must be read, write or admin`,
      `  - MCP_API_KEYS_FILE: ${file}: clients[0] (id team-a): rate_limit: must look like 100/minute: at least 1 request per second, minute, hour or day`,
      `  - MCP_API_KEYS_FILE: ${file}: clients[1] (id team-b): confluence: api_token: secrets are not accepted inline; use api_token_env or api_token_file`,
    ]);
    expect(run.stderr).not.toMatch(/cmcp_this|hunter2/);
    expect(start({ ...DC, MCP_API_KEYS_FILE: '/nonexistent/keys.yaml' }).stderr).toContain('MCP_API_KEYS_FILE: cannot read /nonexistent/keys.yaml (ENOENT)');
  });

  it('keys:new refuses a missing name', () => {
    const run = spawnSync(process.execPath, [resolve(__dirname, '../dist/scripts/keys-new.js')], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--name is required/);
  });
});

describe('keys:new output round-trips into a working configuration', () => {
  const generated = keysNew('--name', 'Team A', '--scopes', 'read');
  const file = tempFile('keys.yaml', `${generated.yaml}\n`);
  const viaFile = useSandboxApp('cloud', { MCP_API_KEYS_FILE: file }, {}, { authorization: `Bearer ${generated.key}` });

  it('prints a fresh key once, and an entry holding only its hash', () => {
    expect(generated.key).toMatch(/^cmcp_[\w-]{43}$/);
    expect(generated.stdout.split(generated.key)).toHaveLength(2);
    expect(generated.yaml).toMatch(/^clients:\n {2}- id: team-a\n {4}name: "Team A"\n {4}key_sha256: "[0-9a-f]{64}"\n {4}scopes: \[read\]$/);
    expect(generated.inline).toMatch(/^team-a:Team A:[0-9a-f]{64}:read$/);
    expect(keysNew('--name', 'Team A').key).not.toBe(generated.key);
  });

  it('the key works against the file entry and the MCP_API_KEYS entry alike', async () => {
    const page = dataOf<{ id: string }>(await callTool(viaFile.client(), 'confluence_get_page', { page_id: SEED.pages.home.id }));
    expect(page.id).toBe(SEED.pages.home.id);
    expect((await viaFile.client().listTools()).tools.map((t) => t.name)).not.toContain('confluence_update_page');
    await expect(connectClient(`${viaFile.running().baseUrl}/mcp`, { authorization: 'Bearer cmcp_guessed' })).rejects.toMatchObject({ code: 401 });
  });

  describe('as MCP_API_KEYS', () => {
    const viaEnv = useSandboxApp('datacenter', { MCP_API_KEYS: generated.inline }, {}, { 'x-api-key': generated.key });

    it('accepts the same key', async () => {
      expect((await viaEnv.client().listTools()).tools.map((t) => t.name)).toContain('confluence_search');
    });
  });
});
