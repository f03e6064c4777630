import { createHash, randomBytes } from 'node:crypto';

/** Prefix of generated keys, so a leaked one is recognisable in secret scanners and logs. */
export const API_KEY_PREFIX = 'cmcp_';

/** The SHA-256 of a key's UTF-8 bytes: what the keys configuration stores instead of the key. */
export function sha256(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/** Hex form of `sha256`, as written in MCP_API_KEYS_FILE / MCP_API_KEYS (`printf %s "$KEY" | sha256sum`). */
export function sha256Hex(key: string): string {
  return sha256(key).toString('hex');
}

/** A fresh key: 32 random bytes (256 bits), URL-safe so it fits any header. */
export function newApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}
