import { Logger } from '@nestjs/common';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { ConfluenceError } from '../confluence/confluence.errors';
import { describeConfluenceError } from '../tools/describe-confluence-error';
import { ToolFailure } from '../tools/tool-failure';

/** The MCP specification's code for a resource that does not exist (there is no constant for it in the SDK). */
export const RESOURCE_NOT_FOUND = -32002;

const logger = new Logger('Resources');

/**
 * An McpError whose message is only the text given. The SDK's McpError prefixes
 * "MCP error <code>: " to its message, the server sends that message as is and
 * the client prefixes it again; keeping the bare text leaves one prefix at the client.
 */
class ResourceReadError extends McpError {
  constructor(code: number, message: string, uri: string) {
    super(code, message, { uri });
    this.message = message;
  }
}

/**
 * Turns any failure of a resources/read into a JSON-RPC error with a message
 * the client can act on. mcp-nest would otherwise pass `error.message` through
 * as an internal error; here unexpected failures are logged and reported
 * without internals, like the tools' error edge does. `args` names what was
 * asked for (e.g. `page_id`), so a lookup that failed can say which.
 */
export function resourceError(error: unknown, uri: string, args: Record<string, unknown> = {}): McpError {
  if (error instanceof McpError) return error;
  if (error instanceof ToolFailure) {
    return new ResourceReadError(error.kind === 'policy' ? ErrorCode.InvalidRequest : ErrorCode.InvalidParams, error.message, uri);
  }
  if (error instanceof ConfluenceError) {
    const code = error.kind === 'not_found' ? RESOURCE_NOT_FOUND : ErrorCode.InternalError;
    return new ResourceReadError(code, describeConfluenceError(error, args), uri);
  }
  logger.error({ err: error, uri }, `Unexpected failure reading ${uri}`);
  return new ResourceReadError(ErrorCode.InternalError, `Reading ${uri} failed unexpectedly; the error was logged on the server.`, uri);
}
