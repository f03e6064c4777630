import { IncomingMessage } from 'node:http';
import { badRequest, unsupportedMediaType } from './errors';
import { RouteContext } from './route-context';

/** Reads the whole request body; the sandbox's writes are small. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function isWrite(method: string): boolean {
  return method === 'POST' || method === 'PUT' || method === 'DELETE';
}

/** The body parsed as JSON for the request log, or undefined when it is empty or not JSON. */
export function jsonOf(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** A JSON write body: 415 for another media type, 400 for JSON that does not parse, as Confluence answers. */
export function jsonBody(ctx: RouteContext): unknown {
  const contentType = ctx.headers['content-type'];
  if (!contentType?.toLowerCase().startsWith('application/json')) throw unsupportedMediaType(contentType);
  try {
    return JSON.parse(ctx.body.toString('utf8'));
  } catch {
    throw badRequest('Unable to parse the request body as JSON');
  }
}

/** A multipart/form-data body, parsed by the platform's own (undici) form-data parser. */
export async function multipartBody(ctx: RouteContext): Promise<FormData> {
  const contentType = ctx.headers['content-type'];
  if (!contentType?.toLowerCase().startsWith('multipart/form-data')) throw unsupportedMediaType(contentType);
  try {
    return await new Response(ctx.body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw badRequest('Unable to parse the multipart request body');
  }
}
