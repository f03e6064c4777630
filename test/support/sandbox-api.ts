import { ConfluenceApiFactory } from '../../src/confluence/confluence-api.factory';
import { ConfluenceHttpClient } from '../../src/confluence/confluence-http.client';
import { ConfluenceApi, ConfluenceConnection } from '../../src/confluence/confluence.types';
import { ConfluenceSandbox } from '../sandbox/confluence-sandbox';
import { RecordedRequest } from '../sandbox/sandbox-model';
import { Layout } from './test-config';

/** What a spec gets from `useSandboxApi`: the sandbox and, inside tests, the real API of one layout pointed at it. */
export interface SandboxApi {
  sandbox: ConfluenceSandbox;
  api(): ConfluenceApi;
  /** Writes the sandbox received (POST/PUT/DELETE), oldest first. */
  writes(): RecordedRequest[];
}

/**
 * Registers jest hooks that start a fresh sandbox (Data Center under `/confluence`, to exercise context
 * paths) and build the real `ConfluenceApi` of `layout` on the real HTTP client; every test starts from
 * the seed data with no faults.
 */
export function useSandboxApi(layout: Layout): SandboxApi {
  const sandbox = new ConfluenceSandbox({ dataCenterContextPath: '/confluence' });
  let http: ConfluenceHttpClient | undefined;
  let api: ConfluenceApi | undefined;

  beforeAll(async () => {
    await sandbox.start();
    http = new ConfluenceHttpClient(
      { timeoutMs: 2_000, maxRetries: 2, retryBaseMs: 5, retryMaxDelayMs: 20, deadlineMs: 10_000, userAgent: 'confluence-writes-test' },
      { observe: () => undefined },
    );
    api = new ConfluenceApiFactory(http).forConnection(connectionFor(sandbox, layout));
  });

  beforeEach(() => sandbox.reset());

  afterAll(async () => {
    await http?.onModuleDestroy();
    await sandbox.stop();
  });

  return {
    sandbox,
    api: () => {
      if (!api) throw new Error('the API is not built yet (use it inside a test)');
      return api;
    },
    writes: () => sandbox.requests.filter((r) => r.method !== 'GET'),
  };
}

function connectionFor(sandbox: ConfluenceSandbox, layout: Layout): ConfluenceConnection {
  const { username, apiToken, personalToken } = sandbox.credentials;
  return layout === 'cloud'
    ? { id: 'writes-cloud', deployment: 'cloud', baseUrl: sandbox.cloudUrl, auth: { kind: 'basic', username, apiToken } }
    : { id: 'writes-dc', deployment: 'datacenter', baseUrl: sandbox.dataCenterUrl, auth: { kind: 'bearer', token: personalToken } };
}
