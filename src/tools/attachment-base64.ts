import { ToolFailure } from './tool-failure';

/** File content as the caller sent it, decoded. */
export interface DecodedContent {
  bytes: Buffer;
  /** The media type of a `data:` URL, when the content came as one. */
  dataUrlMediaType?: string;
}

const DATA_URL = /^data:([\w.+-]+\/[\w.+-]+)?(?:;[\w-]+=[^;,]*)*;base64,/i;
const ALPHABET = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Decodes upload content strictly, refusing anything over `maxBytes` before
 * it is decoded: the decoded size follows from the length alone, so an
 * oversized upload costs no buffer and never reaches Confluence.
 *
 * Strict means the standard alphabet with its `=` padding and canonical final
 * bits: a file path or a truncated string is refused rather than uploaded as
 * garbage. Line breaks (MIME-style wrapping) and a `data:…;base64,` prefix are
 * accepted, since they leave the meaning unambiguous.
 */
export function decodeBase64Content(input: string, maxBytes: number): DecodedContent {
  const dataUrl = DATA_URL.exec(input.trimStart());
  const encoded = (dataUrl ? input.trimStart().slice(dataUrl[0].length) : input).replace(/\s+/g, '');
  const expectedBytes = decodedLength(encoded);
  if (expectedBytes > maxBytes) throw tooLarge(expectedBytes, maxBytes);
  assertWellFormed(encoded);
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes);
  if (bytes.length === 0) throw new ToolFailure('content_base64 is empty; give the file content, base64-encoded.');
  if (bytes.toString('base64') !== encoded) throw malformed('its final characters carry bits that are not part of the content (not canonical base64)');
  return { bytes, dataUrlMediaType: dataUrl?.[1]?.toLowerCase() };
}

/** Bytes a padded base64 string decodes to, by arithmetic only. */
function decodedLength(encoded: string): number {
  const padding = encoded.endsWith('==') ? 2 : encoded.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((encoded.length * 3) / 4) - padding);
}

function assertWellFormed(encoded: string): void {
  if (!ALPHABET.test(encoded)) {
    const at = encoded.search(/[^A-Za-z0-9+/=]/);
    const what =
      at >= 0
        ? `it contains ${JSON.stringify(encoded[at])} at position ${at}, which is not in the base64 alphabet (A-Z a-z 0-9 + /)`
        : '"=" padding may only appear at the end, at most twice';
    throw malformed(what);
  }
  if (encoded.length % 4 !== 0) {
    throw malformed(`its length (${encoded.length} characters) is not a multiple of 4; include the "=" padding`);
  }
}

function malformed(why: string): ToolFailure {
  return new ToolFailure(
    `content_base64 is not valid base64: ${why}. Send the file's bytes encoded as standard base64 (not a file path or URL).`,
  );
}

function tooLarge(bytes: number, maxBytes: number): ToolFailure {
  return new ToolFailure(
    `The file is ${bytes} bytes, more than the ${maxBytes}-byte upload limit of this server (ATTACHMENT_MAX_BYTES). ` +
      'Nothing was uploaded; upload a smaller file.',
  );
}
