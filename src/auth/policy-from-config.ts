import { AppConfig } from '../config/app-config';
import { ToolPolicy } from './tool-policy';

/** The policy of the configured (local) caller: read-only mode, enabled tools and toolsets, and allowed spaces. */
export function policyFromConfig(config: AppConfig): ToolPolicy {
  return new ToolPolicy({
    readOnly: config.confluence.readOnly,
    tools: asSet(config.mcp.enabledTools),
    toolsets: asSet(config.mcp.toolsets),
    spaces: asSet(config.confluence.spaces),
  });
}

function asSet(values: string[] | undefined): 'all' | ReadonlySet<string> {
  return values === undefined ? 'all' : new Set(values);
}
