import { Module } from '@nestjs/common';
import {
  makeCounterProvider,
  makeHistogramProvider,
  PrometheusModule,
} from '@willsoto/nestjs-prometheus';
import { ConfluenceMetrics } from './confluence.metrics';
import {
  CONFLUENCE_REQUESTS_TOTAL,
  CONFLUENCE_REQUEST_DURATION_SECONDS,
  TOOL_CALLS_TOTAL,
  TOOL_DURATION_SECONDS,
} from './metrics.constants';
import { RejectedCallsMetrics } from './rejected-calls.metrics';
import { ToolMetricsInterceptor } from './tool-metrics.interceptor';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Serves `/metrics` (prom-client default metrics plus ours) and the recorders other modules use. */
@Module({
  imports: [PrometheusModule.register({ path: '/metrics', defaultMetrics: { enabled: true } })],
  providers: [
    makeCounterProvider({ name: TOOL_CALLS_TOTAL, help: 'MCP tool calls by tool and outcome', labelNames: ['tool', 'outcome'] }),
    makeHistogramProvider({
      name: TOOL_DURATION_SECONDS,
      help: 'MCP tool call duration in seconds',
      labelNames: ['tool'],
      buckets: LATENCY_BUCKETS,
    }),
    makeCounterProvider({
      name: CONFLUENCE_REQUESTS_TOTAL,
      help: 'HTTP requests sent to Confluence by method and status',
      labelNames: ['method', 'status'],
    }),
    makeHistogramProvider({
      name: CONFLUENCE_REQUEST_DURATION_SECONDS,
      help: 'Duration of HTTP requests sent to Confluence in seconds',
      labelNames: ['method'],
      buckets: LATENCY_BUCKETS,
    }),
    ConfluenceMetrics,
    ToolMetricsInterceptor,
    RejectedCallsMetrics,
  ],
  exports: [ConfluenceMetrics, ToolMetricsInterceptor],
})
export class MetricsModule {}
