/** Failure modes a test can switch on to prove the client copes with a misbehaving Confluence. */
export interface SandboxFaults {
  latencyMs?: number;
  error5xxRate?: number;
  rateLimitNext?: number;
  retryAfterSeconds?: number;
  timeoutNext?: number;
  resetNext?: number;
  htmlErrors?: boolean;
  /** Applies the next N write requests (POST/PUT/DELETE), then destroys the socket without answering: a lost response. */
  dropResponseNext?: number;
  /** Destroys the socket of the next N write requests after reading them but before applying them. */
  resetWriteNext?: number;
  /** Applies the next N writes, then answers them with `gatewayStatus`, as a proxy whose upstream failed after the write landed. */
  gatewayErrorAfterWriteNext?: number;
  /** Answers the next N writes with `gatewayStatus` without applying them, as a proxy that never reached Confluence. */
  gatewayErrorBeforeWriteNext?: number;
  /** The status of those gateway answers (default 504). */
  gatewayStatus?: GatewayStatus;
  /**
   * Rewrites page and comment bodies on save as Confluence Cloud does (macro and local ids, attribute
   * spellings), so a body read back differs from the one written.
   */
  rewriteStorageOnSave?: boolean;
}

export type GatewayStatus = 502 | 503 | 504;

/** What happens to one write request on top of the faults every request gets. */
export type WriteFault =
  | { kind: 'none' }
  | { kind: 'drop' }
  | { kind: 'reset' }
  | { kind: 'gateway'; applied: boolean; status: GatewayStatus; html: boolean; retryAfterSeconds: number };

/** What the sandbox should do with one incoming request. */
export type FaultAction =
  | { kind: 'none' }
  | { kind: 'reset' }
  | { kind: 'timeout' }
  | { kind: 'rateLimit'; retryAfterSeconds: number }
  | { kind: 'serverError'; status: GatewayStatus; html: boolean; retryAfterSeconds: number };

type CountedFault =
  | 'resetNext'
  | 'timeoutNext'
  | 'rateLimitNext'
  | 'dropResponseNext'
  | 'resetWriteNext'
  | 'gatewayErrorAfterWriteNext'
  | 'gatewayErrorBeforeWriteNext';

/** Holds the active faults and decides, request by request, which one fires (consuming the "next N" counters). */
export class FaultInjector {
  private faults: SandboxFaults = {};

  get current(): SandboxFaults {
    return { ...this.faults };
  }

  set(faults: SandboxFaults): void {
    this.faults = { ...faults };
  }

  clear(): void {
    this.faults = {};
  }

  get latencyMs(): number {
    return Math.max(0, this.faults.latencyMs ?? 0);
  }

  next(): FaultAction {
    if (this.consume('resetNext')) return { kind: 'reset' };
    if (this.consume('timeoutNext')) return { kind: 'timeout' };
    const retryAfterSeconds = this.faults.retryAfterSeconds ?? 1;
    if (this.consume('rateLimitNext')) return { kind: 'rateLimit', retryAfterSeconds };
    const rate = this.faults.error5xxRate ?? 0;
    if (rate > 0 && Math.random() < rate) {
      const status = Math.random() < 0.5 ? 503 : 502;
      return { kind: 'serverError', status, html: this.faults.htmlErrors === true, retryAfterSeconds };
    }
    return { kind: 'none' };
  }

  /** Decides (consuming the counters) whether this write is cut or refused before it applies, or applied with its answer lost. */
  nextWrite(): WriteFault {
    if (this.consume('resetWriteNext')) return { kind: 'reset' };
    if (this.consume('dropResponseNext')) return { kind: 'drop' };
    if (this.consume('gatewayErrorBeforeWriteNext')) return this.gateway(false);
    if (this.consume('gatewayErrorAfterWriteNext')) return this.gateway(true);
    return { kind: 'none' };
  }

  private gateway(applied: boolean): WriteFault {
    const status = this.faults.gatewayStatus ?? 504;
    return { kind: 'gateway', applied, status, html: this.faults.htmlErrors === true, retryAfterSeconds: this.faults.retryAfterSeconds ?? 1 };
  }

  private consume(key: CountedFault): boolean {
    const left = this.faults[key] ?? 0;
    if (left <= 0) return false;
    this.faults[key] = left - 1;
    return true;
  }
}
