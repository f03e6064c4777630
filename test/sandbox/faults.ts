/** Failure modes a test can switch on to prove the client copes with a misbehaving Confluence. */
export interface SandboxFaults {
  latencyMs?: number;
  error5xxRate?: number;
  rateLimitNext?: number;
  retryAfterSeconds?: number;
  timeoutNext?: number;
  resetNext?: number;
  htmlErrors?: boolean;
}

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

  private consume(key: 'resetNext' | 'timeoutNext' | 'rateLimitNext'): boolean {
    const left = this.faults[key] ?? 0;
    if (left <= 0) return false;
    this.faults[key] = left - 1;
    return true;
  }
}
