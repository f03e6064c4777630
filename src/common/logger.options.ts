import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Params } from 'nestjs-pino';
import pino from 'pino';
import { AppConfig } from '../config/app-config';

/** Header and field paths that may carry secrets; their values never reach a log line. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers["x-confluence-authorization"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.apiToken',
  '*.token',
  '*.password',
  'auth',
];

/**
 * pino settings for the whole app. Logs always go to stderr: under stdio,
 * stdout belongs to JSON-RPC, and one stream keeps both transports alike.
 */
export function loggerOptions(config: AppConfig): Params {
  const stderr = config.log.format === 'pretty'
    ? pino.transport({ target: 'pino-pretty', options: { destination: 2, colorize: false } })
    : pino.destination({ fd: 2, sync: false });
  return {
    pinoHttp: {
      level: config.log.level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      stream: stderr,
      genReqId: (req: IncomingMessage) => headerRequestId(req) ?? randomUUID(),
      customProps: () => ({ service: 'confluence-mcp-server' }),
      autoLogging: { ignore: (req: IncomingMessage) => req.url?.startsWith('/health') ?? false },
    },
  };
}

/** Reuses a well-formed `X-Request-Id` from a proxy so logs line up across hops. */
function headerRequestId(req: IncomingMessage): string | undefined {
  const value = req.headers['x-request-id'];
  return typeof value === 'string' && /^[\w.-]{1,128}$/.test(value) ? value : undefined;
}
