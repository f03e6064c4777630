/**
 * How a tool call ended, from the client's point of view: the tool ran and
 * returned (`success`, or `error` for an `isError` result), a protocol error
 * escaped it (`thrown`), or it was answered without running: its arguments
 * failed validation, the caller's policy hides it (`refused`), or no such tool exists.
 */
export type AuditOutcome = 'success' | 'error' | 'thrown' | 'invalid_arguments' | 'refused' | 'unknown_tool' | 'rate_limited';

/** The Confluence objects a call touched, as far as its arguments and result name them. */
export interface AuditTargets {
  pageId?: string;
  spaceKey?: string;
  attachmentId?: string;
  commentId?: string;
  parentPageId?: string;
  targetPageId?: string;
  targetSpaceKey?: string;
}

/** Page versions around a write: the one the caller based it on, the one it produced, and on a conflict the current one. */
export interface AuditVersions {
  before?: number;
  after?: number;
  current?: number;
}

/** Who called: the API-key client (or `local` under stdio / without keys). */
export interface AuditClient {
  id: string;
  name: string;
  /** Whose Confluence credentials the call used: the deployment's, the client's service account, or the user's own. */
  actingAs: 'deployment' | 'client' | 'user';
  /** The Confluence identity acted as: `default`, `client:<id>`, or `user:<fingerprint>` (never the credential itself). */
  connection: string;
}

/** One tool call, as written to the audit log and kept in the ring `GET /admin/audit` reads. */
export interface AuditRecord {
  timestamp: string;
  /** The HTTP request id (pino-http's, from `X-Request-Id` or generated), or a generated id under stdio. */
  requestId: string;
  /** The JSON-RPC id of the `tools/call` request. */
  jsonRpcId?: string | number;
  transport: 'http' | 'stdio';
  client: AuditClient;
  tool: string;
  outcome: AuditOutcome;
  /** Why it failed: a Confluence error kind, `invalid_input`, `policy`, `cancelled`, `internal`, … */
  errorKind?: string;
  durationMs: number;
  targets: AuditTargets;
  /** The arguments as sent, with bulky or long strings replaced by their length and SHA-256. */
  arguments: unknown;
  /** Only for write tools. */
  versions?: AuditVersions;
  dryRun?: boolean;
}
