import { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/** A successful tool result: structured data for programs, a concise rendering for the model. */
export function toolResult<T extends Record<string, unknown>>(data: T, text: string): CallToolResult {
  return { structuredContent: data, content: [{ type: 'text', text }] };
}

/** A failed tool result: `isError` with a message that tells the model what to do next. */
export function toolError(message: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: message }] };
}

/** The line that tells the model how to get the next page: cursors only work with the same arguments. */
export function moreHint(what: string, cursor: string): string {
  return `More ${what}: repeat the same call with cursor "${cursor}".`;
}
