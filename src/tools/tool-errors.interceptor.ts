import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { catchError, Observable, of, throwError } from 'rxjs';
import { toolCallOf } from '../common/tool-call-context';
import { ConfluenceError } from '../confluence/confluence.errors';
import { RequestCancelledError } from '../confluence/request-cancelled.error';
import { describeConfluenceError } from './describe-confluence-error';
import { toolError } from './tool-result';
import { ToolFailure } from './tool-failure';

/**
 * The one edge where failures become tool results: every failure reaches the
 * model as an `isError` result that says what to do next. Unexpected errors are
 * logged here and reported without internals — never a stack trace or upstream page.
 * Deliberate protocol errors (McpError) pass through untouched.
 */
@Injectable()
export class ToolErrorsInterceptor implements NestInterceptor {
  private readonly logger = new Logger('ToolErrors');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const call = toolCallOf(context);
    const tool = call?.name ?? 'tool';
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof McpError) return throwError(() => error);
        return of(toolError(this.describe(error, tool, call?.args ?? {})));
      }),
    );
  }

  private describe(error: unknown, tool: string, args: Record<string, unknown>): string {
    if (error instanceof ToolFailure) return error.message;
    if (error instanceof ConfluenceError) return describeConfluenceError(error, args);
    if (isAbort(error)) {
      this.logger.debug(`${tool} was cancelled by the client`);
      return `${tool} was cancelled before it finished.`;
    }
    this.logger.error({ err: error, tool }, `Unexpected failure in ${tool}`);
    return `${tool} failed unexpectedly; the error was logged on the server. Try again, and report it if it persists.`;
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof RequestCancelledError || (error instanceof Error && error.name === 'AbortError');
}
