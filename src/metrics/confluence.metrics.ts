import { Injectable } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { Counter, Histogram } from 'prom-client';
import { CONFLUENCE_REQUESTS_TOTAL, CONFLUENCE_REQUEST_DURATION_SECONDS } from './metrics.constants';

/** Records every request the Confluence client makes, so ops can see upstream health apart from tool health. */
@Injectable()
export class ConfluenceMetrics {
  constructor(
    @InjectMetric(CONFLUENCE_REQUESTS_TOTAL) private readonly requests: Counter<'method' | 'status'>,
    @InjectMetric(CONFLUENCE_REQUEST_DURATION_SECONDS) private readonly duration: Histogram<'method'>,
  ) {}

  /** `status` is the HTTP status, or `network` / `timeout` / `aborted` when no response came. */
  observe(method: string, status: number | string, seconds: number): void {
    this.requests.inc({ method, status: String(status) });
    this.duration.observe({ method }, seconds);
  }
}
