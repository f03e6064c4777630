import { CallHandler, ExecutionContext, Injectable, Module, NestInterceptor, UseInterceptors } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { McpModule, McpTransportType, Tool } from '@rekog/mcp-nest';
import { Observable, tap } from 'rxjs';
import { z } from 'zod';
import { CancellationScope } from '../src/common/cancellation-scope';
import { RejectedToolCalls } from '../src/common/rejected-tool-calls';
import { ToolCallHooksModule } from '../src/common/tool-call-hooks.module';
import { toolCallOf } from '../src/common/tool-call-context';
import { MetricsModule } from '../src/metrics/metrics.module';
import { ToolMetricsInterceptor } from '../src/metrics/tool-metrics.interceptor';
import { TOOL_INTERCEPTORS } from '../src/tools/tool-interceptors.constants';
import { ToolInvocationExplorer } from '../src/tools/tool-invocation.explorer';
import { connectClient } from './support/http-app';
import { sampleValue } from './support/metrics-text';

/** A provider the declared interceptor depends on, to prove interceptors are resolved through DI. */
@Injectable()
class CallJournal {
  readonly entries: string[] = [];
}

@Injectable()
class JournalInterceptor implements NestInterceptor {
  constructor(private readonly journal: CallJournal) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const call = toolCallOf(context);
    this.journal.entries.push(`before ${call?.name} ${JSON.stringify(call?.args)}`);
    return next.handle().pipe(tap(() => this.journal.entries.push(`after ${call?.name}`)));
  }
}

@Injectable()
@UseInterceptors(JournalInterceptor)
class ProbeTools {
  @Tool({ name: 'probe_ok', description: 'succeeds', parameters: z.object({ n: z.number() }) })
  ok({ n }: { n: number }) {
    return { content: [{ type: 'text', text: `ok ${n}` }] };
  }

  @Tool({ name: 'probe_is_error', description: 'reports failure', parameters: z.object({}) })
  isError() {
    return { isError: true, content: [{ type: 'text', text: 'nope' }] };
  }

  @Tool({ name: 'probe_throws', description: 'throws', parameters: z.object({}) })
  throws(): never {
    throw new Error('boom');
  }
}

@Module({
  imports: [
    DiscoveryModule,
    MetricsModule,
    McpModule.forFeature([ProbeTools], 'probe'),
    ToolCallHooksModule.forRoot({ cancellation: new CancellationScope(), rejections: new RejectedToolCalls() }),
  ],
  providers: [
    ProbeTools,
    CallJournal,
    { provide: TOOL_INTERCEPTORS, useFactory: (m: ToolMetricsInterceptor) => [m], inject: [ToolMetricsInterceptor] },
    ToolInvocationExplorer,
  ],
})
class ProbeModule {}

describe('tool interceptor mechanism', () => {
  it('runs DI-resolved interceptors around every tool call and sees each outcome', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        ProbeModule,
        McpModule.forRoot({
          name: 'probe',
          version: '1',
          transport: McpTransportType.STREAMABLE_HTTP,
          streamableHttp: { statelessMode: true, enableJsonResponse: true, sessionIdGenerator: undefined },
          logging: false,
        }),
      ],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const client = await connectClient(`${base}/mcp`);
    try {
      const metricsBefore = await (await fetch(`${base}/metrics`)).text();
      await client.callTool({ name: 'probe_ok', arguments: { n: 7 } });
      await client.callTool({ name: 'probe_is_error', arguments: {} });
      await client.callTool({ name: 'probe_throws', arguments: {} }).catch(() => undefined);
      const metricsAfter = await (await fetch(`${base}/metrics`)).text();

      const delta = (tool: string, outcome: string) =>
        sampleValue(metricsAfter, 'mcp_tool_calls_total', { tool, outcome }) -
        sampleValue(metricsBefore, 'mcp_tool_calls_total', { tool, outcome });
      expect(delta('probe_ok', 'success')).toBe(1);
      expect(delta('probe_is_error', 'error')).toBe(1);
      expect(delta('probe_throws', 'thrown')).toBe(1);
      expect(sampleValue(metricsAfter, 'mcp_tool_duration_seconds_count', { tool: 'probe_ok' })).toBeGreaterThan(0);

      const unknown = await client.callTool({ name: 'no_such_tool', arguments: {} }).catch((e: unknown) => e);
      expect((unknown as Error).message).toBe('MCP error -32601: MCP error -32601: Unknown tool: no_such_tool');

      const journal = moduleRef.get(CallJournal).entries;
      expect(journal).toEqual(expect.arrayContaining(['before probe_ok {"n":7}', 'after probe_ok', 'before probe_throws {}']));
      expect(journal).not.toContain('after probe_throws');
    } finally {
      await client.close();
      await app.close();
    }
  });
});
