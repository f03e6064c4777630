import { parseApiKeysFile } from './api-keys-file';
import { SecretSources } from './credential-references';

const HASH = 'a'.repeat(64);
const OTHER = 'B'.repeat(64);

function sources(env: Record<string, string> = {}, files: Record<string, string> = {}): SecretSources {
  return {
    env,
    readText: (path) => {
      if (path in files) return files[path];
      throw Object.assign(new Error('nope'), { code: 'ENOENT' });
    },
  };
}

describe('parseApiKeysFile', () => {
  it('reads YAML with policy, rate limit, revocation and Confluence credentials by reference', () => {
    const yaml = `
clients:
  - id: team-a
    name: Team A
    key_sha256: ${HASH}
    scopes: [read, write, read]
    policy: { spaces: [eng, "~alice"], toolsets: [Pages], read_only: true }
    confluence: { username: svc-a@example.com, api_token_env: TEAM_A_TOKEN }
    rate_limit: 100/minute
  - id: team-b
    key_sha256: ${OTHER}
    scopes: [read]
    confluence: { personal_token_file: /run/secrets/b }
    revoked: true
`;
    const { clients, problems } = parseApiKeysFile(yaml, sources({ TEAM_A_TOKEN: ' tok-a \n' }, { '/run/secrets/b': 'pat-b\n' }));
    expect(problems).toEqual([]);
    expect(clients).toEqual([
      {
        id: 'team-a',
        name: 'Team A',
        keySha256: HASH,
        scopes: ['read', 'write'],
        policy: { spaces: ['ENG', '~alice'], toolsets: ['pages'], tools: undefined, readOnly: true },
        confluenceAuth: { kind: 'basic', username: 'svc-a@example.com', apiToken: 'tok-a' },
        rateLimit: '100/minute',
        revoked: false,
      },
      expect.objectContaining({ id: 'team-b', name: 'team-b', keySha256: 'b'.repeat(64), confluenceAuth: { kind: 'bearer', token: 'pat-b' }, revoked: true }),
    ]);
  });

  it('reads the same from JSON', () => {
    const json = JSON.stringify({ clients: [{ id: 'x', key_sha256: HASH, scopes: ['admin'] }] });
    expect(parseApiKeysFile(json, sources()).clients).toEqual([expect.objectContaining({ id: 'x', scopes: ['admin'] })]);
  });

  it('refuses a rate limit of zero, which the limiter could not enforce', () => {
    const yaml = `
clients:
  - id: team-a
    key_sha256: ${HASH}
    scopes: [read]
    rate_limit: 0/minute
`;
    expect(parseApiKeysFile(yaml, sources()).problems).toEqual([expect.stringMatching(/rate_limit: must look like 100\/minute/)]);
  });

  it('names the entry and the field of every problem', () => {
    const yaml = `
clients:
  - id: team-a
    key_sha256: not-a-hash
    scopes: [read, root]
    rate_limit: 100 per minute
    policy: { tools: [confluence_nuke], toolsets: [everything] }
  - name: no id
    key_sha256: ${HASH}
    scope: [read]
`;
    const { clients, problems } = parseApiKeysFile(yaml, sources());
    expect(clients).toEqual([]);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^clients\[0\] \(id team-a\): key_sha256: must be the SHA-256 of the key as 64 hex characters/),
        'clients[0] (id team-a): scopes[1]: must be read, write or admin',
        expect.stringMatching(/^clients\[0\] \(id team-a\): rate_limit: must look like 100\/minute/),
        expect.stringMatching(/^clients\[0\] \(id team-a\): policy\.tools\[0\]: must be a tool name/),
        expect.stringMatching(/^clients\[0\] \(id team-a\): policy\.toolsets\[0\]: must be one of read, write, pages/),
        'clients[1]: id: is required',
        expect.stringMatching(/^clients\[1\]: scopes: is required/),
        'clients[1]: scope: is not a known field',
      ]),
    );
    expect(problems.join('\n')).not.toContain('not-a-hash');
  });

  it('asks for quotes when YAML read a hash as a number', () => {
    const { problems } = parseApiKeysFile(`clients:\n  - { id: a, key_sha256: ${'1'.repeat(64)}, scopes: [read] }`, sources());
    expect(problems).toEqual(['clients[0] (id a): key_sha256: must be the SHA-256 of the key as a quoted string of 64 hex characters']);
  });

  it('refuses inline secrets, pointing at the reference form, without echoing them', () => {
    const yaml = `clients:\n  - { id: a, key_sha256: ${HASH}, scopes: [read], confluence: { username: u, api_token: s3cret } }\n  - { id: b, key: cmcp_raw, scopes: [read] }`;
    const { problems } = parseApiKeysFile(yaml, sources());
    expect(problems).toContain('clients[0] (id a): confluence: api_token: secrets are not accepted inline; use api_token_env or api_token_file');
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^clients\[1\] \(id b\): key: secrets are not accepted inline; use key_sha256/)]));
    expect(problems.join('\n')).not.toMatch(/s3cret|cmcp_raw/);
  });

  it('says which credential reference cannot be resolved', () => {
    const entry = (confluence: string) => `clients:\n  - { id: a, key_sha256: ${HASH}, scopes: [read], confluence: ${confluence} }`;
    expect(parseApiKeysFile(entry('{ username: u, api_token_env: MISSING }'), sources()).problems).toEqual([
      'clients[0] (id a): confluence.api_token_env: environment variable MISSING is not set',
    ]);
    expect(parseApiKeysFile(entry('{ personal_token_file: /nope }'), sources()).problems).toEqual([
      'clients[0] (id a): confluence.personal_token_file: cannot read /nope (ENOENT)',
    ]);
    expect(parseApiKeysFile(entry('{ api_token_env: T }'), sources({ T: 'x' })).problems).toEqual([
      'clients[0] (id a): confluence.username: is required with an API token (or use username_env)',
    ]);
    expect(parseApiKeysFile(entry('{ username: u, api_token_env: T, personal_token_env: T }'), sources({ T: 'x' })).problems).toEqual([
      'clients[0] (id a): confluence: set either username + API token or a personal token, not both',
    ]);
    expect(parseApiKeysFile(entry('{}'), sources()).problems[0]).toMatch(/^clients\[0\] \(id a\): confluence: set username/);
  });

  it('reports unreadable YAML by line, and a wrong top level', () => {
    expect(parseApiKeysFile('clients:\n  - id: a\n   bad: [', sources()).problems[0]).toMatch(/^is not valid YAML or JSON at line \d+/);
    expect(parseApiKeysFile('- id: a', sources()).problems[0]).toBe('must be a mapping with a "clients:" list');
    expect(parseApiKeysFile('clients: nope', sources()).problems).toEqual(['clients: must be a list of clients']);
  });
});
