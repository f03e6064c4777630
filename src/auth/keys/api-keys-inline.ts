import { ApiClient, CLIENT_ID_PATTERN, Scope, SCOPES } from '../api-client';
import { WRITE_NEEDS_READ } from './api-client.schema';

/**
 * Reads MCP_API_KEYS, the one-line form for small deployments:
 * `id:name:sha256:scopes` entries separated by `;`, scopes separated by `,`,
 * e.g. `team-a:Team A:9f86…08:read,write;ops:Ops:60303…e8:read,admin`.
 * Policy, Confluence credentials and rate limits need the keys file.
 */
export function parseInlineApiKeys(value: string): { clients: ApiClient[]; problems: string[] } {
  const clients: ApiClient[] = [];
  const problems: string[] = [];
  value
    .split(';')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .forEach((entry, index) => {
      const parsed = parseEntry(entry);
      if (typeof parsed === 'string') problems.push(`entry ${index + 1}: ${parsed}`);
      else clients.push(parsed);
    });
  return { clients, problems };
}

function parseEntry(entry: string): ApiClient | string {
  const fields = entry.split(':').map((field) => field.trim());
  if (fields.length !== 4) return 'expected id:name:sha256:scopes (4 fields separated by ":")';
  const [id, name, hash, scopeList] = fields;
  if (!CLIENT_ID_PATTERN.test(id)) return 'id must be 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit';
  if (!/^[0-9a-fA-F]{64}$/.test(hash)) return `(id ${id}) sha256 must be the SHA-256 of the key as 64 hex characters, never the key itself`;
  const scopes = scopeList.split(',').map((scope) => scope.trim().toLowerCase()).filter((scope) => scope.length > 0);
  if (scopes.length === 0 || !scopes.every(isScope)) return `(id ${id}) scopes must be a comma-separated list of read, write, admin`;
  if (scopes.includes('write') && !scopes.includes('read')) return `(id ${id}) scopes: ${WRITE_NEEDS_READ}`;
  return { id, name: name || id, keySha256: hash.toLowerCase(), scopes: [...new Set(scopes)], revoked: false };
}

function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}
