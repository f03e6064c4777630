import type { IncomingHttpHeaders } from 'node:http';

/** The API key a request presents, or why there is none to check. */
export type PresentedKey = { key: string } | { missing: string } | { ambiguous: string };

/**
 * Reads the API key from `Authorization: Bearer <key>` or `X-API-Key: <key>`.
 * Both may be sent only if they agree: two different keys in one request is
 * refused rather than guessing which identity was meant.
 */
export function presentedKey(headers: IncomingHttpHeaders): PresentedKey {
  const bearer = bearerOf(headers.authorization);
  const header = headers['x-api-key'];
  if (Array.isArray(header)) return { ambiguous: 'send one X-API-Key header, not several' };
  const apiKey = header?.trim() || undefined;
  if (bearer !== undefined && apiKey !== undefined && bearer !== apiKey) {
    return { ambiguous: 'Authorization and X-API-Key carry different keys; send one key' };
  }
  const key = bearer ?? apiKey;
  if (key !== undefined) return { key };
  if (headers.authorization !== undefined) return { missing: 'Authorization must use the Bearer scheme: "Authorization: Bearer <key>"' };
  return { missing: 'no API key was sent' };
}

function bearerOf(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}
