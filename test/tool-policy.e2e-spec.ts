import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SEED } from './sandbox/seed';
import { useSandboxApp } from './support/sandbox-app';
import { callTool, dataOf, textOf } from './support/tool-calls';

const WRITE_TOOLS = [
  'confluence_create_page',
  'confluence_update_page',
  'confluence_update_page_section',
  'confluence_delete_page',
  'confluence_move_page',
  'confluence_add_comment',
  'confluence_add_labels',
  'confluence_remove_labels',
  'confluence_upload_attachment',
];

/** What mcp-nest answers for a tool it does not have; a hidden tool must be refused exactly like this. */
async function refusal(client: Client, name: string, args: Record<string, unknown> = {}): Promise<string> {
  try {
    await client.callTool({ name, arguments: args });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${name} was not refused`);
}

async function toolNames(client: Client): Promise<string[]> {
  return (await client.listTools()).tools.map((tool) => tool.name);
}

describe('CONFLUENCE_READ_ONLY=true', () => {
  const { sandbox, client } = useSandboxApp('cloud', { CONFLUENCE_READ_ONLY: 'true' });

  it('hides every write tool and refuses it by name like an unknown tool, sending nothing', async () => {
    const names = await toolNames(client());
    expect(names).toContain('confluence_get_page');
    for (const tool of WRITE_TOOLS) expect(names).not.toContain(tool);
    sandbox.clearRequests();
    for (const tool of WRITE_TOOLS) {
      expect(await refusal(client(), tool, { page_id: SEED.pages.home.id })).toBe(
        (await refusal(client(), 'no_such_tool')).replace('no_such_tool', tool),
      );
    }
    expect(sandbox.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });
});

describe('MCP_ENABLED_TOOLS and MCP_TOOLSETS', () => {
  const enabled = useSandboxApp('cloud', { MCP_ENABLED_TOOLS: 'confluence_get_page, confluence_add_labels' });
  const toolsets = useSandboxApp('cloud', { MCP_TOOLSETS: 'read,labels' });

  it('offers only the named tools', async () => {
    expect((await toolNames(enabled.client())).sort()).toEqual(['confluence_add_labels', 'confluence_get_page']);
    expect(await refusal(enabled.client(), 'confluence_search', { query: 'x' })).toMatch(/Unknown tool: confluence_search/);
  });

  it('does not let resources/read reach content the enabled tools could not', async () => {
    await expect(enabled.client().readResource({ uri: `confluence://attachment/${SEED.attachments.text.id}` })).rejects.toThrow(
      /not allowed for this caller/,
    );
    const templates = (await enabled.client().listResourceTemplates()).resourceTemplates.map((t) => t.uriTemplate);
    expect(templates).toEqual(['confluence://page/{page_id}']);
    const page = await enabled.client().readResource({ uri: `confluence://page/${SEED.pages.home.id}` });
    expect(page.contents).toHaveLength(1);
    await expect(toolsets.client().readResource({ uri: `confluence://page/${SEED.pages.home.id}` })).rejects.toThrow(/not allowed/);
  });

  it('offers the read tools of the listed families', async () => {
    expect(await toolNames(toolsets.client())).toEqual(['confluence_get_labels']);
  });
});

describe('CONFLUENCE_SPACES=DEMO', () => {
  const { sandbox, client } = useSandboxApp('cloud', { CONFLUENCE_SPACES: 'demo' });
  const engPage = SEED.pages.engHome.id;
  const policyMessage = /not allowed/;

  it('never returns another space from search, even when asked for it by CQL', async () => {
    const data = dataOf<{ results: { space_key?: string }[] }>(
      await callTool(client(), 'confluence_search', { cql: 'type = page', limit: 100 }),
    );
    expect(data.results.length).toBeGreaterThan(0);
    expect(new Set(data.results.map((r) => r.space_key))).toEqual(new Set(['DEMO']));
    const eng = dataOf<{ results: unknown[] }>(await callTool(client(), 'confluence_search', { cql: 'space = ENG' }));
    expect(eng.results).toEqual([]);
    const spaces = dataOf<{ spaces: { key: string }[] }>(await callTool(client(), 'confluence_list_spaces', {}));
    expect(spaces.spaces.map((s) => s.key)).toEqual(['DEMO']);
  });

  it.each([
    ['confluence_get_page', { page_id: engPage }],
    ['confluence_get_page', { space_key: 'ENG', title: SEED.pages.engHome.title }],
    ['confluence_get_page_children', { page_id: engPage }],
    ['confluence_get_comments', { page_id: engPage }],
    ['confluence_get_labels', { page_id: engPage }],
    ['confluence_get_page_history', { page_id: engPage }],
    ['confluence_get_page_diff', { page_id: engPage }],
    ['confluence_list_pages', { space_key: 'ENG' }],
    ['confluence_update_page', { page_id: engPage, version: 1, body: 'overwritten' }],
    ['confluence_update_page_section', { page_id: engPage, version: 1, heading: 'x', body: 'overwritten' }],
    ['confluence_delete_page', { page_id: engPage }],
    ['confluence_move_page', { page_id: engPage, target_parent_id: SEED.pages.home.id }],
    ['confluence_move_page', { page_id: SEED.pages.howTo.id, target_space_key: 'ENG' }],
    ['confluence_move_page', { page_id: SEED.pages.howTo.id, target_parent_id: engPage }],
    ['confluence_create_page', { space_key: 'ENG', title: 'Sneaky', body: 'x' }],
    ['confluence_add_comment', { page_id: engPage, body: 'x' }],
    ['confluence_add_labels', { page_id: engPage, labels: ['x'] }],
    ['confluence_remove_labels', { page_id: engPage, labels: ['x'] }],
    ['confluence_get_attachments', { page_id: engPage }],
    ['confluence_upload_attachment', { page_id: engPage, filename: 'a.txt', content_base64: 'aGk=' }],
  ])('%s refuses a page in another space without showing it (%j)', async (tool, args) => {
    sandbox.clearRequests();
    const result = await callTool(client(), tool, args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(policyMessage);
    expect(textOf(result)).not.toContain('Engineering handbook');
    expect(sandbox.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('still serves pages in the allowed space', async () => {
    const page = dataOf<{ space_key: string }>(await callTool(client(), 'confluence_get_page', { page_id: SEED.pages.home.id }));
    expect(page.space_key).toBe('DEMO');
  });
});
