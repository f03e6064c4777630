import { ConfluenceAuth, ConfluenceConnection, ConfluenceDeployment } from '../confluence/confluence.types';
import { Environment } from './environment';

/** Settings of the MCP edge: which transport, and where HTTP listens. */
export interface McpSettings {
  transport: 'http' | 'stdio';
  host: string;
  port: number;
}

/** Settings of the Confluence client: limits on every outbound request. */
export interface ConfluenceSettings {
  connection: ConfluenceConnection;
  timeoutMs: number;
  maxRetries: number;
  readOnly: boolean;
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
      { transport: env.MCP_TRANSPORT, host: env.MCP_HOST, port: env.MCP_PORT },
      {
        connection: defaultConnection(env),
        timeoutMs: env.CONFLUENCE_TIMEOUT_MS,
        maxRetries: env.CONFLUENCE_MAX_RETRIES,
        readOnly: env.CONFLUENCE_READ_ONLY,
      },
      { level: env.LOG_LEVEL, format: env.LOG_FORMAT },
    );
  }
}

/** `*.atlassian.net` (and Atlassian's other Cloud domains) means Cloud; anything else Data Center. */
export function detectDeployment(url: URL): ConfluenceDeployment {
  const host = url.hostname.toLowerCase();
  return /\.(atlassian\.net|jira\.com|jira-dev\.com)$/.test(host) ? 'cloud' : 'datacenter';
}

/**
 * The site root every API path hangs off: Cloud lives under `/wiki`
 * (added when the URL lacks it), Data Center directly under its base URL.
 */
export function siteBaseUrl(rawUrl: string, deployment: ConfluenceDeployment): string {
  const url = new URL(rawUrl);
  let path = url.pathname.replace(/\/+$/, '');
  if (deployment === 'cloud' && !/\/wiki$/.test(path)) path = `${path}/wiki`;
  if (deployment === 'datacenter') path = path.replace(/\/rest\/api$/, '');
  return `${url.origin}${path}`;
}

function defaultConnection(env: Environment): ConfluenceConnection {
  const deployment = env.CONFLUENCE_DEPLOYMENT ?? detectDeployment(new URL(env.CONFLUENCE_URL));
  return {
    id: 'default',
    deployment,
    baseUrl: siteBaseUrl(env.CONFLUENCE_URL, deployment),
    auth: credentials(env),
  };
}

function credentials(env: Environment): ConfluenceAuth {
  if (env.CONFLUENCE_PERSONAL_TOKEN) return { kind: 'bearer', token: env.CONFLUENCE_PERSONAL_TOKEN };
  if (env.CONFLUENCE_USERNAME && env.CONFLUENCE_API_TOKEN) {
    return { kind: 'basic', username: env.CONFLUENCE_USERNAME, apiToken: env.CONFLUENCE_API_TOKEN };
  }
  return { kind: 'none' };
}
