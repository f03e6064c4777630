import { hostname } from 'node:os';
import pino, { DestinationStream, Logger } from 'pino';
import { REDACTION } from '../common/logger.options';
import { AppConfig } from '../config/app-config';
import { SERVER_NAME } from '../server-info';

/** Where audit lines go, and how to close that place at shutdown. */
export interface AuditSink {
  logger: Logger;
  close(): void;
}

/**
 * The audit trail's own pino logger, apart from the app log: always at `info`
 * whatever LOG_LEVEL says, JSON lines tagged `audit: true`, the same redaction.
 * To AUDIT_LOG_FILE when set; else stdout over HTTP, and stderr under stdio,
 * where stdout carries JSON-RPC. Writes are synchronous so a record is not
 * lost when the process dies right after the call it describes.
 */
export function createAuditSink(config: AppConfig): AuditSink {
  const file = config.log.audit.file;
  const destination = file
    ? pino.destination({ dest: file, append: true, mkdir: true, sync: true })
    : pino.destination({ fd: config.mcp.transport === 'stdio' ? 2 : 1, sync: true });
  const logger = pino(
    {
      level: 'info',
      base: { audit: true, service: SERVER_NAME, pid: process.pid, hostname: hostname() },
      redact: REDACTION,
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination as DestinationStream,
  );
  return { logger, close: () => (file ? destination.end() : undefined) };
}
