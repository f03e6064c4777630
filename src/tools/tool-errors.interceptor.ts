import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { catchError, Observable, of, throwError } from 'rxjs';
import { toolCallOf } from '../common/tool-call-context';
import { ConfluenceError } from '../confluence/confluence.errors';
import { describeConfluenceError } from './describe-confluence-error';
import { toolError } from './tool-result';
import { ToolFailure } from './tool-failure';

/**
 * The one edge where failures become tool results: Confluence errors and
 * tool failures turn into `isError` results the model can act on; anything
 * unexpected is logged and surfaces as a generic protocol error — never a
 * stack trace or upstream page.
 */
@Injectable()
export class ToolErrorsInterceptor implements NestInterceptor {
  private readonly logger = new Logger('ToolErrors');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const tool = toolCallOf(context)?.name ?? 'tool';
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof ToolFailure) return of(toolError(error.message));
        if (error instanceof ConfluenceError) return of(toolError(describeConfluenceError(error)));
        if (error instanceof McpError) return throwError(() => error);
        this.logger.error({ err: error, tool }, `Unexpected failure in ${tool}`);
        return throwError(() => new McpError(ErrorCode.InternalError, `${tool} failed unexpectedly; the error was logged on the server. Try again, or report it if it persists.`));
      }),
    );
  }
}
