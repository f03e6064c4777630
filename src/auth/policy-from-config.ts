import { AppConfig } from '../config/app-config';
import { ToolPolicy } from './tool-policy';

/** The policy of the configured (local) caller: everything, unless the deployment is read-only. */
export function policyFromConfig(config: AppConfig): ToolPolicy {
  return new ToolPolicy({ readOnly: config.confluence.readOnly, tools: 'all', toolsets: 'all', spaces: 'all' });
}
