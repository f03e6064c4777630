import { Injectable } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { Counter } from 'prom-client';
import { RejectedToolCalls } from '../common/rejected-tool-calls';
import { TOOL_CALLS_TOTAL } from './metrics.constants';

/**
 * Counts calls refused before any tool ran (bad arguments, unknown or hidden
 * tools) in `mcp_tool_calls_total`, with the refusal as the outcome.
 */
@Injectable()
export class RejectedCallsMetrics {
  constructor(@InjectMetric(TOOL_CALLS_TOTAL) calls: Counter<'tool' | 'outcome'>, rejections: RejectedToolCalls) {
    rejections.listen((tool, reason) => calls.inc({ tool, outcome: reason }));
  }
}
