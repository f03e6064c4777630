import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { CallerResolver } from '../auth/caller.resolver';
import { ConfluenceApiFactory } from '../confluence/confluence-api.factory';
import { ConfluenceError } from '../confluence/confluence.errors';

const PROBE_TIMEOUT_MS = 5_000;

/**
 * Ready means Confluence answers an authenticated call with the configured
 * credentials; a replica that cannot reach it should not receive traffic.
 */
@Injectable()
export class ConfluenceHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly callers: CallerResolver,
    private readonly apis: ConfluenceApiFactory,
  ) {}

  async isReachable(key = 'confluence'): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    const connection = this.callers.local().connection;
    try {
      await this.apis.forConnection(connection).currentUser({ signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
      return indicator.up({ deployment: connection.deployment });
    } catch (error) {
      return indicator.down({ reason: reasonOf(error) });
    }
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof ConfluenceError) return error.kind;
  return error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'unreachable';
}
