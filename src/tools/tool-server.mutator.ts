import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ToolPolicy } from '../auth/tool-policy';
import { ToolCallHooks } from '../common/tool-call-hooks.module';
import { cancellationServerMutator } from './cancellation.mutator';
import { rejectionsServerMutator } from './rejections.mutator';
import { policyServerMutator } from './tool-policy.mutator';

/**
 * Everything this server adds inside each MCP server mcp-nest builds, in call
 * order: report rejected calls (outermost, so it sees policy refusals), enforce
 * the tool policy, then hand the cancellation signal to the tool.
 */
export function toolServerMutator(hooks: ToolCallHooks, localPolicy: ToolPolicy): (server: McpServer) => McpServer {
  const withRejections = rejectionsServerMutator(hooks.rejections);
  const withPolicy = policyServerMutator(localPolicy);
  const withCancellation = cancellationServerMutator(hooks.cancellation);
  return (server) => withCancellation(withPolicy(withRejections(server)));
}
