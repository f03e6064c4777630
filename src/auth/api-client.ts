import { ConfluenceAuth } from '../confluence/confluence.types';

/** What a key may do: `read` tools, `write` tools, `admin` endpoints (GET /admin/…). */
export const SCOPES = ['read', 'write', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

/** A per-client narrowing of the deployment policy; anything unset inherits the deployment's. */
export interface ClientPolicy {
  spaces?: string[];
  toolsets?: string[];
  tools?: string[];
  readOnly?: boolean;
}

/**
 * One API client as configured (MCP_API_KEYS_FILE / MCP_API_KEYS), validated and
 * with its Confluence credential references already resolved. Holds the key's
 * SHA-256 only: the key itself is never stored or configured.
 */
export interface ApiClient {
  id: string;
  name: string;
  /** Lower-case hex SHA-256 of the key's UTF-8 bytes. */
  keySha256: string;
  scopes: Scope[];
  policy?: ClientPolicy;
  /** The team's own Confluence account; absent = the deployment's credentials. */
  confluenceAuth?: ConfluenceAuth;
  /** Per-client rate limit such as `100/minute`; absent = the deployment's RATE_LIMIT. */
  rateLimit?: string;
  /** A revoked key is refused exactly like an unknown one. */
  revoked: boolean;
}

/** Ids are used in logs, metrics labels and connection ids: keep them plain. */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Space keys as CONFLUENCE_SPACES takes them: global keys (upper-cased) or personal `~user` keys. */
export const SPACE_KEY_PATTERN = /^(~[\w.@+-]+|[A-Z0-9_]{1,255})$/;
