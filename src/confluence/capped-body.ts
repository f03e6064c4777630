import type { Readable } from 'node:stream';
import { ConfluenceDownloadTooLargeError } from './download-too-large.error';

/**
 * Reads a response body into memory, but never more than `maxBytes`: a larger announced
 * Content-Length is refused before reading, and a body that grows past the cap is abandoned
 * at the chunk that crosses it (the stream is destroyed, which closes the connection).
 */
export async function readCappedBody(body: Readable, maxBytes: number, contentLength: string | undefined): Promise<Buffer> {
  const announced = contentLength === undefined ? NaN : Number(contentLength);
  if (Number.isFinite(announced) && announced > maxBytes) {
    abandon(body);
    throw new ConfluenceDownloadTooLargeError(maxBytes, announced);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    total += bytes.length;
    if (total > maxBytes) {
      abandon(body);
      throw new ConfluenceDownloadTooLargeError(maxBytes);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, total);
}

/** undici reports a destroyed body as an abort error; nobody is reading it any more, so that error is expected. */
function abandon(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}
