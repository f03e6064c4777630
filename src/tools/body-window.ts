/** A slice of a long body, so huge pages can be read in parts without flooding the model's context. */
export interface BodyWindow {
  body: string;
  body_offset: number;
  body_total_chars: number;
  truncated: boolean;
}

/** Cuts `text` to at most `maxChars` from `offset`, never splitting a surrogate pair. */
export function windowBody(text: string, offset: number, maxChars: number): BodyWindow {
  const start = Math.min(offset, text.length);
  let end = Math.min(start + maxChars, text.length);
  if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return { body: text.slice(start, end), body_offset: start, body_total_chars: text.length, truncated: end < text.length };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
