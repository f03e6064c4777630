import { parseInlineApiKeys } from './api-keys-inline';
import { loadApiClients } from './load-api-clients';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('parseInlineApiKeys (MCP_API_KEYS)', () => {
  it('reads id:name:sha256:scopes entries separated by ";"', () => {
    const { clients, problems } = parseInlineApiKeys(` team-a:Team A:${A.toUpperCase()}:read, write ; ops::${B}:admin;`);
    expect(problems).toEqual([]);
    expect(clients).toEqual([
      { id: 'team-a', name: 'Team A', keySha256: A, scopes: ['read', 'write'], revoked: false },
      { id: 'ops', name: 'ops', keySha256: B, scopes: ['admin'], revoked: false },
    ]);
  });

  it('refuses write without read: every write tool reads the page it changes', () => {
    expect(parseInlineApiKeys(`w:W:${A}:write`).problems).toEqual(['entry 1: (id w) scopes: write needs read as well: every write tool reads the page it changes']);
  });

  it('names the entry and never echoes what it could not read', () => {
    const { problems } = parseInlineApiKeys(`cmcp_secretkey;x:X:cmcp_raw:read;y:Y:${A}:root;-bad:B:${B}:read`);
    expect(problems).toEqual([
      'entry 1: expected id:name:sha256:scopes (4 fields separated by ":")',
      'entry 2: (id x) sha256 must be the SHA-256 of the key as 64 hex characters, never the key itself',
      'entry 3: (id y) scopes must be a comma-separated list of read, write, admin',
      'entry 4: id must be 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit',
    ]);
    expect(problems.join('\n')).not.toMatch(/cmcp_/);
  });
});

describe('loadApiClients', () => {
  it('combines the file and the one-liner, refusing duplicate ids and shared hashes', () => {
    const file = `clients:\n  - { id: a, key_sha256: ${A}, scopes: [read] }`;
    const { clients, problems } = loadApiClients({ file: '/keys.yaml', inline: `a:A:${B}:read;c:C:${A}:read` }, {}, () => file);
    expect(clients.map((c) => c.id)).toEqual(['a', 'a', 'c']);
    expect(problems).toEqual([
      'MCP_API_KEYS_FILE / MCP_API_KEYS: client id a is configured twice',
      'MCP_API_KEYS_FILE / MCP_API_KEYS: clients a and c have the same key hash',
    ]);
  });

  it('prefixes problems with the variable and the file', () => {
    const missing = loadApiClients({ file: '/nope.yaml' }, {}, () => {
      throw Object.assign(new Error('x'), { code: 'ENOENT' });
    });
    expect(missing.problems).toEqual(['MCP_API_KEYS_FILE: cannot read /nope.yaml (ENOENT)']);
    const bad = loadApiClients({ file: '/k.yaml' }, {}, () => 'clients: [{ id: a }]');
    expect(bad.problems[0]).toMatch(/^MCP_API_KEYS_FILE: \/k\.yaml: clients\[0\] \(id a\): key_sha256: is required/);
    expect(loadApiClients({ inline: 'x' }, {}).problems[0]).toMatch(/^MCP_API_KEYS: entry 1:/);
  });
});
