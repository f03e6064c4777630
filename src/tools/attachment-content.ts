import { lookup } from 'mime-types';

/** How downloaded bytes reach the client: a picture the model can see, readable text, or opaque base64. */
export type ContentKind = 'image' | 'text' | 'blob';

/** Downloaded file content, ready to become an MCP content block or resource contents. */
export type AttachmentPayload =
  | { kind: 'text'; mimeType: string; text: string }
  | { kind: 'image' | 'blob'; mimeType: string; base64: string };

const TEXT_APPLICATION_TYPES = new Set([
  'application/json',
  'application/ld+json',
  'application/xml',
  'application/xhtml+xml',
  'application/javascript',
  'application/ecmascript',
  'application/typescript',
  'application/x-javascript',
  'application/yaml',
  'application/x-yaml',
  'application/toml',
  'application/sql',
  'application/graphql',
  'application/x-sh',
  'application/x-httpd-php',
  'application/csv',
  'application/markdown',
  'application/x-ndjson',
]);

/** The bare, lower-case media type of an attachment, falling back to its file name, then to octet-stream. */
export function effectiveMediaType(declared: string | undefined, filename: string): string {
  const bare = declared?.split(';')[0].trim().toLowerCase();
  if (bare && bare !== 'application/octet-stream' && /^[\w.+-]+\/[\w.+-]+$/.test(bare)) return bare;
  return lookup(filename) || 'application/octet-stream';
}

/** The media type a new upload is stored with when the caller names none. */
export function mediaTypeForUpload(filename: string): string {
  return lookup(filename) || 'application/octet-stream';
}

/** Whether a media type is meant to be read as text (SVG included: it is XML a model can read, not a picture it can see). */
export function isTextType(mediaType: string): boolean {
  return (
    mediaType.startsWith('text/') ||
    TEXT_APPLICATION_TYPES.has(mediaType) ||
    mediaType.endsWith('+json') ||
    mediaType.endsWith('+xml') ||
    mediaType.endsWith('+yaml')
  );
}

/**
 * Chooses how to deliver downloaded bytes: images as images, text types as
 * text when they are valid UTF-8, and everything else (or text that is not
 * UTF-8) as base64, so nothing is ever mangled by a wrong decoding.
 */
export function toPayload(mediaType: string, bytes: Buffer): AttachmentPayload {
  if (mediaType.startsWith('image/') && !isTextType(mediaType)) {
    return { kind: 'image', mimeType: mediaType, base64: bytes.toString('base64') };
  }
  if (isTextType(mediaType)) {
    const text = utf8(bytes);
    if (text !== undefined) return { kind: 'text', mimeType: mediaType, text };
  }
  return { kind: 'blob', mimeType: mediaType, base64: bytes.toString('base64') };
}

function utf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
