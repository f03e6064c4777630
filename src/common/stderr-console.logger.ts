import { ConsoleLogger, LogLevel } from '@nestjs/common';

/**
 * Nest's console logger, but every line goes to stderr. Used until pino takes
 * over (and if start-up fails before it does), because under stdio the
 * process's stdout must carry nothing but JSON-RPC.
 */
export class StderrConsoleLogger extends ConsoleLogger {
  protected override printMessages(
    messages: unknown[],
    context?: string,
    logLevel?: LogLevel,
    _writeStreamType?: 'stdout' | 'stderr',
    errorStack?: unknown,
  ): void {
    super.printMessages(messages, context, logLevel, 'stderr', errorStack);
  }
}
