import type { IncomingMessage, ServerResponse } from 'node:http';

/** Deepest nesting of arrays and objects a request body may have; MCP messages need a handful of levels. */
export const MAX_JSON_DEPTH = 100;

/** Why a body was refused before parsing; body-parser hands it to the body error handler as a 400. */
class JsonTooDeepError extends Error {
  readonly status = 400;
  readonly type = 'entity.too.deep';
}

/**
 * A body-parser `verify` hook that refuses JSON nested deeper than `maxDepth`
 * before it is parsed. Code downstream walks the parsed body recursively
 * (mcp-nest stringifies every request body, zod validates it), so a few
 * kilobytes of `[[[[…]]]]` would otherwise overflow the stack and answer 500.
 */
export function rejectDeepJson(maxDepth = MAX_JSON_DEPTH): (req: IncomingMessage, res: ServerResponse, body: Buffer) => void {
  return (_req, _res, body) => {
    if (depthExceeds(body, maxDepth)) throw new JsonTooDeepError(`JSON nested deeper than ${maxDepth} levels`);
  };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]);
const CLOSERS = new Set([0x5d, 0x7d]);

/** Scans the raw bytes once, skipping string contents (UTF-8 continuation bytes never equal these ASCII codes). */
function depthExceeds(body: Buffer, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (OPENERS.has(byte)) {
      if (++depth > maxDepth) return true;
    } else if (CLOSERS.has(byte)) depth--;
  }
  return false;
}
