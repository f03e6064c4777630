import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Params } from 'nestjs-pino';
import pino from 'pino';
import { AppConfig } from '../config/app-config';

/** Request headers that carry credentials: the caller's API key, a user's Confluence token, session cookies. */
const SECRET_HEADERS = ['authorization', 'x-api-key', 'x-confluence-authorization', 'proxy-authorization', 'cookie'];

/** Field names that hold Confluence credentials (ConfluenceAuth, API-key entries) wherever they are logged. */
const SECRET_FIELDS = ['apiToken', 'token', 'personalToken', 'password', 'apiKey', 'key_hash', 'keyHash', 'auth', 'credentials'];

/**
 * Paths whose values never reach a log line. pino's redaction matches fixed
 * depths (no deep wildcard), so each secret is listed where it can appear:
 * pino-http's `req`/`res`, a logged `headers` object (top level or one down,
 * e.g. an error's request), and credential fields up to three levels deep
 * (`caller.connection.auth`).
 */
export const REDACT_PATHS = [
  ...SECRET_HEADERS.flatMap((h) => [`req.headers["${h}"]`, `headers["${h}"]`, `*.headers["${h}"]`]),
  'res.headers["set-cookie"]',
  'headers["set-cookie"]',
  ...SECRET_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`, `*.*.*.${f}`]),
];

/**
 * Errors are logged by kind and message only — never a stack trace, whichever library
 * logs them (mcp-nest logs every refused resource read with the error object).
 */
export function serializeError(error: unknown): Record<string, unknown> {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const { name, type, message, code } = error as { name?: unknown; type?: unknown; message?: unknown; code?: unknown };
  return {
    type: typeof type === 'string' ? type : typeof name === 'string' ? name : 'Error',
    message: typeof message === 'string' ? message : String(error),
    ...(code === undefined ? {} : { code }),
  };
}

/** The redaction every pino logger of this app uses (the app log and the audit log). */
export const REDACTION = { paths: REDACT_PATHS, censor: '[redacted]' };

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
      redact: REDACTION,
      serializers: { err: serializeError },
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
