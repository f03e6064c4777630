import { AppConfig } from '../config/app-config';
import { InvalidEnvironmentError, validateEnvironment } from '../config/environment';

const cloud = { CONFLUENCE_URL: 'https://acme.atlassian.net', CONFLUENCE_USERNAME: 'me@acme.com', CONFLUENCE_API_TOKEN: 't' };
const configOf = (extra: Record<string, string>) => AppConfig.fromEnvironment(validateEnvironment({ ...cloud, ...extra }));

function problemsOf(raw: Record<string, string>): string[] {
  try {
    validateEnvironment({ ...cloud, ...raw });
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) return error.problems;
    throw error;
  }
  return [];
}

describe('HTTP edge and rate-limit settings', () => {
  it('defaults: a body limit that fits an attachment upload, CORS and TLS off, 600/minute in memory', () => {
    const config = configOf({ ATTACHMENT_MAX_BYTES: '3000', MCP_MAX_BODY_BYTES: '', RATE_LIMIT: '', RATE_LIMIT_BURST: '', REDIS_URL: '' });
    expect(config.http).toEqual({ maxBodyBytes: 4000 + 1024 * 1024, corsOrigins: [], tls: undefined });
    expect(config.rateLimit).toEqual({ default: { limit: 600, periodMs: 60_000, burst: 100, text: '600/minute' }, redisUrl: undefined });
  });

  it('reads every setting, and lets CORS origins pass the Origin check too', () => {
    const config = configOf({
      MCP_MAX_BODY_BYTES: '2048',
      MCP_ALLOWED_ORIGINS: 'https://chat.example.com',
      MCP_CORS_ORIGINS: 'https://App.example.com, https://chat.example.com',
      TLS_KEY_FILE: '/tls/key.pem',
      TLS_CERT_FILE: '/tls/cert.pem',
      RATE_LIMIT: '100/minute',
      RATE_LIMIT_BURST: '5',
      REDIS_URL: 'rediss://:secret@redis.internal:6380/0',
    });
    expect(config.http).toEqual({
      maxBodyBytes: 2048,
      corsOrigins: ['https://app.example.com', 'https://chat.example.com'],
      tls: { keyFile: '/tls/key.pem', certFile: '/tls/cert.pem' },
    });
    expect(config.mcp.allowedOrigins).toEqual(['https://chat.example.com', 'https://app.example.com']);
    expect(config.rateLimit).toEqual({ default: { limit: 100, periodMs: 60_000, burst: 5, text: '100/minute' }, redisUrl: 'rediss://:secret@redis.internal:6380/0' });
  });

  it('turns the default limit off with RATE_LIMIT=off', () => {
    expect(configOf({ RATE_LIMIT: 'Off' }).rateLimit.default).toBeUndefined();
  });

  it('names every bad setting', () => {
    const problems = problemsOf({
      MCP_MAX_BODY_BYTES: '10',
      MCP_CORS_ORIGINS: 'https://app.example.com/path',
      TLS_CERT_FILE: '/tls/cert.pem',
      RATE_LIMIT: '100 per minute',
      RATE_LIMIT_BURST: '0',
      REDIS_URL: 'http://redis:6379',
    });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'MCP_CORS_ORIGINS',
      'MCP_MAX_BODY_BYTES',
      'RATE_LIMIT',
      'RATE_LIMIT_BURST',
      'REDIS_URL',
      'TLS_KEY_FILE',
    ]);
    expect(problems.join('\n')).toContain('e.g. 100/minute');
  });
});
