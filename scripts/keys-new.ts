import { parseArgs } from 'node:util';
import { CLIENT_ID_PATTERN, Scope, SCOPES } from '../src/auth/api-client';
import { newApiKey, sha256Hex } from '../src/auth/keys/api-key-hash';

/**
 * `npm run keys:new -- --name team-a [--id team-a] [--scopes read,write]`:
 * prints a fresh random API key — once; only its hash is ever configured — and
 * the configuration entry for it, for MCP_API_KEYS_FILE and for MCP_API_KEYS.
 */
function main(): void {
  const { values } = parseArgs({
    options: { name: { type: 'string' }, id: { type: 'string' }, scopes: { type: 'string', default: 'read' } },
    strict: true,
  });
  const name = values.name?.trim();
  if (!name) return fail('--name is required, e.g. npm run keys:new -- --name team-a');
  if (/[:;]/.test(name)) return fail('--name cannot contain ":" or ";"');
  const id = values.id ?? slug(name);
  if (!CLIENT_ID_PATTERN.test(id)) return fail(`--id "${id}" must be 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit`);
  const scopes = (values.scopes ?? 'read').split(',').map((s) => s.trim().toLowerCase()).filter((s) => s.length > 0);
  if (scopes.length === 0 || !scopes.every((s): s is Scope => (SCOPES as readonly string[]).includes(s))) {
    return fail('--scopes must be a comma-separated list of read, write, admin');
  }
  const key = newApiKey();
  const hash = sha256Hex(key);
  process.stdout.write(
    [
      `API key for ${name} — shown once, store it now (e.g. in your secret manager); the server keeps only its hash:`,
      '',
      `  ${key}`,
      '',
      'Entry for MCP_API_KEYS_FILE (YAML):',
      '',
      'clients:',
      `  - id: ${id}`,
      `    name: ${JSON.stringify(name)}`,
      `    key_sha256: "${hash}"`,
      `    scopes: [${scopes.join(', ')}]`,
      '',
      'Or as an MCP_API_KEYS entry (entries separated by ";"):',
      '',
      `  ${id}:${name}:${hash}:${scopes.join(',')}`,
      '',
      'Clients send it as "Authorization: Bearer <key>" or "X-API-Key: <key>".',
      '',
    ].join('\n'),
  );
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64);
}

function fail(message: string): void {
  process.stderr.write(`${message}\n`);
  process.exitCode = 2;
}

main();
