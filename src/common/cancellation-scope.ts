import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Carries per-call facts from the MCP request handler down to the tool method
 * without threading them through mcp-nest, which does not pass them on — today
 * the SDK's cancellation signal (`notifications/cancelled`, transport close).
 */
export class CancellationScope {
  private readonly storage = new AsyncLocalStorage<{ signal?: AbortSignal }>();

  run<T>(signal: AbortSignal | undefined, fn: () => T): T {
    return this.storage.run({ signal }, fn);
  }

  /** The cancellation signal of the tool call being run, if the transport gave one. */
  signal(): AbortSignal | undefined {
    return this.storage.getStore()?.signal;
  }
}
