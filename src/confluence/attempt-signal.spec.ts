import { AttemptSignal } from './attempt-signal';

describe('AttemptSignal', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('aborts as timed out once its time is up', () => {
    const attempt = new AttemptSignal(100);
    jest.advanceTimersByTime(99);
    expect(attempt.signal.aborted).toBe(false);
    jest.advanceTimersByTime(1);
    expect(attempt.signal.aborted).toBe(true);
    expect(attempt.timedOut).toBe(true);
    expect((attempt.signal.reason as Error).name).toBe('TimeoutError');
  });

  it('leaves no timer behind once disposed', () => {
    const attempt = new AttemptSignal(100);
    expect(jest.getTimerCount()).toBe(1);
    attempt.dispose();
    expect(jest.getTimerCount()).toBe(0);
    jest.advanceTimersByTime(1_000);
    expect(attempt.signal.aborted).toBe(false);
  });

  it('passes the caller abort reason through, and is not a timeout then', () => {
    const caller = new AbortController();
    const attempt = new AttemptSignal(100, caller.signal);
    caller.abort(new Error('cancelled'));
    expect(attempt.signal.reason).toEqual(new Error('cancelled'));
    expect(attempt.timedOut).toBe(false);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('starts aborted when the caller already cancelled, and detaches from the caller on dispose', () => {
    const already = new AbortController();
    already.abort();
    expect(new AttemptSignal(100, already.signal).signal.aborted).toBe(true);
    const caller = new AbortController();
    const attempt = new AttemptSignal(100, caller.signal);
    attempt.dispose();
    caller.abort();
    expect(attempt.signal.aborted).toBe(false);
  });
});
