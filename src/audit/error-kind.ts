import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { ConfluenceError } from '../confluence/confluence.errors';
import { ToolFailure } from '../tools/tool-failure';

/**
 * The kind of failure behind a tool call, in the vocabulary of the error edge
 * (tool-errors.interceptor): Confluence's error kinds, the tool's own refusals
 * (`invalid_input`, `policy`), a cancelled call, a protocol error, or a bug.
 */
export function errorKindOf(error: unknown): string {
  if (error instanceof ToolFailure) return error.kind;
  if (error instanceof ConfluenceError) return error.kind;
  if (error instanceof McpError) return 'protocol';
  if (error instanceof Error && error.name === 'AbortError') return 'cancelled';
  return 'internal';
}
