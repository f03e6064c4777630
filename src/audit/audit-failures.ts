import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';

/**
 * What a tool threw, per call. The error edge (tool-errors.interceptor) turns
 * failures into `isError` results, so the audit interceptor outside it would
 * see only text; the probe inside it notes the error itself. Both share the
 * call's one ExecutionContext, which keys the note.
 */
@Injectable()
export class AuditFailures {
  private readonly failures = new WeakMap<ExecutionContext, unknown>();

  note(context: ExecutionContext, error: unknown): void {
    this.failures.set(context, error);
  }

  /** The error noted for this call, if any, forgetting it. */
  take(context: ExecutionContext): unknown {
    const error = this.failures.get(context);
    this.failures.delete(context);
    return error;
  }
}

/** The innermost tool interceptor: notes what the tool threw, and lets it go on to the error edge unchanged. */
@Injectable()
export class AuditFailureProbe implements NestInterceptor {
  constructor(private readonly failures: AuditFailures) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        this.failures.note(context, error);
        return throwError(() => error);
      }),
    );
  }
}
