import { badRequest, SandboxHttpError } from './errors';
import { firstParam, QueryMap } from './route-context';

/** One page of a list plus where the next one starts (null when this is the last). */
export interface PageSlice<T> {
  items: T[];
  start: number;
  limit: number;
  nextStart: number | null;
}

const CURSOR_PREFIX = '_sa_';

/** Opaque cursor like Cloud's (`_sa_...`); it only carries an offset. */
export function encodeCursor(offset: number): string {
  return CURSOR_PREFIX + Buffer.from(JSON.stringify(['o', offset])).toString('base64url');
}

export function decodeCursor(cursor: string, error: () => SandboxHttpError): number {
  if (!cursor.startsWith(CURSOR_PREFIX)) throw error();
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor.slice(CURSOR_PREFIX.length), 'base64url').toString());
    if (Array.isArray(parsed) && parsed[0] === 'o' && Number.isInteger(parsed[1]) && parsed[1] >= 0) return parsed[1];
  } catch {
    throw error();
  }
  throw error();
}

export function parseLimit(query: QueryMap, defaultLimit: number, maxLimit: number, error: (m: string) => SandboxHttpError): number {
  const raw = firstParam(query, 'limit');
  if (raw === undefined || raw === '') return defaultLimit;
  if (!/^\d+$/.test(raw)) throw error(`Invalid value for 'limit': ${raw} is not a number`);
  const limit = Number(raw);
  if (limit < 1 || limit > maxLimit) throw error(`Invalid value for 'limit': ${raw} must be between 1 and ${maxLimit}`);
  return limit;
}

export function parseStart(query: QueryMap): number {
  const raw = firstParam(query, 'start');
  if (raw === undefined || raw === '') return 0;
  if (!/^\d+$/.test(raw)) throw badRequest(`Invalid value for 'start': ${raw} is not a non-negative number`);
  return Number(raw);
}

export function slice<T>(all: T[], start: number, limit: number): PageSlice<T> {
  const items = all.slice(start, start + limit);
  const nextStart = start + limit < all.length ? start + limit : null;
  return { items, start, limit, nextStart };
}
