import { ExecutionContext } from '@nestjs/common';
import { MCP_TOOL_METADATA_KEY } from '@rekog/mcp-nest';

/** The execution-context type tool interceptors see (HTTP interceptors see `http`). */
export const TOOL_CONTEXT_TYPE = 'mcp-tool';

/** What an interceptor needs to know about one tool call. */
export interface ToolCall {
  name: string;
  args: Record<string, unknown>;
  /** The HTTP request (Streamable HTTP), or undefined under stdio. */
  request: unknown;
}

/** Reads the tool call out of an interceptor's execution context; undefined when it is not a tool call. */
export function toolCallOf(context: ExecutionContext): ToolCall | undefined {
  if (context.getType<string>() !== TOOL_CONTEXT_TYPE) return undefined;
  const metadata = Reflect.getMetadata(MCP_TOOL_METADATA_KEY, context.getHandler()) as { name?: string } | undefined;
  const [args, , request] = context.getArgs<[Record<string, unknown> | undefined, unknown, unknown]>();
  return { name: metadata?.name ?? context.getHandler().name, args: args ?? {}, request };
}

/** The three ways a tool call can end, as counted in metrics and audit. */
export type ToolOutcome = 'success' | 'error' | 'thrown';

/** A tool result that reports failure to the model (`isError: true`) still counts as returned, not thrown. */
export function outcomeOf(result: unknown): ToolOutcome {
  const isError = typeof result === 'object' && result !== null && (result as { isError?: unknown }).isError === true;
  return isError ? 'error' : 'success';
}
