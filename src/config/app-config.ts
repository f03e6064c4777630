import type { ApiClient } from '../auth/api-client';
import { ConfluenceAuth, ConfluenceConnection, ConfluenceDeployment } from '../confluence/confluence.types';
import { parseRateLimit, RateLimit } from '../rate-limit/rate-limit';
import { Environment } from './environment';

/** Settings of the MCP edge: which transport, and where HTTP listens. */
export interface McpSettings {
  transport: 'http' | 'stdio';
  host: string;
  port: number;
  /** Browser origins allowed to call `/mcp` (MCP_ALLOWED_ORIGINS plus MCP_CORS_ORIGINS); requests with any other Origin get 403. */
  allowedOrigins: string[];
  /** Host names `/mcp` answers to (DNS-rebinding protection); undefined = any. */
  allowedHosts?: string[];
  /** Tool names this deployment offers (MCP_ENABLED_TOOLS); undefined = all. */
  enabledTools?: string[];
  /** Toolsets this deployment offers (MCP_TOOLSETS); undefined = all. */
  toolsets?: string[];
}

/** Settings of the Confluence client: limits on every outbound request. */
export interface ConfluenceSettings {
  connection: ConfluenceConnection;
  /** Origins users' page URLs may carry for this same site (custom domains, proxies), besides the connection's own. */
  siteAliases: string[];
  timeoutMs: number;
  maxRetries: number;
  readOnly: boolean;
  /** Space keys every caller is confined to (CONFLUENCE_SPACES); undefined = all spaces. */
  spaces?: string[];
  /** Largest attachment uploaded or downloaded, in bytes (ATTACHMENT_MAX_BYTES). */
  attachmentMaxBytes: number;
}

/** Settings of the HTTP listener: body limit, CORS and TLS. */
export interface HttpSettings {
  /** Largest request body, in bytes (MCP_MAX_BODY_BYTES; by default one that fits an ATTACHMENT_MAX_BYTES upload). */
  maxBodyBytes: number;
  /** Browser origins CORS is enabled for (MCP_CORS_ORIGINS); empty = CORS off. */
  corsOrigins: string[];
  /** Key and certificate files (TLS_KEY_FILE, TLS_CERT_FILE); undefined = plain HTTP. */
  tls?: { keyFile: string; certFile: string };
  /**
   * Which proxies' X-Forwarded-For to believe (MCP_TRUST_PROXY): a hop count or addresses/CIDRs, as Express's
   * `trust proxy`; undefined = none, so the client address is the socket's. Per-address limits need it behind a load balancer.
   */
  trustProxy?: number | string[];
}

/** Settings of the per-client rate limit on `/mcp`. */
export interface RateLimitSettings {
  /** The limit of every client without an override (RATE_LIMIT, RATE_LIMIT_BURST); undefined = off. */
  default?: RateLimit;
  /** Where the counters live so every replica shares them (REDIS_URL); undefined = in memory. */
  redisUrl?: string;
}

/** The audit trail: one record per tool call, as JSON lines and in a ring `GET /admin/audit` reads. */
export interface AuditSettings {
  /** AUDIT_LOG_FILE: append records here; unset = stdout (http) or stderr (stdio, where stdout is JSON-RPC). */
  file?: string;
  /** AUDIT_RING_SIZE: how many recent records stay in memory. */
  ringSize: number;
}

/** Who may call: API-key clients, per-user Confluence credentials, and the /metrics token. */
export interface AuthSettings {
  /** MCP_AUTH: `api-key` (keys required once any is configured) or `none` (no authentication at all). */
  mode: 'api-key' | 'none';
  /** Clients from MCP_API_KEYS_FILE and MCP_API_KEYS; empty = the local caller (loopback or MCP_AUTH=none only). */
  clients: ApiClient[];
  /** CONFLUENCE_USER_CREDENTIALS: `header` lets callers send their own X-Confluence-Authorization. */
  userCredentials: 'off' | 'header';
  /** METRICS_TOKEN: bearer token `/metrics` requires; undefined = anonymous. */
  metricsToken?: string;
}

export interface LogSettings {
  level: string;
  format: 'json' | 'pretty';
  audit: AuditSettings;
}

/**
 * The typed configuration service: the one place settings are read from.
 * Built from the validated environment at start-up and injected by class.
 */
export class AppConfig {
  constructor(
    readonly mcp: McpSettings,
    readonly confluence: ConfluenceSettings,
    readonly log: LogSettings,
    readonly http: HttpSettings,
    readonly rateLimit: RateLimitSettings,
    readonly auth: AuthSettings,
  ) {}

