import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { CallerResolver } from '../auth/caller.resolver';
import { ConfluenceApiFactory } from '../confluence/confluence-api.factory';
import { ConfluenceError } from '../confluence/confluence.errors';

const PROBE_TIMEOUT_MS = 5_000;
/** Probes are cheap to ask for and anonymous; one Confluence call per replica per interval is enough. */
const PROBE_CACHE_MS = 10_000;

type ProbeOutcome = { up: true; rateLimited: boolean } | { up: false; reason: string };

/**
 * Ready means Confluence answers an authenticated call with the configured
 * credentials. Rate limiting still counts as ready (taking every replica out
 * while Confluence throttles would only make things worse); the outcome is
 * cached briefly so probes cannot be used to hammer Confluence.
 */
@Injectable()
export class ConfluenceHealthIndicator {
  private last?: { at: number; outcome: Promise<ProbeOutcome> };

  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly callers: CallerResolver,
    private readonly apis: ConfluenceApiFactory,
  ) {}

  async isReachable(key = 'confluence'): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    const outcome = await this.probe();
    const deployment = this.callers.local().connection.deployment;
    if (!outcome.up) return indicator.down({ reason: outcome.reason });
    return indicator.up(outcome.rateLimited ? { deployment, rateLimited: true } : { deployment });
  }

  private probe(now = Date.now()): Promise<ProbeOutcome> {
    if (!this.last || now - this.last.at >= PROBE_CACHE_MS) {
      this.last = { at: now, outcome: this.callConfluence() };
    }
    return this.last.outcome;
  }

  private async callConfluence(): Promise<ProbeOutcome> {
    try {
      const api = this.apis.forConnection(this.callers.local().connection);
      await api.currentUser({ signal: AbortSignal.timeout(PROBE_TIMEOUT_MS), retries: 0 });
      return { up: true, rateLimited: false };
    } catch (error) {
      if (error instanceof ConfluenceError && error.kind === 'rate_limited') return { up: true, rateLimited: true };
      return { up: false, reason: reasonOf(error) };
    }
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof ConfluenceError) return error.kind;
  return error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'unreachable';
}
