import { AsyncLocalStorage } from 'node:async_hooks';

/** Facts about the MCP request a tool call belongs to. */
export interface CallFacts {
  /** The SDK's cancellation signal (`notifications/cancelled`, transport close). */
  signal?: AbortSignal;
  /** The JSON-RPC id of the `tools/call` request, for logs and the audit trail. */
  requestId?: string | number;
}

/**
 * Carries per-call facts from the MCP request handler down to the tool method
 * without threading them through mcp-nest, which does not pass them on — the
 * SDK's cancellation signal and the JSON-RPC request id.
 */
export class CancellationScope {
  private readonly storage = new AsyncLocalStorage<CallFacts>();

  run<T>(facts: CallFacts, fn: () => T): T {
    return this.storage.run(facts, fn);
  }

  /** The cancellation signal of the tool call being run, if the transport gave one. */
  signal(): AbortSignal | undefined {
    return this.storage.getStore()?.signal;
  }

  /** The JSON-RPC id of the tool call being run, if any. */
  requestId(): string | number | undefined {
    return this.storage.getStore()?.requestId;
  }
}
