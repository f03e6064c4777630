import { AppConfig, detectDeployment, siteBaseUrl } from './app-config';
import { InvalidEnvironmentError, validateEnvironment } from './environment';

const cloud = { CONFLUENCE_URL: 'https://acme.atlassian.net', CONFLUENCE_USERNAME: 'me@acme.com', CONFLUENCE_API_TOKEN: 't' };

function problemsOf(raw: Record<string, string>): string[] {
  try {
    validateEnvironment(raw);
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) return error.problems;
    throw error;
  }
  return [];
}

describe('validateEnvironment', () => {
  it('applies defaults and converts types', () => {
    const env = validateEnvironment(cloud);
    expect(env).toMatchObject({ MCP_TRANSPORT: 'http', MCP_HOST: '127.0.0.1', MCP_PORT: 3000, CONFLUENCE_TIMEOUT_MS: 15000, LOG_FORMAT: 'json' });
    expect(validateEnvironment({ ...cloud, MCP_PORT: ' 8080 ', CONFLUENCE_READ_ONLY: 'TRUE' })).toMatchObject({
      MCP_PORT: 8080,
      CONFLUENCE_READ_ONLY: true,
    });
  });

  it('names every bad variable on its own line', () => {
    const problems = problemsOf({ ...cloud, CONFLUENCE_URL: 'ftp://x', MCP_PORT: '70000', LOG_FORMAT: 'xml', CONFLUENCE_MAX_RETRIES: '-1' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['CONFLUENCE_MAX_RETRIES', 'CONFLUENCE_URL', 'LOG_FORMAT', 'MCP_PORT']);
  });

  it('reads the policy settings: spaces upper-cased, tools and toolsets checked against what exists', () => {
    const env = validateEnvironment({
      ...cloud,
      CONFLUENCE_SPACES: ' eng, ~alice ,ENG',
      MCP_ENABLED_TOOLS: 'Confluence_Get_Page',
      MCP_TOOLSETS: 'read, pages',
      ATTACHMENT_MAX_BYTES: '1024',
    });
    expect(env).toMatchObject({
      CONFLUENCE_SPACES: ['ENG', '~alice'],
      MCP_ENABLED_TOOLS: ['confluence_get_page'],
      MCP_TOOLSETS: ['read', 'pages'],
      ATTACHMENT_MAX_BYTES: 1024,
    });
    expect(validateEnvironment(cloud).ATTACHMENT_MAX_BYTES).toBe(10 * 1024 * 1024);
    const problems = problemsOf({ ...cloud, MCP_ENABLED_TOOLS: 'confluence_nuke', MCP_TOOLSETS: 'admin', CONFLUENCE_SPACES: 'a b' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['CONFLUENCE_SPACES', 'MCP_ENABLED_TOOLS', 'MCP_TOOLSETS']);
    expect(problems.join('\n')).toContain('confluence_create_page');
  });

  it('reads MCP_TRUST_PROXY as a hop count or a list of proxy addresses', () => {
    const config = (value: string) => AppConfig.fromEnvironment(validateEnvironment({ ...cloud, MCP_TRUST_PROXY: value })).http.trustProxy;
    expect(config('1')).toBe(1);
    expect(config('loopback, 10.0.0.0/8')).toEqual(['loopback', '10.0.0.0/8']);
    expect(AppConfig.fromEnvironment(validateEnvironment(cloud)).http.trustProxy).toBeUndefined();
    expect(problemsOf({ ...cloud, MCP_TRUST_PROXY: 'everyone' }).map((p) => p.split(':')[0])).toEqual(['MCP_TRUST_PROXY']);
  });

  it('requires credentials, and both halves of basic auth', () => {
    expect(problemsOf({ CONFLUENCE_URL: 'https://wiki.example.com' })).toEqual([expect.stringMatching(/^CONFLUENCE_API_TOKEN: no Confluence credentials/)]);
    expect(problemsOf({ CONFLUENCE_URL: 'https://x.atlassian.net', CONFLUENCE_API_TOKEN: 't' })[0]).toMatch(/^CONFLUENCE_USERNAME:/);
  });
});

describe('deployment and base URL', () => {
  it('detects Cloud from atlassian.net and puts the API under /wiki', () => {
    expect(detectDeployment(new URL('https://acme.atlassian.net'))).toBe('cloud');
    expect(siteBaseUrl('https://acme.atlassian.net', 'cloud')).toBe('https://acme.atlassian.net/wiki');
    expect(siteBaseUrl('https://acme.atlassian.net/wiki/', 'cloud')).toBe('https://acme.atlassian.net/wiki');
    expect(siteBaseUrl('https://acme.atlassian.net/wiki/spaces/ENG/overview', 'cloud')).toBe('https://acme.atlassian.net/wiki');
  });

  it('keeps a gateway path in front of /wiki for Cloud reached through a proxy', () => {
    expect(siteBaseUrl('https://gw.corp/atlassian/wiki', 'cloud')).toBe('https://gw.corp/atlassian/wiki');
    expect(siteBaseUrl('https://gw.corp/atlassian/wiki/spaces/X', 'cloud')).toBe('https://gw.corp/atlassian/wiki');
    expect(siteBaseUrl('https://gw.corp/atlassian', 'cloud')).toBe('https://gw.corp/atlassian/wiki');
  });

  it('treats anything else as Data Center at its base URL', () => {
    expect(detectDeployment(new URL('https://wiki.example.com/confluence'))).toBe('datacenter');
    expect(siteBaseUrl('https://wiki.example.com/confluence/', 'datacenter')).toBe('https://wiki.example.com/confluence');
  });

  it('builds basic auth for Cloud and bearer for a personal token', () => {
    expect(AppConfig.fromEnvironment(validateEnvironment(cloud)).confluence.connection).toMatchObject({
      deployment: 'cloud',
      auth: { kind: 'basic', username: 'me@acme.com' },
    });
    const dc = validateEnvironment({ CONFLUENCE_URL: 'https://wiki.example.com', CONFLUENCE_PERSONAL_TOKEN: 'pat' });
    expect(AppConfig.fromEnvironment(dc).confluence.connection.auth).toEqual({ kind: 'bearer', token: 'pat' });
  });

  it('uses the credential form each deployment expects when both are set', () => {
    const both = { CONFLUENCE_USERNAME: 'me@acme.com', CONFLUENCE_API_TOKEN: 't', CONFLUENCE_PERSONAL_TOKEN: 'pat' };
    const cloudConfig = AppConfig.fromEnvironment(validateEnvironment({ ...both, CONFLUENCE_URL: 'https://acme.atlassian.net' }));
    const dcConfig = AppConfig.fromEnvironment(validateEnvironment({ ...both, CONFLUENCE_URL: 'https://wiki.example.com' }));
    expect(cloudConfig.confluence.connection.auth.kind).toBe('basic');
    expect(dcConfig.confluence.connection.auth.kind).toBe('bearer');
  });

  it('turns on Host checks for loopback binds only', () => {
    expect(AppConfig.fromEnvironment(validateEnvironment(cloud)).mcp.allowedHosts).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(AppConfig.fromEnvironment(validateEnvironment({ ...cloud, MCP_HOST: '0.0.0.0', MCP_AUTH: 'none' })).mcp.allowedHosts).toBeUndefined();
    const listed = validateEnvironment({ ...cloud, MCP_ALLOWED_HOSTS: 'MCP.example.com, localhost', MCP_ALLOWED_ORIGINS: 'https://A.example' });
    expect(AppConfig.fromEnvironment(listed).mcp).toMatchObject({ allowedHosts: ['mcp.example.com', 'localhost'], allowedOrigins: ['https://a.example'] });
    const blank = AppConfig.fromEnvironment(validateEnvironment({ ...cloud, MCP_ALLOWED_HOSTS: ' ', MCP_ALLOWED_ORIGINS: '' }));
    expect(blank.mcp).toMatchObject({ allowedHosts: ['localhost', '127.0.0.1', '[::1]'], allowedOrigins: [] });
    const ownAddress = AppConfig.fromEnvironment(validateEnvironment({ ...cloud, MCP_HOST: '127.0.0.2' }));
    expect(ownAddress.mcp.allowedHosts).toContain('127.0.0.2');
  });
});
