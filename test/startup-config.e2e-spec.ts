import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtMainPath, childEnv } from './support/built-app';

/** Runs the built server in a fresh folder (with the given .env, if any) and returns how it ended. */
function start(vars: Record<string, string>, dotenv?: string) {
  const cwd = mkdtempSync(join(tmpdir(), 'cms-config-'));
  if (dotenv !== undefined) writeFileSync(join(cwd, '.env'), dotenv);
  return spawnSync(process.execPath, [builtMainPath()], { cwd, env: childEnv(vars), encoding: 'utf8', timeout: 20_000 });
}

describe('start-up configuration', () => {
  it('stops with one clear line per bad variable and a non-zero exit', () => {
    const run = start({ CONFLUENCE_URL: 'not a url', MCP_PORT: 'eighty', MCP_TRANSPORT: 'carrier-pigeon', CONFLUENCE_PERSONAL_TOKEN: 'x' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^ {2}- CONFLUENCE_URL: must be the Confluence base URL/m);
    expect(run.stderr).toMatch(/^ {2}- MCP_PORT: .*port number/m);
    expect(run.stderr).toMatch(/^ {2}- MCP_TRANSPORT: must be "http" or "stdio"/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('says which credentials are missing', () => {
    const run = start({ CONFLUENCE_URL: 'https://wiki.example.com/confluence' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/CONFLUENCE_USERNAME \+ CONFLUENCE_API_TOKEN .* CONFLUENCE_PERSONAL_TOKEN/);
  });

  it('refuses a username without its API token', () => {
    const run = start({ CONFLUENCE_URL: 'https://x.atlassian.net', CONFLUENCE_USERNAME: 'me@example.com' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/CONFLUENCE_API_TOKEN: must be set together with CONFLUENCE_USERNAME/);
  });

  it('reads .env, and real environment variables win over it', () => {
    const run = start(
      { CONFLUENCE_URL: 'https://wiki.example.com', CONFLUENCE_PERSONAL_TOKEN: 'x' },
      'CONFLUENCE_URL=not a url\nMCP_PORT=eighty\n',
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/MCP_PORT: .*port number/);
    expect(run.stderr).not.toMatch(/CONFLUENCE_URL/);
  });
});
