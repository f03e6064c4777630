/** Why a tool call was answered without its tool ever running. */
export type RejectionReason = 'invalid_arguments' | 'unknown_tool';

export type RejectionListener = (tool: string, reason: RejectionReason) => void;

/**
 * Tool calls that never reach a tool method — unknown or hidden tools, and
 * arguments mcp-nest's validation refused — and so never pass the tool
 * interceptors. Reported from the MCP request handler, heard by metrics (and audit).
 */
export class RejectedToolCalls {
  private readonly listeners: RejectionListener[] = [];

  listen(listener: RejectionListener): void {
    this.listeners.push(listener);
  }

  report(tool: string, reason: RejectionReason): void {
    for (const listener of this.listeners) listener(tool, reason);
  }
}
