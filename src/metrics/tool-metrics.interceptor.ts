import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { Counter, Histogram } from 'prom-client';
import { Observable, tap } from 'rxjs';
import { outcomeOf, toolCallOf, ToolOutcome } from '../common/tool-call-context';
import { TOOL_CALLS_TOTAL, TOOL_DURATION_SECONDS } from './metrics.constants';

/** Counts every tool call by outcome and times it; the outermost tool interceptor, so it sees what the client sees. */
@Injectable()
export class ToolMetricsInterceptor implements NestInterceptor {
  constructor(
    @InjectMetric(TOOL_CALLS_TOTAL) private readonly calls: Counter<'tool' | 'outcome'>,
    @InjectMetric(TOOL_DURATION_SECONDS) private readonly duration: Histogram<'tool'>,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const call = toolCallOf(context);
    if (!call) return next.handle();
    const stopTimer = this.duration.startTimer({ tool: call.name });
    const record = (outcome: ToolOutcome) => {
      stopTimer();
      this.calls.inc({ tool: call.name, outcome });
    };
    return next.handle().pipe(
      tap({ next: (result) => record(outcomeOf(result)), error: () => record('thrown') }),
    );
  }
}
