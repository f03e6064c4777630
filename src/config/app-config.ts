import { ConfluenceAuth, ConfluenceConnection, ConfluenceDeployment } from '../confluence/confluence.types';
import { Environment } from './environment';

/** Settings of the MCP edge: which transport, and where HTTP listens. */
export interface McpSettings {
  transport: 'http' | 'stdio';
  host: string;
  port: number;
  /** Browser origins allowed to call `/mcp`; requests with any other Origin get 403. */
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

export interface LogSettings {
  level: string;
  format: 'json' | 'pretty';
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
  ) {}

  static fromEnvironment(env: Environment): AppConfig {
    return new AppConfig(
      {
        transport: env.MCP_TRANSPORT,
        host: env.MCP_HOST,
        port: env.MCP_PORT,
        allowedOrigins: env.MCP_ALLOWED_ORIGINS ?? [],
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
      { level: env.LOG_LEVEL, format: env.LOG_FORMAT },
    );
  }
}

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

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
