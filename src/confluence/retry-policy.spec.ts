import {
  ConfluenceError,
  ConfluenceInvalidRequestError,
  ConfluenceNotFoundError,
  ConfluenceRateLimitedError,
  ConfluenceUnavailableError,
} from './confluence.errors';
import { RetryPolicy, RetryPolicyOptions, parseRetryAfter } from './retry-policy';

const OPTIONS: RetryPolicyOptions = { maxRetries: 3, retryBaseMs: 100, retryMaxDelayMs: 1_000, deadlineMs: 10_000 };
const START = 1_000_000;

function policy(random = 0.5, now = START, options = OPTIONS): RetryPolicy {
  return new RetryPolicy(options, () => random, () => now);
}

const unavailable = (status?: number, extra: { retryAfterMs?: number; requestSent?: boolean } = {}): ConfluenceError =>
  new ConfluenceUnavailableError('down', status === undefined ? 'network' : 'status', { status, ...extra });

const decide = (p: RetryPolicy, error: ConfluenceError, retriesSoFar = 0, idempotent = true): number | undefined =>
  p.nextDelayMs({ error, retriesSoFar, idempotent, startedAt: START });

describe('RetryPolicy', () => {
  it.each([502, 503, 504])('retries an idempotent request on %i', (status) => {
    expect(decide(policy(), unavailable(status))).toBe(50);
  });

  it('retries network errors and timeouts of idempotent requests', () => {
    expect(decide(policy(), unavailable())).toBe(50);
    expect(decide(policy(), new ConfluenceUnavailableError('slow', 'timeout'))).toBe(50);
  });

  it('retries 429', () => {
    expect(decide(policy(), new ConfluenceRateLimitedError('slow down', 429))).toBe(50);
  });

  it.each([
    ['400', new ConfluenceInvalidRequestError('bad', 400)],
    ['404', new ConfluenceNotFoundError('gone', 404)],
    ['500', unavailable(500)],
  ])('never retries %s', (_label, error) => {
    expect(decide(policy(), error)).toBeUndefined();
  });

  it('never retries a write that may have reached the server', () => {
    expect(decide(policy(), unavailable(503), 0, false)).toBeUndefined();
    expect(decide(policy(), new ConfluenceUnavailableError('slow', 'timeout'), 0, false)).toBeUndefined();
    expect(decide(policy(), unavailable(undefined, { requestSent: true }), 0, false)).toBeUndefined();
    expect(decide(policy(), new ConfluenceRateLimitedError('slow down', 429), 0, false)).toBeUndefined();
  });

  it('re-sends a write whose connection was refused before anything was sent', () => {
    expect(decide(policy(), unavailable(undefined, { requestSent: false }), 0, false)).toBe(50);
  });

  it('uses full jitter: random × min(cap, base × 2^retry)', () => {
    expect(policy(0).backoffMs(0)).toBe(0);
    expect(policy(0.999).backoffMs(0)).toBe(99);
    expect(policy(0.5).backoffMs(2)).toBe(200);
    expect(policy(0.5).backoffMs(10)).toBe(500);
  });

  it('stops after maxRetries', () => {
    expect(decide(policy(), unavailable(503), 2)).toBe(200);
    expect(decide(policy(), unavailable(503), 3)).toBeUndefined();
  });

  it('lets one request set its own retry limit, 0 meaning a single attempt', () => {
    const once = (retriesSoFar: number, maxRetries: number): number | undefined =>
      policy().nextDelayMs({ error: unavailable(503), retriesSoFar, idempotent: true, startedAt: START, maxRetries });
    expect(once(0, 0)).toBeUndefined();
    expect(once(0, 1)).toBe(50);
    expect(once(1, 1)).toBeUndefined();
    expect(once(4, 5)).toBe(500);
  });

  it('reports what is left of the overall deadline, never below zero', () => {
    expect(policy(0.5, START).remainingMs(START)).toBe(10_000);
    expect(policy(0.5, START + 9_700).remainingMs(START)).toBe(300);
    expect(policy(0.5, START + 12_000).remainingMs(START)).toBe(0);
  });

  it('treats Retry-After as a lower bound on the wait', () => {
    expect(decide(policy(), new ConfluenceRateLimitedError('slow down', 429, 3_000))).toBe(3_000);
    expect(decide(policy(0.9, START, { ...OPTIONS, retryBaseMs: 10_000, retryMaxDelayMs: 10_000, deadlineMs: 60_000 }),
      new ConfluenceRateLimitedError('slow down', 429, 1_000))).toBe(9_000);
    expect(decide(policy(), unavailable(503, { retryAfterMs: 2_000 }))).toBe(2_000);
  });

  it('does not start a retry that would have less than 250 ms (or one attempt\'s timeout) left', () => {
    expect(decide(policy(0.5, START + 9_750), unavailable(503))).toBeUndefined();
    expect(decide(policy(0.5, START + 9_600), unavailable(503))).toBe(50);
    expect(decide(policy(0.5, START + 9_900, { ...OPTIONS, timeoutMs: 40 }), unavailable(503))).toBe(50);
  });

  it('gives up when Retry-After reaches past the overall deadline', () => {
    expect(decide(policy(), new ConfluenceRateLimitedError('slow down', 429, 60_000))).toBeUndefined();
    expect(decide(policy(0.5, START + 9_990), unavailable(503))).toBeUndefined();
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-03-01T12:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP-date relative to now, never negative', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sat, 01 Mar 2025 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});
