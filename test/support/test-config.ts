import { AppConfig } from '../../src/config/app-config';
import { validateEnvironment } from '../../src/config/environment';
import { ConfluenceSandbox } from '../sandbox/confluence-sandbox';

export type Layout = 'cloud' | 'datacenter';

/**
 * Environment variables that point the server at a running sandbox, as a deployment would set them.
 * The audit trail goes to /dev/null unless a test asks for it, so suites do not flood the test output.
 */
export function sandboxEnv(sandbox: ConfluenceSandbox, layout: Layout, extra: Record<string, string> = {}): Record<string, string> {
  const credentials: Record<string, string> =
    layout === 'cloud'
      ? { CONFLUENCE_USERNAME: 'sandbox@example.com', CONFLUENCE_API_TOKEN: 'sandbox-api-token' }
      : { CONFLUENCE_PERSONAL_TOKEN: 'sandbox-pat' };
  return {
    CONFLUENCE_URL: layout === 'cloud' ? sandbox.cloudUrl : sandbox.dataCenterUrl,
    CONFLUENCE_DEPLOYMENT: layout,
    CONFLUENCE_TIMEOUT_MS: '2000',
    CONFLUENCE_MAX_RETRIES: '2',
    MCP_TRANSPORT: 'http',
    MCP_HOST: '127.0.0.1',
    MCP_PORT: '0',
    LOG_LEVEL: 'warn',
    AUDIT_LOG_FILE: '/dev/null',
    ...credentials,
    ...extra,
  };
}

/** The typed configuration the app would build from `sandboxEnv`. */
export function sandboxConfig(sandbox: ConfluenceSandbox, layout: Layout, extra: Record<string, string> = {}): AppConfig {
  return AppConfig.fromEnvironment(validateEnvironment(sandboxEnv(sandbox, layout, extra)));
}
