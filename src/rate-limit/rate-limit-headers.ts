import type { Response } from 'express';
import { BURST_WINDOW_MS, RateLimit } from './rate-limit';

/** Where one window stood after counting this request. */
export interface WindowState {
  limit: number;
  remaining: number;
  /** Seconds until the window resets, or until a block is lifted. */
  resetSeconds: number;
  blocked: boolean;
}

/**
 * Writes the IETF RateLimit fields (draft-ietf-httpapi-ratelimit-headers):
 * RateLimit-Limit, -Remaining and -Reset describe the window closest to
 * refusing (the one that refused, if any), RateLimit-Policy lists every
 * window of the rate (whether or not this request reached it); a refusal
 * adds Retry-After.
 */
export function writeRateLimitHeaders(res: Response, rate: RateLimit | undefined, windows: readonly WindowState[]): void {
  if (!rate || windows.length === 0 || res.headersSent) return;
  const tightest = windows.reduce((a, b) => (closerToRefusing(b, a) ? b : a));
  res.setHeader('RateLimit-Limit', String(tightest.limit));
  res.setHeader('RateLimit-Remaining', String(tightest.remaining));
  res.setHeader('RateLimit-Reset', String(Math.max(0, tightest.resetSeconds)));
  res.setHeader('RateLimit-Policy', policyOf(rate));
  if (tightest.blocked) res.setHeader('Retry-After', String(Math.max(1, tightest.resetSeconds)));
}

/** `17;w=1, 100;w=60`: every window of the rate, the burst one only when it can bind. */
function policyOf(rate: RateLimit): string {
  const sustained = `${rate.limit};w=${Math.ceil(rate.periodMs / 1000)}`;
  return rate.burst < rate.limit ? `${rate.burst};w=${Math.ceil(BURST_WINDOW_MS / 1000)}, ${sustained}` : sustained;
}

function closerToRefusing(a: WindowState, b: WindowState): boolean {
  if (a.blocked !== b.blocked) return a.blocked;
  if (a.remaining !== b.remaining) return a.remaining < b.remaining;
  return a.resetSeconds > b.resetSeconds;
}
