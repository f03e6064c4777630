import { SEED } from './sandbox/seed';
import { sampleValue } from './support/metrics-text';
import { useSandboxApp } from './support/sandbox-app';
import { callTool } from './support/tool-calls';

describe('health and metrics', () => {
  const { sandbox, running, client } = useSandboxApp('cloud');

  const get = (path: string) => fetch(`${running().baseUrl}${path}`);
  const metrics = async () => (await get('/metrics')).text();

  it('answers liveness without touching Confluence', async () => {
    sandbox.clearRequests();
    const response = await get('/health/live');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
    expect(sandbox.requests).toHaveLength(0);
  });

  it('is ready when Confluence answers with the configured credentials', async () => {
    const response = await get('/health/ready');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', info: { confluence: { status: 'up' } } });
  });

  it('counts tool calls by outcome and times them', async () => {
    const before = await metrics();
    await callTool(client(), 'confluence_get_page', { page_id: SEED.pages.home.id });
    await callTool(client(), 'confluence_get_page', { page_id: '999999999' });
    const after = await metrics();
    const calls = (text: string, outcome: string) =>
      sampleValue(text, 'mcp_tool_calls_total', { tool: 'confluence_get_page', outcome });
    expect(calls(after, 'success') - calls(before, 'success')).toBe(1);
    expect(calls(after, 'error') - calls(before, 'error')).toBe(1);
    const count = (text: string) => sampleValue(text, 'mcp_tool_duration_seconds_count', { tool: 'confluence_get_page' });
    expect(count(after) - count(before)).toBe(2);
    expect(sampleValue(after, 'confluence_requests_total', { method: 'GET', status: '200' })).toBeGreaterThan(0);
    expect(sampleValue(after, 'confluence_requests_total', { method: 'GET', status: '404' })).toBeGreaterThan(0);
    expect(after).toMatch(/^confluence_request_duration_seconds_bucket\{/m);
    expect(after).toMatch(/^process_cpu_user_seconds_total /m);
  });

  it('also counts calls refused before any tool ran', async () => {
    const before = await metrics();
    await callTool(client(), 'confluence_get_page', { page_id: 'not-an-id' });
    await client().callTool({ name: 'confluence_delete_everything', arguments: {} }).catch(() => undefined);
    const after = await metrics();
    const delta = (tool: string, outcome: string) =>
      sampleValue(after, 'mcp_tool_calls_total', { tool, outcome }) - sampleValue(before, 'mcp_tool_calls_total', { tool, outcome });
    expect(delta('confluence_get_page', 'invalid_arguments')).toBe(1);
    expect(delta('unknown', 'unknown_tool')).toBe(1);
    expect(delta('confluence_get_page', 'error')).toBe(0);
  });
});

describe('readiness when Confluence rejects the credentials', () => {
  const { running } = useSandboxApp('cloud', { CONFLUENCE_API_TOKEN: 'wrong-token' });

  it('answers 503 with the reason', async () => {
    const response = await fetch(`${running().baseUrl}/health/ready`);
    expect(response.status).toBe(503);
    expect(JSON.stringify(await response.json())).toMatch(/authentication/);
  });
});

describe('readiness while Confluence rate-limits', () => {
  const { sandbox, running } = useSandboxApp('datacenter');

  it('stays ready, says so, and probes Confluence at most once per interval', async () => {
    sandbox.setFaults({ rateLimitNext: 100, retryAfterSeconds: 30 });
    sandbox.clearRequests();
    const first = await fetch(`${running().baseUrl}/health/ready`);
    const second = await fetch(`${running().baseUrl}/health/ready`);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ info: { confluence: { status: 'up', rateLimited: true } } });
    expect(second.status).toBe(200);
    expect(sandbox.requests).toHaveLength(1);
  });
});
