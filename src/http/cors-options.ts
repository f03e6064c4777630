import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import { HttpSettings } from '../config/app-config';

/** Headers a browser client may send to `/mcp`: MCP's own, and the credentials the API-key guard reads. */
const ALLOWED_HEADERS = [
  'Accept',
  'Authorization',
  'Content-Type',
  'Last-Event-ID',
  'Mcp-Protocol-Version',
  'Mcp-Session-Id',
  'X-API-Key',
  'X-Confluence-Authorization',
];

/** Response headers a browser client may read: the session id (MCP spec), and what tells it to authenticate or slow down. */
const EXPOSED_HEADERS = [
  'Mcp-Session-Id',
  'WWW-Authenticate',
  'Retry-After',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'RateLimit-Policy',
];

/**
 * CORS for the origins listed in MCP_CORS_ORIGINS (exact match), or undefined
 * when none are: then no response carries Access-Control-Allow-Origin and
 * browsers keep cross-origin pages from reading answers. No cookies are ever
 * involved (keys travel in headers), so credentials stay off.
 */
export function corsOptions(http: HttpSettings): CorsOptions | undefined {
  if (http.corsOrigins.length === 0) return undefined;
  return {
    origin: http.corsOrigins,
    methods: ['GET', 'POST', 'DELETE'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    credentials: false,
    maxAge: 600,
  };
}