  static fromEnvironment(env: Environment): AppConfig {
    return new AppConfig(
      {
        transport: env.MCP_TRANSPORT,
        host: env.MCP_HOST,
        port: env.MCP_PORT,
        allowedOrigins: [...new Set([...(env.MCP_ALLOWED_ORIGINS ?? []), ...(env.MCP_CORS_ORIGINS ?? [])])],
        allowedHosts: env.MCP_ALLOWED_HOSTS ?? defaultAllowedHosts(env.MCP_HOST),
        enabledTools: env.MCP_ENABLED_TOOLS,
        toolsets: env.MCP_TOOLSETS,
      },
      {
        connection: defaultConnection(env),
        siteAliases: env.CONFLUENCE_SITE_ALIASES ?? [],
        timeoutMs: env.CONFLUENCE_TIMEOUT_MS,
        maxRetries: env.CONFLUENCE_MAX_RETRIES,
        readOnly: env.CONFLUENCE_READ_ONLY,
        spaces: env.CONFLUENCE_SPACES,
        attachmentMaxBytes: env.ATTACHMENT_MAX_BYTES,
      },
      { level: env.LOG_LEVEL, format: env.LOG_FORMAT, audit: { file: env.AUDIT_LOG_FILE, ringSize: env.AUDIT_RING_SIZE } },
      {
        maxBodyBytes: env.MCP_MAX_BODY_BYTES ?? defaultMaxBodyBytes(env.ATTACHMENT_MAX_BYTES),
        corsOrigins: env.MCP_CORS_ORIGINS ?? [],
        tls: env.TLS_KEY_FILE && env.TLS_CERT_FILE ? { keyFile: env.TLS_KEY_FILE, certFile: env.TLS_CERT_FILE } : undefined,
        trustProxy: trustProxyOf(env.MCP_TRUST_PROXY),
      },
      {
        default: env.RATE_LIMIT.toLowerCase() === 'off' ? undefined : parseRateLimit(env.RATE_LIMIT, env.RATE_LIMIT_BURST),
        redisUrl: env.REDIS_URL,
      },
      {
        mode: env.MCP_AUTH,
        clients: env.apiClients,
        userCredentials: env.CONFLUENCE_USER_CREDENTIALS,
        metricsToken: env.METRICS_TOKEN,
      },
    );
  }
}

/** A single number is a hop count; anything else a list of trusted proxy addresses. */
function trustProxyOf(values: string[] | undefined): number | string[] | undefined {
  if (values === undefined) return undefined;
  return values.length === 1 && /^\d+$/.test(values[0]) ? Number(values[0]) : values;
}

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * An attachment upload of ATTACHMENT_MAX_BYTES arrives base64-encoded (4 characters
 * per 3 bytes) inside a JSON-RPC envelope; 1 MiB on top covers the envelope and
 * any other tool's arguments.
 */
function defaultMaxBodyBytes(attachmentMaxBytes: number): number {
  return Math.ceil(attachmentMaxBytes / 3) * 4 + 1024 * 1024;
}

/** True for the loopback interface, where Host validation against loopback names is on by default. */
export function isLoopback(host: string): boolean {
  const name = host.toLowerCase();
  return name === 'localhost' || name === '::1' || name === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(name);
}

/** On loopback: the loopback names plus the bound address itself; elsewhere no Host check unless configured. */
function defaultAllowedHosts(bindHost: string): string[] | undefined {
  if (!isLoopback(bindHost)) return undefined;
  const own = bindHost.includes(':') && !bindHost.startsWith('[') ? `[${bindHost}]` : bindHost.toLowerCase();
  return [...new Set([...LOOPBACK_HOSTS, own])];
}

/** `*.atlassian.net` (and Atlassian's other Cloud domains) means Cloud; anything else Data Center. */
export function detectDeployment(url: URL): ConfluenceDeployment {
  const host = url.hostname.toLowerCase();
  return /\.(atlassian\.net|jira\.com|jira-dev\.com)$/.test(host) ? 'cloud' : 'datacenter';
}

/**
 * The site root every API path hangs off. Cloud lives under `/wiki`: an
 * Atlassian-hosted site is always `<origin>/wiki` (so a pasted page URL works),
 * elsewhere (a gateway) the path is kept up to its `/wiki` segment, or `/wiki`
 * is added. Data Center keeps its context path, if any.
 */
export function siteBaseUrl(rawUrl: string, deployment: ConfluenceDeployment): string {
  const url = new URL(rawUrl);
  const path = url.pathname.replace(/\/+$/, '');
  if (deployment === 'datacenter') return `${url.origin}${path.replace(/\/rest\/api$/, '')}`;
  if (detectDeployment(url) === 'cloud') return `${url.origin}/wiki`;
  const wikiAt = path.search(/\/wiki(\/|$)/);
  return `${url.origin}${wikiAt >= 0 ? path.slice(0, wikiAt) : path}/wiki`;
}

function defaultConnection(env: Environment): ConfluenceConnection {
  const deployment = env.CONFLUENCE_DEPLOYMENT ?? detectDeployment(new URL(env.CONFLUENCE_URL));
  return {
    id: 'default',
    deployment,
    baseUrl: siteBaseUrl(env.CONFLUENCE_URL, deployment),
    auth: credentials(env, deployment),
  };
}

/** Cloud prefers basic auth (email + API token), Data Center its personal access token; either falls back to the other. */
function credentials(env: Environment, deployment: ConfluenceDeployment): ConfluenceAuth {
  const basic: ConfluenceAuth | undefined =
    env.CONFLUENCE_USERNAME && env.CONFLUENCE_API_TOKEN
      ? { kind: 'basic', username: env.CONFLUENCE_USERNAME, apiToken: env.CONFLUENCE_API_TOKEN }
      : undefined;
  const bearer: ConfluenceAuth | undefined = env.CONFLUENCE_PERSONAL_TOKEN
    ? { kind: 'bearer', token: env.CONFLUENCE_PERSONAL_TOKEN }
    : undefined;
  const preferred = deployment === 'cloud' ? (basic ?? bearer) : (bearer ?? basic);
  return preferred ?? { kind: 'none' };
}
