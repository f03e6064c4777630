/** Injection token for the HTTP client's tuning; the Confluence module provides it from config. */
export const CONFLUENCE_CLIENT_OPTIONS = Symbol('CONFLUENCE_CLIENT_OPTIONS');

/** How patient and how persistent the Confluence client is; one set for all connections. */
export interface ConfluenceClientOptions {
  /** Budget for one attempt, headers and body included. */
  timeoutMs: number;
  maxRetries: number;
  retryBaseMs: number;
  retryMaxDelayMs: number;
  /** Budget for one logical request, all retries and waits included. */
  deadlineMs: number;
  userAgent: string;
  /** Idle keep-alive sockets are closed after this long; defaults to 30 s. */
  keepAliveTimeoutMs?: number;
  /** Sockets per origin in the pool; defaults to 16. */
  maxConnectionsPerOrigin?: number;
}
