import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { ConfluenceConnection } from '../confluence/confluence.types';
import { Scope } from './api-client';
import { ToolPolicy } from './tool-policy';

/**
 * Who is calling, and what that decides: the Confluence connection used on
 * their behalf and the policy their calls are held to.
 */
export interface Caller {
  /** The API client id (`local` without keys); safe to log and to use as a rate-limit or metrics key. */
  id: string;
  name: string;
  scopes: Scope[];
  /** Deployment policy ∩ what the scopes allow ∩ the client's own policy; never wider than the deployment. */
  policy: ToolPolicy;
  connection: ConfluenceConnection;
  /** Whose Confluence credentials `connection` carries: the deployment's, the client's service account, or the user's own header. */
  credentials: 'deployment' | 'client' | 'user';
  /** The client's own rate limit such as `100/minute`; undefined = the deployment's RATE_LIMIT. */
  rateLimit?: string;
}

/** The HTTP request as our guards leave it: the caller, and the SDK's `auth` slot carrying it to MCP handlers. */
export interface CallerRequest {
  caller?: Caller;
  auth?: AuthInfo;
}

/** Packs a caller into the SDK's AuthInfo so MCP request handlers (tools/list, tools/call) can see it. */
export function toAuthInfo(caller: Caller): AuthInfo {
  return { token: '', clientId: caller.id, scopes: caller.scopes, extra: { caller } };
}

/** The caller carried in an SDK AuthInfo, if a guard put one there. */
export function callerFromAuthInfo(auth: AuthInfo | undefined): Caller | undefined {
  const caller = auth?.extra?.caller;
  return caller && typeof caller === 'object' ? (caller as Caller) : undefined;
}
