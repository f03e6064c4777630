import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';

/** Why a tool call was answered without its tool ever running. */
export type RejectionReason = 'invalid_arguments' | 'unknown_tool' | 'rate_limited';

/** The refused call as the MCP request handler saw it, for listeners that record more than a count (audit). */
export interface RejectedCall {
  /** The tool name exactly as requested (may be anything a client sent). */
  name: string;
  /** The arguments as sent, before any validation. */
  args: unknown;
  /** The JSON-RPC id of the `tools/call` request. */
  requestId?: string | number;
  /** Who called, as the guard packed it for the SDK; absent under stdio. */
  authInfo?: AuthInfo;
  durationMs: number;
}

export type RejectionListener = (tool: string, reason: RejectionReason, call: RejectedCall) => void;

/**
 * Tool calls that never reach a tool method — unknown or hidden tools,
 * arguments mcp-nest's validation refused, calls over the caller's rate limit — and so never pass the tool
 * interceptors. Reported from the MCP request handler, heard by metrics and audit.
 */
export class RejectedToolCalls {
  private readonly listeners: RejectionListener[] = [];

  listen(listener: RejectionListener): void {
    this.listeners.push(listener);
  }

  report(tool: string, reason: RejectionReason, call: RejectedCall): void {
    for (const listener of this.listeners) listener(tool, reason, call);
  }
}
