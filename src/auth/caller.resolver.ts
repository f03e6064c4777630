import { Injectable } from '@nestjs/common';
import { AppConfig, isLoopback } from '../config/app-config';
import { ApiClient, Scope } from './api-client';
import { Caller, CallerRequest } from './caller';
import { policyFromConfig } from './policy-from-config';
import { clientRules, scopeRules } from './scope-policy';
import { ToolPolicy } from './tool-policy';

/**
 * Turns identities into callers: each API client gets its Confluence connection
 * (its own service account, or the deployment's) and its policy (deployment ∩
 * scopes ∩ its own), built once at start-up. Without keys every request acts as
 * the local caller, configured from the environment as before.
 */
@Injectable()
export class CallerResolver {
  private readonly localCaller: Caller;
  private readonly clientCallers: ReadonlyMap<string, Caller>;
  /** True when HTTP requests must carry a key: a request without a caller must never fall back to the local one. */
  private readonly keysRequired: boolean;

  constructor(config: AppConfig) {
    const deployment = policyFromConfig(config);
    const localScopes: Scope[] = isLoopback(config.mcp.host) ? ['read', 'write', 'admin'] : ['read', 'write'];
    this.localCaller = {
      id: 'local',
      name: 'Local configuration',
      scopes: localScopes,
      policy: deployment,
      connection: config.confluence.connection,
      credentials: 'deployment',
    };
    this.clientCallers = new Map(config.auth.clients.map((client) => [client.id, clientCaller(client, deployment, config)]));
    this.keysRequired = config.mcp.transport === 'http' && config.auth.clients.length > 0;
  }

  /** The caller a stdio process (or an HTTP deployment without keys) acts as. */
  local(): Caller {
    return this.localCaller;
  }

  /** The caller of an authenticated API client. */
  forClient(client: ApiClient): Caller {
    const caller = this.clientCallers.get(client.id);
    if (!caller) throw new Error(`API client ${client.id} is not configured`);
    return caller;
  }

  /** The caller of an MCP request: the one the guard attached; the local one only where no key is required. */
  fromRequest(request: CallerRequest | undefined): Caller {
    if (request?.caller) return request.caller;
    if (request !== undefined && this.keysRequired) throw new Error('an unauthenticated request reached a tool; refusing to act as the local caller');
    return this.localCaller;
  }
}

function clientCaller(client: ApiClient, deployment: ToolPolicy, config: AppConfig): Caller {
  const base = config.confluence.connection;
  return {
    id: client.id,
    name: client.name,
    scopes: client.scopes,
    policy: deployment.narrowedBy(scopeRules(client.scopes)).narrowedBy(clientRules(client.policy)),
    connection: client.confluenceAuth ? { ...base, id: `client:${client.id}`, auth: client.confluenceAuth } : base,
    credentials: client.confluenceAuth ? 'client' : 'deployment',
    rateLimit: client.rateLimit,
  };
}
