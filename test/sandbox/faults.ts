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
}

/** What happens to one write request on top of the faults every request gets. */
export type WriteFault = 'none' | 'drop' | 'reset';

/** What the sandbox should do with one incoming request. */
export type FaultAction =
  | { kind: 'none' }
  | { kind: 'reset' }
  | { kind: 'timeout' }
  | { kind: 'rateLimit'; retryAfterSeconds: number }
  | { kind: 'serverError'; status: 502 | 503; html: boolean; retryAfterSeconds: number };

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

  /** Decides (consuming the counters) whether this write is reset before it applies, or applied with its answer dropped. */
  nextWrite(): WriteFault {
    if (this.consume('resetWriteNext')) return 'reset';
    if (this.consume('dropResponseNext')) return 'drop';
    return 'none';
  }

  private consume(key: 'resetNext' | 'timeoutNext' | 'rateLimitNext' | 'dropResponseNext' | 'resetWriteNext'): boolean {
    const left = this.faults[key] ?? 0;
    if (left <= 0) return false;
    this.faults[key] = left - 1;
    return true;
  }
}
