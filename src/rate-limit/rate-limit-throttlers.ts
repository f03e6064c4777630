import { ExecutionContext } from '@nestjs/common';
import { ThrottlerOptions } from '@nestjs/throttler';
import { ClientRateLimits } from './client-rate-limits';
import { BURST_WINDOW_MS } from './rate-limit';

/** Names of the two windows, as the storage and the RateLimit-Policy header know them. */
export const BURST = 'burst';
export const SUSTAINED = 'sustained';

/**
 * The two windows every request is counted in: `burst` (at most `burst`
 * requests in one second) and `sustained` (at most `limit` per period). Both
 * are resolved per request from the caller, so one guard serves every
 * client's own limit. A request without a limit skips both; the burst window
 * is skipped when it could never bind before the sustained one.
 */
export function throttlersFor(limits: ClientRateLimits): ThrottlerOptions[] {
  const rate = (context: ExecutionContext) => limits.of(context);
  return [
    {
      name: BURST,
      ttl: BURST_WINDOW_MS,
      blockDuration: BURST_WINDOW_MS,
      limit: (context) => rate(context)?.burst ?? Number.MAX_SAFE_INTEGER,
      skipIf: (context) => {
        const limit = rate(context);
        return limit === undefined || limit.burst >= limit.limit;
      },
    },
    {
      name: SUSTAINED,
      ttl: (context) => rate(context)?.periodMs ?? BURST_WINDOW_MS,
      limit: (context) => rate(context)?.limit ?? Number.MAX_SAFE_INTEGER,
      skipIf: (context) => rate(context) === undefined,
    },
  ];
}
