import type { ConfluenceError } from './confluence.errors';

export interface RetryPolicyOptions {
  maxRetries: number;
  retryBaseMs: number;
  retryMaxDelayMs: number;
  /** Overall budget for one logical request, all attempts and waits included. */
  deadlineMs: number;
  /** Budget of one attempt; a retry is only started if it could get this much (capped at 250 ms). */
  timeoutMs?: number;
}

const MIN_ATTEMPT_MS = 250;

export interface RetryDecisionInput {
  /** The failure of the attempt just made. */
  error: ConfluenceError;
  /** Retries already made (0 after the first attempt failed). */
  retriesSoFar: number;
  /** Whether re-sending cannot change server state (GET). */
  idempotent: boolean;
  /** Clock reading when the first attempt started. */
  startedAt: number;
  /** This request's own retry limit (0 = single attempt); the configured `maxRetries` otherwise. */
  maxRetries?: number;
}

export type Random = () => number;
export type Clock = () => number;

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

/**
 * Decides whether and when a failed Confluence call is tried again: only idempotent
 * calls (or calls that never left this process), only transient failures, full-jitter
 * backoff with Retry-After as a floor, within `maxRetries` and an overall deadline.
 */
export class RetryPolicy {
  constructor(
    private readonly options: RetryPolicyOptions,
    private readonly random: Random = Math.random,
    private readonly clock: Clock = Date.now,
  ) {}

  /** Milliseconds to wait before the next attempt, or undefined to give up and surface the error. */
  nextDelayMs(input: RetryDecisionInput): number | undefined {
    if (input.retriesSoFar >= (input.maxRetries ?? this.options.maxRetries)) return undefined;
    if (!this.isRetryable(input.error, input.idempotent)) return undefined;
    const retryAfterMs = retryAfterOf(input.error);
    const delay = Math.max(this.backoffMs(input.retriesSoFar), retryAfterMs ?? 0);
    return this.remainingMs(input.startedAt) - delay >= this.minimumAttemptMs() ? delay : undefined;
  }

  /** A retry that would get less time than this is sure to time out, so it is not started. */
  minimumAttemptMs(): number {
    return Math.min(this.options.timeoutMs ?? MIN_ATTEMPT_MS, MIN_ATTEMPT_MS);
  }

  /** Milliseconds left of the overall deadline for a request started at `startedAt`; never negative. */
  remainingMs(startedAt: number): number {
    return Math.max(0, startedAt + this.options.deadlineMs - this.clock());
  }

  /** Transient failures only; a write is retried only when it provably never reached the server. */
  isRetryable(error: ConfluenceError, idempotent: boolean): boolean {
    if (!idempotent && !neverSent(error)) return false;
    if (error.kind === 'unavailable') return error.status === undefined || RETRYABLE_STATUSES.has(error.status);
    return error.kind === 'rate_limited';
  }

  /** Full jitter: uniform in [0, min(cap, base · 2^retry)). */
  backoffMs(retriesSoFar: number): number {
    const ceiling = Math.min(this.options.retryMaxDelayMs, this.options.retryBaseMs * 2 ** retriesSoFar);
    return Math.floor(this.random() * ceiling);
  }
}

/** Parses `Retry-After` (delta-seconds or HTTP-date) into milliseconds from `now`; undefined if absent or unreadable. */
export function parseRetryAfter(header: string | undefined, now: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  if (!/^[A-Za-z]{3,9},? /.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function retryAfterOf(error: ConfluenceError): number | undefined {
  return 'retryAfterMs' in error && typeof error.retryAfterMs === 'number' ? error.retryAfterMs : undefined;
}

function neverSent(error: ConfluenceError): boolean {
  return 'requestSent' in error && error.requestSent === false;
}
