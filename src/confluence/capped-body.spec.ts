import { Readable } from 'node:stream';
import { readCappedBody } from './capped-body';
import { ConfluenceDownloadTooLargeError } from './download-too-large.error';

/** A stream of `count` chunks of `size` bytes that records how many chunks were pulled from it. */
function chunks(count: number, size: number): { stream: Readable; pulled: () => number } {
  let pulled = 0;
  const stream = Readable.from(
    (function* () {
      for (let i = 0; i < count; i++) {
        pulled++;
        yield Buffer.alloc(size, i);
      }
    })(),
  );
  return { stream, pulled: () => pulled };
}

describe('readCappedBody', () => {
  it('returns every byte of a body within the cap, the cap itself included', async () => {
    const { stream } = chunks(4, 256);
    const body = await readCappedBody(stream, 1024, '1024');
    expect(body).toHaveLength(1024);
    expect(body[1023]).toBe(3);
  });

  it('refuses an announced Content-Length over the cap without pulling a chunk', async () => {
    const { stream, pulled } = chunks(4, 256);
    const error = await readCappedBody(stream, 1023, '1024').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceDownloadTooLargeError);
    expect(error).toMatchObject({ limitBytes: 1023, sizeBytes: 1024 });
    expect(pulled()).toBe(0);
    expect(stream.destroyed).toBe(true);
  });

  it('stops at the chunk that crosses the cap when no length was announced', async () => {
    const { stream, pulled } = chunks(1000, 1024);
    const error = await readCappedBody(stream, 10 * 1024, undefined).catch((e: unknown) => e);
    expect(error).toMatchObject({ limitBytes: 10 * 1024, sizeBytes: undefined });
    expect(pulled()).toBeLessThanOrEqual(12);
    expect(stream.destroyed).toBe(true);
  });
});
