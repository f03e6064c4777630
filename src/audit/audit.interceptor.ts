import { performance } from 'node:perf_hooks';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable, tap } from 'rxjs';
import { CancellationScope } from '../common/cancellation-scope';
import { outcomeOf, toolCallOf, ToolOutcome } from '../common/tool-call-context';
import { AuditFailures } from './audit-failures';
import { AuditRecorder } from './audit-recorder';
import { errorKindOf } from './error-kind';

/**
 * Writes one audit record per tool call that reaches its tool. Placed right
 * inside metrics and outside the error edge, so it records what the client saw
 * (`isError` or a protocol error) and, from the failure probe, why.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly recorder: AuditRecorder,
    private readonly failures: AuditFailures,
    private readonly calls: CancellationScope,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const call = toolCallOf(context);
    if (!call) return next.handle();
    const startedAt = performance.now();
    const jsonRpcId = this.calls.requestId();
    let recorded = false;
    const record = (outcome: ToolOutcome, result?: unknown, thrown?: unknown) => {
      if (recorded) return;
      recorded = true;
      const failure = this.failures.take(context) ?? thrown;
      const errorKind = failure !== undefined ? errorKindOf(failure) : outcome === 'error' ? 'tool_error' : undefined;
      this.recorder.record({
        tool: call.name,
        args: call.args,
        request: call.request,
        jsonRpcId,
        outcome,
        errorKind,
        durationMs: performance.now() - startedAt,
        result,
        failure,
      });
    };
    return next.handle().pipe(
      tap({ next: (result) => record(outcomeOf(result), result), error: (error: unknown) => record('thrown', undefined, error) }),
    );
  }
}
