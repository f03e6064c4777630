import { performance } from 'node:perf_hooks';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { CallToolRequestSchema, ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { RejectedCall, RejectedToolCalls } from '../common/rejected-tool-calls';
import { HandlerExtra, RequestHandler, wrapRequestHandlers } from './mcp-server-hooks';
import { toolTraits } from './tool-catalog';

/** mcp-nest 1.9 answers arguments its zod validation refuses with an `isError` result starting so. */
const INVALID_ARGUMENTS_PREFIX = 'Invalid parameters:';

type CallRequest = { params: { name: string; arguments?: unknown } };
type CallResult = { isError?: boolean; content?: { type: string; text?: string }[] };

/**
 * Reports tool calls that are answered without the tool running, so metrics and
 * audit see every call. Applied outermost, so it also sees policy refusals.
 */
export function rejectionsServerMutator(rejections: RejectedToolCalls): (server: McpServer) => McpServer {
  const observe = (handler: RequestHandler): RequestHandler => async (request, extra) => {
    const { params } = request as CallRequest;
    const tool = toolTraits(params.name) ? params.name : 'unknown';
    const startedAt = performance.now();
    const call = (): RejectedCall => refusedCall(params, extra, startedAt);
    try {
      const result = (await handler(request, extra)) as CallResult;
      if (refusedArguments(result)) rejections.report(tool, 'invalid_arguments', call());
      return result;
    } catch (error) {
      if (error instanceof McpError && error.code === ErrorCode.MethodNotFound) rejections.report(tool, 'unknown_tool', call());
      throw error;
    }
  };
  return (server) => wrapRequestHandlers(server, new Map([[CallToolRequestSchema, observe]]));
}

function refusedCall(params: CallRequest['params'], extra: HandlerExtra, startedAt: number): RejectedCall {
  return {
    name: params.name,
    args: params.arguments,
    requestId: extra.requestId,
    authInfo: extra.authInfo,
    durationMs: performance.now() - startedAt,
  };
}

function refusedArguments(result: CallResult): boolean {
  const first = result.content?.[0];
  return result.isError === true && first?.type === 'text' && (first.text ?? '').startsWith(INVALID_ARGUMENTS_PREFIX);
}
