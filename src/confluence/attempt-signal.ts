/**
 * The abort signal for one attempt: fires when the caller cancels or when the attempt's time is up.
 * A plain timer rather than `AbortSignal.timeout`, so `dispose()` can clear it and no timer outlives its attempt.
 */
export class AttemptSignal {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private timedOutFlag = false;

  constructor(
    readonly timeoutMs: number,
    private readonly caller?: AbortSignal,
  ) {
    this.timer = setTimeout(() => this.expire(), timeoutMs);
    if (caller?.aborted) this.onCallerAbort();
    else caller?.addEventListener('abort', this.onCallerAbort, { once: true });
  }

  /** The signal to hand to the transport. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Whether the attempt ran out of time (as opposed to being cancelled by the caller). */
  get timedOut(): boolean {
    return this.timedOutFlag;
  }

  /** Clears the timer and the caller listener; call once the attempt is over, however it ended. */
  dispose(): void {
    clearTimeout(this.timer);
    this.caller?.removeEventListener('abort', this.onCallerAbort);
  }

  private readonly onCallerAbort = (): void => {
    clearTimeout(this.timer);
    this.controller.abort(this.caller?.reason);
  };

  private expire(): void {
    this.timedOutFlag = true;
    this.controller.abort(new DOMException(`The attempt timed out after ${this.timeoutMs} ms.`, 'TimeoutError'));
  }
}
