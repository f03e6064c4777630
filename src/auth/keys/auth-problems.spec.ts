import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '../../config/app-config';
import { InvalidEnvironmentError, validateEnvironment } from '../../config/environment';
import { sha256Hex } from './api-key-hash';

const base = { CONFLUENCE_URL: 'https://wiki.example.com', CONFLUENCE_PERSONAL_TOKEN: 'pat' };
const KEYS = `team-a:Team A:${sha256Hex('k')}:read`;

function problemsOf(raw: Record<string, string>): string[] {
  try {
    validateEnvironment(raw);
    return [];
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) return error.problems;
    throw error;
  }
}

describe('authentication settings at start-up', () => {
  it('refuses HTTP beyond loopback without keys, unless MCP_AUTH=none', () => {
    expect(problemsOf({ ...base, MCP_HOST: '0.0.0.0' })).toEqual([expect.stringMatching(/^MCP_HOST: 0\.0\.0\.0 is reachable from other machines, but no API keys/)]);
    expect(problemsOf({ ...base, MCP_HOST: '0.0.0.0', MCP_AUTH: 'none' })).toEqual([]);
    expect(problemsOf({ ...base, MCP_HOST: '0.0.0.0', MCP_API_KEYS: KEYS })).toEqual([]);
    expect(problemsOf({ ...base, MCP_HOST: '127.0.0.1' })).toEqual([]);
    expect(problemsOf({ ...base, MCP_HOST: '0.0.0.0', MCP_TRANSPORT: 'stdio' })).toEqual([]);
  });

  it('refuses contradictions and unknown values', () => {
    expect(problemsOf({ ...base, MCP_AUTH: 'none', MCP_API_KEYS: KEYS })).toEqual([expect.stringMatching(/^MCP_AUTH: is "none" but API keys are configured/)]);
    expect(problemsOf({ ...base, MCP_AUTH: 'basic', CONFLUENCE_USER_CREDENTIALS: 'cookie', METRICS_TOKEN: 'short' }).map((p) => p.split(':')[0]).sort()).toEqual([
      'CONFLUENCE_USER_CREDENTIALS',
      'MCP_AUTH',
      'METRICS_TOKEN',
    ]);
  });

  it('refuses a client whose spaces lie wholly outside CONFLUENCE_SPACES', () => {
    const file = `clients:\n  - { id: hr, key_sha256: ${sha256Hex('k')}, scopes: [read], policy: { spaces: [HR] } }`;
    const path = join(mkdtempSync(join(tmpdir(), 'keys-')), 'keys.yaml');
    writeFileSync(path, file);
    expect(problemsOf({ ...base, CONFLUENCE_SPACES: 'ENG', MCP_API_KEYS_FILE: path })).toEqual([
      'MCP_API_KEYS_FILE: client hr: policy.spaces has no space in CONFLUENCE_SPACES, so it could reach nothing',
    ]);
    expect(problemsOf({ ...base, CONFLUENCE_SPACES: 'ENG,HR', MCP_API_KEYS_FILE: path })).toEqual([]);
  });

  it('carries the clients into the typed configuration', () => {
    const config = AppConfig.fromEnvironment(validateEnvironment({ ...base, MCP_API_KEYS: KEYS, CONFLUENCE_USER_CREDENTIALS: 'header' }));
    expect(config.auth).toMatchObject({ mode: 'api-key', userCredentials: 'header', clients: [{ id: 'team-a', scopes: ['read'] }] });
    expect(validateEnvironment({ ...base, apiClients: 'injected' } as Record<string, string>).apiClients).toEqual([]);
  });
});
