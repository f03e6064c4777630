import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  ThrottlerModuleOptions,
  ThrottlerRequest,
  ThrottlerStorage,
} from '@nestjs/throttler';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Request, Response } from 'express';
import { Counter } from 'prom-client';
import { CallerRequest } from '../auth/caller';
import { RejectedToolCalls } from '../common/rejected-tool-calls';
import { toolTraits } from '../tools/tool-catalog';
import { ClientRateLimits } from './client-rate-limits';
import { RATE_LIMIT_KEY_PREFIX, RATE_LIMITED_TOTAL } from './rate-limit.constants';
import { writeRateLimitHeaders, WindowState } from './rate-limit-headers';
import { BURST } from './rate-limit-throttlers';
import { RateLimitedException } from './rate-limited.exception';

type LimitedRequest = Request & CallerRequest;

/**
 * The rate limit of `/mcp`, on @nestjs/throttler. Runs after the API-key
 * guard, so requests count against their client's budget (the IP's, for
 * anonymous requests); every answer carries the RateLimit-* headers, and a
 * refusal is a 429 with Retry-After and a JSON-RPC body, counted in
 * `mcp_rate_limited_total{client}`.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  private readonly windows = new WeakMap<object, WindowState[]>();

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly limits: ClientRateLimits,
    @InjectMetric(RATE_LIMITED_TOTAL) private readonly refused: Counter<'client'>,
    private readonly rejections: RejectedToolCalls,
  ) {
    super(options, storage, reflector);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const { req, res } = this.getRequestResponse(context);
    const windows: WindowState[] = [];
    this.windows.set(req, windows);
    try {
      return await super.canActivate(context);
    } finally {
      writeRateLimitHeaders(res as Response, this.limits.of(context), windows);
    }
  }

  /** Counts the request in one window, records where it stands, and refuses it when the window is exhausted. */
  protected override async handleRequest({ context, limit, ttl, throttler, blockDuration, getTracker, generateKey }: ThrottlerRequest): Promise<boolean> {
    const { req } = this.getRequestResponse(context);
    const name = throttler.name ?? 'default';
    const key = generateKey(context, await getTracker(req, context), name);
    const record = await this.storageService.increment(key, ttl, limit, blockDuration, name);
    const state: WindowState = {
      limit,
      remaining: record.isBlocked ? 0 : Math.max(0, limit - record.totalHits),
      resetSeconds: record.isBlocked ? record.timeToBlockExpire : record.timeToExpire,
      blocked: record.isBlocked,
    };
    this.windows.get(req)?.push(state);
    if (!state.blocked) return true;
    const client = this.limits.clientOf(req as LimitedRequest);
    this.refused.inc({ client });
    this.reportRefusedCall(req as Request & CallerRequest);
    throw new RateLimitedException(client, this.describe(context, name), Math.max(1, state.resetSeconds));
  }

  /** A refused `tools/call` is still a tool call: metrics and the audit trail hear of it like any other refusal. */
  private reportRefusedCall(req: Request & CallerRequest): void {
    const message = req.body as { method?: unknown; id?: unknown; params?: { name?: unknown; arguments?: unknown } } | undefined;
    if (message?.method !== 'tools/call' || typeof message.params?.name !== 'string') return;
    const name = message.params.name;
    const id = typeof message.id === 'string' || typeof message.id === 'number' ? message.id : undefined;
    this.rejections.report(toolTraits(name) ? name : 'unknown', 'rate_limited', {
      name,
      args: message.params.arguments,
      requestId: id,
      authInfo: req.auth,
      durationMs: 0,
    });
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    return this.limits.tracker(req as unknown as LimitedRequest);
  }

  /** One counter per client and window, shared by every route and every replica using the same storage. */
  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    return `${RATE_LIMIT_KEY_PREFIX}:${name}:${tracker}`;
  }

  private describe(context: ExecutionContext, window: string): string {
    const rate = this.limits.of(context);
    if (!rate) return window;
    return window === BURST ? `${rate.text}, at most ${rate.burst} within one second` : rate.text;
  }
}
