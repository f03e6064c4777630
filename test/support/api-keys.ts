import { createHash, randomBytes } from 'node:crypto';

/** A test API client: its key (sent by the test) and the MCP_API_KEYS entry holding only the key's SHA-256. */
export interface TestKey {
  id: string;
  name: string;
  key: string;
  entry: string;
}

/** A fresh random key for a client with the given scopes. */
export function testKey(id: string, name: string, scopes: string[]): TestKey {
  const key = `cmcp_${randomBytes(24).toString('base64url')}`;
  const hash = createHash('sha256').update(key, 'utf8').digest('hex');
  return { id, name, key, entry: `${id}:${name}:${hash}:${scopes.join(',')}` };
}

/** MCP_API_KEYS for a set of test clients. */
export function apiKeysEnv(...keys: TestKey[]): string {
  return keys.map((k) => k.entry).join(';');
}
