import { SEED } from './sandbox/seed';
import { useSandboxApp } from './support/sandbox-app';
import { Layout } from './support/test-config';
import { callTool, dataOf, textOf } from './support/tool-calls';

describe.each<Layout>(['cloud', 'datacenter'])('Confluence failures become clear tool errors (%s)', (layout) => {
  const { sandbox, client } = useSandboxApp(layout);

  beforeEach(() => {
    sandbox.clearFaults();
    sandbox.clearRequests();
  });

  const getHome = () => callTool(client(), 'confluence_get_page', { page_id: SEED.pages.home.id });

  it('retries a 429 after Retry-After and succeeds', async () => {
    sandbox.setFaults({ rateLimitNext: 1, retryAfterSeconds: 1 });
    const result = await getHome();
    expect(dataOf(result).id).toBe(SEED.pages.home.id);
    expect(sandbox.requests.filter((r) => r.status === 429)).toHaveLength(1);
  });

  it('gives up on a lasting 429 with a rate-limit error saying when to retry', async () => {
    sandbox.setFaults({ rateLimitNext: 10, retryAfterSeconds: 1 });
    const result = await getHome();
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/rate limit/i);
    expect(textOf(result)).toMatch(/Retry after \d+ s/);
  });

  it('retries a dropped connection', async () => {
    sandbox.setFaults({ resetNext: 1 });
    expect(dataOf(await getHome()).id).toBe(SEED.pages.home.id);
    expect(sandbox.requests.map((r) => r.status)).toEqual([0, 200]);
  });

  it('never passes an upstream HTML error page to the model', async () => {
    sandbox.setFaults({ error5xxRate: 1, htmlErrors: true });
    const result = await getHome();
    expect(result.isError).toBe(true);
    expect(textOf(result)).not.toMatch(/<html|<body|<h1/i);
    expect(textOf(result)).toMatch(/try again/i);
  });

  it('reports a timeout as unavailable', async () => {
    sandbox.setFaults({ timeoutNext: 10 });
    const result = await getHome();
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^Confluence did not answer the GET within \d+ ms/);
    expect(sandbox.requests.length).toBeGreaterThanOrEqual(2);
  });
});

describe.each<[Layout, Record<string, string>, string]>([
  ['cloud', { CONFLUENCE_API_TOKEN: 'wrong-secret-token' }, 'wrong-secret-token'],
  ['datacenter', { CONFLUENCE_PERSONAL_TOKEN: 'wrong-secret-pat' }, 'wrong-secret-pat'],
])('rejected credentials (%s)', (layout, env, secret) => {
  const { client } = useSandboxApp(layout, env);

  it('are a clear error that never shows the credential', async () => {
    const result = await callTool(client(), 'confluence_search', { query: 'anything' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/credentials/i);
    expect(textOf(result)).not.toContain(secret);
  });
});
