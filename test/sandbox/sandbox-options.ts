import { SandboxCredentials } from './sandbox-model';

/** Options of a sandbox; credentials default to the well-known sandbox ones. */
export interface ConfluenceSandboxOptions {
  credentials?: SandboxCredentials;
  /** Data Center context path, e.g. `/confluence`: DC is then served (and links) under it, not at the root. Default '' (root). */
  dataCenterContextPath?: string;
  /** How many of the most recent requests `requests` keeps. Default 10,000. */
  requestLogLimit?: number;
}

export const DEFAULT_REQUEST_LOG_LIMIT = 10_000;

const RESERVED_CONTEXTS = ['/wiki', '/__sandbox'];

/** Normalizes a context path to `/a/b` form ('' for the root); rejects ones that clash with Cloud or the admin routes. */
export function normalizeContextPath(raw = ''): string {
  const trimmed = raw.replace(/^\/+|\/+$/g, '');
  const path = trimmed ? `/${trimmed}` : '';
  if (!/^(\/[A-Za-z0-9._~-]+)*$/.test(path)) throw new Error(`Invalid dataCenterContextPath: ${raw}`);
  if (RESERVED_CONTEXTS.some((r) => path === r || path.startsWith(`${r}/`))) throw new Error(`dataCenterContextPath ${raw} clashes with ${path.split('/')[1]}`);
  return path;
}

/** Checks the request log limit: a positive integer. */
export function checkLogLimit(limit = DEFAULT_REQUEST_LOG_LIMIT): number {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`requestLogLimit must be a positive integer, got ${limit}`);
  return limit;
}
