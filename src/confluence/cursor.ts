import { ConfluenceInvalidRequestError } from './confluence.errors';

const CURSOR_VERSION = 1;
/** Long enough for the longest search cursor (2000-character CQL, 50 space keys, upstream token) after encoding. */
export const MAX_CURSOR_LENGTH = 16_384;
const INVALID_CURSOR = 'The cursor is invalid or expired — call again without cursor.';

interface CursorPayload {
  v: number;
  n: string;
}

/**
 * Wraps a base-relative next-page path (`/api/v2/pages?cursor=…`) into an opaque token, so
 * callers cannot tell v1 offsets from v2 cursors and we can change either without breaking them.
 */
export function encodeCursor(nextPath: string): string {
  const payload: CursorPayload = { v: CURSOR_VERSION, n: nextPath };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/**
 * Reads a cursor back into a path+query under `allowedPathPrefix` (e.g. `/api/v2/pages`).
 * Cursors come from callers, so anything that could point elsewhere — another endpoint,
 * a scheme or host, `..`, `//`, encoded tricks — is refused.
 */
export function decodeCursor(cursor: string, allowedPathPrefix: string): string {
  const nextPath = payloadOf(cursor)?.n;
  if (nextPath === undefined || !isSafePath(nextPath) || !isUnder(nextPath, allowedPathPrefix)) {
    throw new ConfluenceInvalidRequestError(INVALID_CURSOR);
  }
  return nextPath;
}

/** Splits a decoded cursor path, so callers can check it still matches the request it came with. */
export function splitCursorPath(nextPath: string): { path: string; params: URLSearchParams } {
  const queryAt = nextPath.indexOf('?');
  return {
    path: pathPart(nextPath),
    params: new URLSearchParams(queryAt < 0 ? '' : nextPath.slice(queryAt + 1)),
  };
}

/** Thrown when a cursor decodes but does not belong to the request it came with. */
export function invalidCursorError(): ConfluenceInvalidRequestError {
  return new ConfluenceInvalidRequestError(INVALID_CURSOR);
}

function payloadOf(cursor: string): Partial<CursorPayload> | undefined {
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const payload = parsed as Partial<CursorPayload>;
    return payload.v === CURSOR_VERSION && typeof payload.n === 'string' ? payload : undefined;
  } catch {
    return undefined;
  }
}

function isSafePath(nextPath: string): boolean {
  const path = pathPart(nextPath);
  const decoded = safeDecode(path);
  return (
    nextPath.startsWith('/') &&
    decoded !== undefined &&
    !/[\\\s\u0000-\u001f\u007f#]/.test(nextPath) &&
    ![path, decoded].some((text) => /\.\.|\/\/|[:@\\]/.test(text))
  );
}

function isUnder(nextPath: string, prefix: string): boolean {
  const path = pathPart(nextPath);
  return path === prefix || path.startsWith(`${prefix}/`);
}

function pathPart(nextPath: string): string {
  const queryAt = nextPath.indexOf('?');
  return queryAt < 0 ? nextPath : nextPath.slice(0, queryAt);
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
