import { isLoopback } from '../../config/app-config';
import type { Environment } from '../../config/environment';

/**
 * Start-up refusals of unsafe or contradictory authentication settings: an
 * HTTP server reachable beyond this machine must have keys (or an explicit
 * MCP_AUTH=none), and a client's spaces must overlap the deployment's.
 */
export function authProblems(env: Environment): string[] {
  const problems: string[] = [];
  const hasKeys = env.apiClients.length > 0;
  if (env.MCP_AUTH === 'none' && hasKeys) {
    problems.push('MCP_AUTH: is "none" but API keys are configured (MCP_API_KEYS_FILE / MCP_API_KEYS); remove one of them');
  }
  if (env.MCP_TRANSPORT === 'http' && env.MCP_AUTH !== 'none' && !hasKeys && typeof env.MCP_HOST === 'string' && !isLoopback(env.MCP_HOST)) {
    problems.push(
      `MCP_HOST: ${env.MCP_HOST} is reachable from other machines, but no API keys are configured; ` +
        'create one with "npm run keys:new -- --name <client>" and set MCP_API_KEYS_FILE or MCP_API_KEYS ' +
        '(or set MCP_AUTH=none if a proxy in front authenticates every request)',
    );
  }
  const deploymentSpaces = env.CONFLUENCE_SPACES;
  for (const client of env.apiClients) {
    const spaces = client.policy?.spaces;
    if (deploymentSpaces && spaces && !spaces.some((key) => deploymentSpaces.includes(key))) {
      problems.push(`MCP_API_KEYS_FILE: client ${client.id}: policy.spaces has no space in CONFLUENCE_SPACES, so it could reach nothing`);
    }
  }
  return problems;
}
