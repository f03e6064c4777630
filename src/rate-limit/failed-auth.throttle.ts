import { Injectable } from '@nestjs/common';
import { InjectThrottlerStorage, normalizeIp, ThrottlerStorage } from '@nestjs/throttler';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Request } from 'express';
import { Counter } from 'prom-client';
import { RATE_LIMIT_KEY_PREFIX, RATE_LIMITED_TOTAL } from './rate-limit.constants';

/** Failed key checks one address may make per window before every key check from it is refused for a while. */
export const AUTH_FAILURES_PER_WINDOW = 30;
const WINDOW_MS = 60_000;
const BLOCK_MS = 5 * 60_000;
/** Blocked addresses remembered at most (expired ones are dropped first); past it, the shared count still refuses each further failure. */
const MAX_BLOCKED = 10_000;
/** The `client` label failed-auth refusals are counted under in `mcp_rate_limited_total`. */
export const UNAUTHENTICATED_CLIENT = 'unauthenticated';

/**
 * Slows key guessing: each address may fail the API-key check a limited number of
 * times per minute; past that, every key check from it (right or wrong, so a guess
 * that succeeds is not told apart) gets 429 until the block ends. Counted in the
 * same storage as the rate limit, so replicas sharing Redis share the count.
 */
@Injectable()
export class FailedAuthThrottle {
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    @InjectMetric(RATE_LIMITED_TOTAL) private readonly refused: Counter<'client'>,
  ) {}

  /** Seconds until this address may try a key again; undefined when it is not blocked. */
  blockedFor(request: Request, now = Date.now()): number | undefined {
    const address = addressOf(request);
    const until = this.blockedUntil.get(address);
    if (until === undefined) return undefined;
    if (until <= now) {
      this.blockedUntil.delete(address);
      return undefined;
    }
    this.refused.inc({ client: UNAUTHENTICATED_CLIENT });
    return Math.ceil((until - now) / 1000);
  }

  /** Counts one failed key check; returns the block in seconds when this failure crossed the limit. */
  async recordFailure(request: Request, now = Date.now()): Promise<number | undefined> {
    const address = addressOf(request);
    const key = `${RATE_LIMIT_KEY_PREFIX}:auth-failures:${address}`;
    const record = await this.storage.increment(key, WINDOW_MS, AUTH_FAILURES_PER_WINDOW, BLOCK_MS, 'auth-failures');
    if (!record.isBlocked) return undefined;
    const seconds = Math.max(1, record.timeToBlockExpire);
    if (this.blockedUntil.size >= MAX_BLOCKED) this.forgetExpired(now);
    if (this.blockedUntil.size < MAX_BLOCKED) this.blockedUntil.set(address, now + seconds * 1000);
    this.refused.inc({ client: UNAUTHENTICATED_CLIENT });
    return seconds;
  }

  private forgetExpired(now: number): void {
    for (const [address, until] of this.blockedUntil) if (until <= now) this.blockedUntil.delete(address);
  }
}

function addressOf(request: Request): string {
  return normalizeIp(request.ip ?? request.socket.remoteAddress ?? 'unknown');
}
