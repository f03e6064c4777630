import { ExecutionContext } from '@nestjs/common';
import { normalizeIp } from '@nestjs/throttler';
import type { Request } from 'express';
import { CallerRequest } from '../auth/caller';
import { AppConfig } from '../config/app-config';
import { ANONYMOUS_CLIENT } from './rate-limit.constants';
import { parseRateLimit, RateLimit } from './rate-limit';

type LimitedRequest = Request & CallerRequest;

/**
 * Whose budget a request spends, and how large it is. With API keys, the
 * client id and that client's own `rateLimit` (else RATE_LIMIT); without
 * (MCP_AUTH=none, or loopback with no keys) every request acts as the same
 * local caller, so the client's IP is the only thing that tells callers apart.
 */
export class ClientRateLimits {
  private readonly parsed = new Map<string, RateLimit>();
  private readonly anonymous: boolean;

  constructor(private readonly config: AppConfig) {
    this.anonymous = config.auth.mode === 'none' || config.auth.clients.length === 0;
  }

  /** The limit of this request, or undefined when it has none (RATE_LIMIT=off and no override). */
  of(context: ExecutionContext): RateLimit | undefined {
    const own = this.anonymous ? undefined : requestOf(context).caller?.rateLimit;
    if (own === undefined) return this.config.rateLimit.default;
    let limit = this.parsed.get(own);
    if (!limit) {
      limit = parseRateLimit(own);
      this.parsed.set(own, limit);
    }
    return limit;
  }

  /** The counter this request increments: `client:<id>`, or `ip:<address>` when requests are anonymous. */
  tracker(request: LimitedRequest): string {
    const client = this.identifiedClient(request);
    return client !== undefined ? `client:${client}` : `ip:${normalizeIp(request.ip ?? request.socket.remoteAddress ?? 'unknown')}`;
  }

  /** The client id to report (metrics label, error message); `anonymous` for IP-keyed requests. */
  clientOf(request: LimitedRequest): string {
    return this.identifiedClient(request) ?? ANONYMOUS_CLIENT;
  }

  private identifiedClient(request: LimitedRequest): string | undefined {
    return this.anonymous ? undefined : request.caller?.id;
  }
}

function requestOf(context: ExecutionContext): LimitedRequest {
  return context.switchToHttp().getRequest<LimitedRequest>();
}
