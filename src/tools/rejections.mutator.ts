import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { CallToolRequestSchema, ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { RejectedToolCalls } from '../common/rejected-tool-calls';
import { RequestHandler, wrapRequestHandlers } from './mcp-server-hooks';
import { toolTraits } from './tool-catalog';

/** mcp-nest 1.9 answers arguments its zod validation refuses with an `isError` result starting so. */
const INVALID_ARGUMENTS_PREFIX = 'Invalid parameters:';

type CallRequest = { params: { name: string } };
type CallResult = { isError?: boolean; content?: { type: string; text?: string }[] };

/**
 * Reports tool calls that are answered without the tool running, so metrics and
 * audit see every call. Applied outermost, so it also sees policy refusals.
 */
export function rejectionsServerMutator(rejections: RejectedToolCalls): (server: McpServer) => McpServer {
  const observe = (handler: RequestHandler): RequestHandler => async (request, extra) => {
    const name = (request as CallRequest).params.name;
    const tool = toolTraits(name) ? name : 'unknown';
    try {
      const result = (await handler(request, extra)) as CallResult;
      if (refusedArguments(result)) rejections.report(tool, 'invalid_arguments');
      return result;
    } catch (error) {
      if (error instanceof McpError && error.code === ErrorCode.MethodNotFound) rejections.report(tool, 'unknown_tool');
      throw error;
    }
  };
  return (server) => wrapRequestHandlers(server, new Map([[CallToolRequestSchema, observe]]));
}

function refusedArguments(result: CallResult): boolean {
  const first = result.content?.[0];
  return result.isError === true && first?.type === 'text' && (first.text ?? '').startsWith(INVALID_ARGUMENTS_PREFIX);
}
