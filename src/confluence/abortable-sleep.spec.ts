import { abortableSleep } from './abortable-sleep';
import { RequestCancelledError } from './request-cancelled.error';

describe('abortableSleep', () => {
  it('waits the given time', async () => {
    const started = Date.now();
    await abortableSleep(20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });

  it('rejects with one error type whatever the abort reason was', async () => {
    const controller = new AbortController();
    const sleeping = abortableSleep(10_000, controller.signal);
    controller.abort('user pressed stop');
    await expect(sleeping).rejects.toBeInstanceOf(RequestCancelledError);
    await expect(abortableSleep(10, AbortSignal.abort(new Error('gone')))).rejects.toMatchObject({ name: 'AbortError' });
  });
});
