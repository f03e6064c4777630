const UNIT_MS: Readonly<Record<string, number>> = {
  s: 1_000,
  sec: 1_000,
  second: 1_000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
};

/** `<count>/<period>`: `100/minute`, `10/s`, `5000/hour`, `300/5min` (units may be plural). */
export const RATE_LIMIT_PATTERN = /^\s*(\d+)\s*\/\s*(\d*)\s*(s|secs?|seconds?|m|mins?|minutes?|h|hours?|d|days?)\s*$/i;

/** The window in which a burst is counted: however the rate is spread, at most `burst` requests arrive in any one second. */
export const BURST_WINDOW_MS = 1_000;

/** How many seconds' worth of the rate may arrive at once when RATE_LIMIT_BURST is not set. */
const DEFAULT_BURST_SECONDS = 10;

/** The smallest default burst: opening an MCP session and calling a tool is already four requests in a row. */
const MIN_DEFAULT_BURST = 10;

/**
 * A rate limit: `limit` requests per `periodMs`, of which at most `burst` may
 * arrive within one second. Two fixed windows approximate a token bucket of
 * size `burst` refilled at `limit / period`, which is what @nestjs/throttler's
 * storages (memory, Redis) can count.
 */
export interface RateLimit {
  limit: number;
  periodMs: number;
  burst: number;
  /** As configured, for messages: `100/minute`. */
  text: string;
}

/** Thrown for a rate limit that does not read as `<count>/<period>`. */
export class InvalidRateLimitError extends Error {
  constructor(text: string) {
    super(`"${text}" is not a rate limit; write it as <count>/<period>, e.g. 100/minute, 10/second, 5000/hour`);
  }
}

/**
 * Reads `100/minute` (and `burst`, when given) into a RateLimit. Without a
 * burst, ten seconds' worth of the rate (at least 10) may arrive at once;
 * never more than the limit itself.
 */
export function parseRateLimit(text: string, burst?: number): RateLimit {
  const match = RATE_LIMIT_PATTERN.exec(text);
  if (!match) throw new InvalidRateLimitError(text);
  const limit = Number(match[1]);
  const periodMs = Number(match[2] || '1') * UNIT_MS[unitOf(match[3])];
  if (limit < 1 || periodMs < 1) throw new InvalidRateLimitError(text);
  const wanted = burst ?? Math.max(MIN_DEFAULT_BURST, Math.ceil((limit * DEFAULT_BURST_SECONDS * 1_000) / periodMs));
  return { limit, periodMs, burst: Math.max(1, Math.min(limit, wanted)), text: text.trim() };
}

/** True for notation `parseRateLimit` accepts, so the keys file is validated by the same rule RATE_LIMIT is. */
export function isRateLimit(text: string): boolean {
  try {
    parseRateLimit(text);
    return true;
  } catch {
    return false;
  }
}

/** `minutes` → `minute`, `secs` → `sec`. */
function unitOf(raw: string): string {
  const unit = raw.toLowerCase();
  return UNIT_MS[unit] !== undefined ? unit : unit.replace(/s$/, '');
}
