import { ConfluenceSandboxOptions } from './sandbox/confluence-sandbox';
import { TOOL_CATALOG, toolTraits } from '../src/tools/tool-catalog';
import { SEED } from './sandbox/seed';
import { useSandboxApp } from './support/sandbox-app';
import { Layout } from './support/test-config';
import { callTool, dataOf, textOf } from './support/tool-calls';


const LAYOUTS: [string, Layout, ConfluenceSandboxOptions][] = [
  ['Cloud under /wiki', 'cloud', {}],
  ['Data Center at the root', 'datacenter', {}],
  ['Data Center under /confluence', 'datacenter', { dataCenterContextPath: '/confluence' }],
];

describe.each(LAYOUTS)('read tools over Streamable HTTP (%s)', (_name, layout, options) => {
  const { sandbox, client } = useSandboxApp(layout, {}, options);

  it('lists every tool with schemas, and read-only annotations exactly on the read tools', async () => {
    const { tools } = await client().listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(Object.values(TOOL_CATALOG).map((t) => t.name).sort());
    for (const tool of tools) {
      const readOnly = toolTraits(tool.name)?.readOnly;
      expect([tool.name, tool.annotations?.readOnlyHint]).toEqual([tool.name, readOnly]);
      if (!readOnly) expect(typeof tool.annotations?.destructiveHint).toBe('boolean');
      expect(tool.annotations).toMatchObject({ openWorldHint: true });
      expect(tool.outputSchema).toBeDefined();
      expect(tool).not.toHaveProperty('securitySchemes');
      expect(tool.description?.length).toBeGreaterThan(40);
    }
    const getPage = tools.find((t) => t.name === 'confluence_get_page');
    expect(getPage?.inputSchema.properties?.format).toMatchObject({ enum: ['markdown', 'storage', 'text'] });
  });

  describe('confluence_search', () => {
    it('finds pages by plain words with plain-text excerpts', async () => {
      const data = dataOf<{ results: { id: string; title: string; excerpt: string; space_key?: string }[] }>(
        await callTool(client(), 'confluence_search', { query: 'Release Checklist' }),
      );
      expect(data.results.map((r) => r.id)).toContain(SEED.pages.labelled.id);
      for (const result of data.results) expect(`${result.title} ${result.excerpt}`).not.toMatch(/@@@|<\/?\w+/);
      expect(data.results.find((r) => r.id === SEED.pages.labelled.id)?.space_key).toBe('DEMO');
    });

    it('runs CQL with space and type filters and pages through results', async () => {
      const first = dataOf<{ results: { id: string }[]; next_cursor?: string }>(
        await callTool(client(), 'confluence_search', { cql: 'type = page', space_keys: ['DEMO'], limit: 5 }),
      );
      expect(first.results).toHaveLength(5);
      expect(first.next_cursor).toEqual(expect.any(String));
      const second = dataOf<{ results: { id: string }[] }>(
        await callTool(client(), 'confluence_search', { cql: 'type = page', space_keys: ['DEMO'], limit: 5, cursor: first.next_cursor }),
      );
      expect(second.results.length).toBeGreaterThan(0);
      const firstIds = new Set(first.results.map((r) => r.id));
      expect(second.results.filter((r) => firstIds.has(r.id))).toEqual([]);
    });

    it('sends user text as one escaped CQL string that cannot change the query', async () => {
      sandbox.clearRequests();
      const hostile = 'x" OR space = "SECRET" OR title ~ "\\';
      await callTool(client(), 'confluence_search', { query: hostile, space_keys: ['DEMO'] });
      const sent = sandbox.requests.find((r) => r.path.endsWith('/search'))?.query.cql;
      const field = layout === 'cloud' ? 'siteSearch' : 'text';
      expect(sent).toBe(`${field} ~ "x\\" OR space = \\"SECRET\\" OR title ~ \\"\\\\" AND space in ("DEMO")`);
    });

    it('finds a page whose title holds quotes', async () => {
      const data = dataOf<{ results: { id: string }[] }>(
        await callTool(client(), 'confluence_search', { query: `"What's new?"` }),
      );
      expect(data.results.map((r) => r.id)).toContain(SEED.pages.quotedTitle.id);
    });

    it('reports invalid CQL as a tool error carrying Confluence\'s message', async () => {
      const result = await callTool(client(), 'confluence_search', { cql: 'type = = page (' });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/cql/i);
    });

    it('refuses a cursor replayed with a different query', async () => {
      const first = dataOf<{ next_cursor?: string }>(
        await callTool(client(), 'confluence_search', { cql: 'type = page', space_keys: ['DEMO'], limit: 2 }),
      );
      const replay = await callTool(client(), 'confluence_search', { cql: 'type = page', limit: 2, cursor: first.next_cursor });
      expect(replay.isError).toBe(true);
      expect(textOf(replay)).toMatch(/cursor is invalid/);
    });

    it('rejects giving both cql and query', async () => {
      const result = await callTool(client(), 'confluence_search', { cql: 'type = page', query: 'x' });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/exactly one of "cql" or "query"/);
    });
  });

  describe('confluence_get_page', () => {
    it('reads a page as markdown with metadata, ancestors and labels', async () => {
      const page = dataOf<Record<string, unknown>>(
        await callTool(client(), 'confluence_get_page', { page_id: SEED.pages.labelled.id }),
      );
      expect(page).toMatchObject({ id: SEED.pages.labelled.id, title: SEED.pages.labelled.title, space_key: 'DEMO', format: 'markdown' });
      expect(page.labels).toEqual(expect.arrayContaining(['release', 'checklist']));
      expect((page.ancestors as { id: string }[])[0].id).toBe(SEED.pages.home.id);
      expect(page.version).toEqual(expect.any(Number));
      expect(page.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    });

    it('accepts a numeric id, a page URL and surrounding whitespace', async () => {
      const byNumber = await callTool(client(), 'confluence_get_page', { page_id: Number(SEED.pages.home.id) });
      const byUrl = await callTool(client(), 'confluence_get_page', {
        page_id: ` ${sandbox.origin}/wiki/spaces/DEMO/pages/${SEED.pages.home.id}/Demo+Space+Home `,
      });
      expect(dataOf(byNumber).id).toBe(SEED.pages.home.id);
      expect(dataOf(byUrl).id).toBe(SEED.pages.home.id);
    });

    it('refuses a page URL from another Confluence site instead of reading an unrelated page', async () => {
      const result = await callTool(client(), 'confluence_get_page', {
        page_id: `https://other.atlassian.net/wiki/spaces/DEMO/pages/${SEED.pages.home.id}/Home`,
      });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/points to https:\/\/other\.atlassian\.net/);
    });

    it('finds a page by space and title, in storage and text formats', async () => {
      const storage = dataOf<{ id: string; body: string }>(
        await callTool(client(), 'confluence_get_page', { space_key: 'DEMO', title: SEED.pages.labelled.title, format: 'storage' }),
      );
      const text = dataOf<{ body: string }>(
        await callTool(client(), 'confluence_get_page', { page_id: storage.id, format: ' Text ' }),
      );
      expect(storage.id).toBe(SEED.pages.labelled.id);
      expect(storage.body).toMatch(/<\w+/);
      expect(text.body).not.toMatch(/<\/?(p|ac:|h\d)/);
    });

    it('windows a long body with offset and max_chars', async () => {
      const full = dataOf<{ body: string; body_total_chars: number }>(
        await callTool(client(), 'confluence_get_page', { page_id: SEED.pages.kafkaIndex.id, format: 'storage' }),
      );
      const part = dataOf<{ body: string; body_offset: number; truncated: boolean; body_total_chars: number }>(
        await callTool(client(), 'confluence_get_page', { page_id: SEED.pages.kafkaIndex.id, format: 'storage', offset: 10, max_chars: 100 }),
      );
      expect(part).toMatchObject({ body_offset: 10, truncated: true, body_total_chars: full.body_total_chars });
      expect(part.body).toBe(full.body.slice(10, 110));
    });

    it('says what to do when the page does not exist', async () => {
      const result = await callTool(client(), 'confluence_get_page', { page_id: '999999999' });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/confluence_search/);
    });

    it('rejects an id that is neither digits nor a page URL', async () => {
      const result = await callTool(client(), 'confluence_get_page', { page_id: 'abc' });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/numeric page id/);
    });
  });

  describe('confluence_list_spaces', () => {
    it('lists spaces and filters by key, type and status', async () => {
      const all = dataOf<{ spaces: { key: string }[] }>(await callTool(client(), 'confluence_list_spaces', {}));
      expect(all.spaces.map((s) => s.key)).toEqual(expect.arrayContaining(['DEMO', 'ENG']));
      const personal = dataOf<{ spaces: { key: string; type: string }[] }>(
        await callTool(client(), 'confluence_list_spaces', { type: 'personal' }),
      );
      expect(personal.spaces.every((s) => s.type === 'personal')).toBe(true);
      const archived = dataOf<{ spaces: { key: string }[] }>(
        await callTool(client(), 'confluence_list_spaces', { status: 'archived' }),
      );
      expect(archived.spaces.map((s) => s.key)).toEqual(['OLD']);
    });

    it('returns nothing for an unknown key', async () => {
      const data = dataOf<{ spaces: unknown[] }>(await callTool(client(), 'confluence_list_spaces', { keys: ['NOPE'] }));
      expect(data.spaces).toEqual([]);
    });

    it('rejects a malformed key', async () => {
      const result = await callTool(client(), 'confluence_list_spaces', { keys: ['not a key!'] });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/space key/);
    });
  });

  describe('confluence_list_pages', () => {
    it('lists the pages of a space with cursor paging', async () => {
      const first = dataOf<{ pages: { id: string }[]; next_cursor?: string }>(
        await callTool(client(), 'confluence_list_pages', { space_key: 'DEMO', limit: 10 }),
      );
      expect(first.pages).toHaveLength(10);
      const second = dataOf<{ pages: { id: string }[] }>(
        await callTool(client(), 'confluence_list_pages', { space_key: 'DEMO', limit: 10, cursor: first.next_cursor }),
      );
      expect(second.pages.length).toBeGreaterThan(0);
      const firstIds = new Set(first.pages.map((p) => p.id));
      expect(second.pages.filter((p) => firstIds.has(p.id))).toEqual([]);
    });

    it('filters by exact title', async () => {
      const data = dataOf<{ pages: { id: string }[] }>(
        await callTool(client(), 'confluence_list_pages', { space_key: 'DEMO', title: SEED.pages.labelled.title }),
      );
      expect(data.pages.map((p) => p.id)).toEqual([SEED.pages.labelled.id]);
    });

    it('reports an unknown space and points to confluence_list_spaces', async () => {
      const result = await callTool(client(), 'confluence_list_pages', { space_key: 'NOSUCHSPACE' });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/Space NOSUCHSPACE was not found.*confluence_list_spaces/);
    });

    it('rejects a limit out of range', async () => {
      const result = await callTool(client(), 'confluence_list_pages', { space_key: 'DEMO', limit: 500 });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/limit/);
    });
  });

  describe('confluence_get_page_children', () => {
    it('pages through 30 children 25 at a time', async () => {
      const first = dataOf<{ children: { id: string }[]; next_cursor?: string }>(
        await callTool(client(), 'confluence_get_page_children', { page_id: SEED.pages.gallery.id }),
      );
      expect(first.children).toHaveLength(25);
      const rest = dataOf<{ children: { id: string }[]; next_cursor?: string }>(
        await callTool(client(), 'confluence_get_page_children', { page_id: SEED.pages.gallery.id, cursor: first.next_cursor }),
      );
      expect(rest.children).toHaveLength(5);
      expect(rest.next_cursor).toBeUndefined();
    });

    it('walks a bounded tree with depth', async () => {
      const data = dataOf<{ children: { id: string; depth: number; parent_id: string }[] }>(
        await callTool(client(), 'confluence_get_page_children', { page_id: SEED.pages.architecture.id, depth: 3 }),
      );
      const grandchild = data.children.find((c) => c.id === SEED.pages.kafkaGrandchild.id);
      expect(grandchild).toMatchObject({ depth: 2, parent_id: SEED.pages.kafkaIndex.id });
    });

    it('reports a missing page', async () => {
      const result = await callTool(client(), 'confluence_get_page_children', { page_id: '999999999' });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/Page 999999999 was not found.*confluence_search/);
    });

    it('rejects a depth beyond 5', async () => {
      const result = await callTool(client(), 'confluence_get_page_children', { page_id: SEED.pages.home.id, depth: 9 });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/depth/);
    });
  });

  describe('confluence_get_comments', () => {
    it('returns footer comments with replies as markdown, inline on request', async () => {
      const footer = dataOf<{ comments: { id: string; parent_id?: string; inline: boolean; body: string }[] }>(
        await callTool(client(), 'confluence_get_comments', { page_id: SEED.pages.meetingNotes.id }),
      );
      expect(footer.comments.every((c) => !c.inline)).toBe(true);
      expect(footer.comments.find((c) => c.id === SEED.comments.reply.id)?.parent_id).toBe(SEED.comments.footer.id);
      expect(footer.comments.every((c) => !/<p>/.test(c.body))).toBe(true);
      const all = dataOf<{ comments: { id: string; inline: boolean }[] }>(
        await callTool(client(), 'confluence_get_comments', { page_id: SEED.pages.meetingNotes.id, include_inline: 'true' }),
      );
      expect(all.comments.find((c) => c.id === SEED.comments.inline.id)?.inline).toBe(true);
    });

    it('reports a missing page', async () => {
      const result = await callTool(client(), 'confluence_get_comments', { page_id: '999999999' });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/Page 999999999 was not found/);
    });

    it('rejects a non-boolean include_inline', async () => {
      const result = await callTool(client(), 'confluence_get_comments', { page_id: SEED.pages.home.id, include_inline: 'maybe' });
      expect(result.isError).toBe(true);
    });
  });

  describe('confluence_get_attachments', () => {
    it('lists attachments and filters by media type', async () => {
      const all = dataOf<{ attachments: { title: string; download_url: string; file_size: number }[] }>(
        await callTool(client(), 'confluence_get_attachments', { page_id: SEED.pages.designAssets.id }),
      );
      expect(all.attachments.map((a) => a.title).sort()).toEqual(
        [SEED.attachments.text.title, SEED.attachments.png.title, SEED.attachments.pdf.title].sort(),
      );
      expect(all.attachments.every((a) => a.download_url.startsWith('http') && a.file_size > 0)).toBe(true);
      const images = dataOf<{ attachments: { title: string }[] }>(
        await callTool(client(), 'confluence_get_attachments', { page_id: SEED.pages.designAssets.id, media_type: 'image/png' }),
      );
      expect(images.attachments.map((a) => a.title)).toEqual([SEED.attachments.png.title]);
    });

    it('reports a missing page', async () => {
      const result = await callTool(client(), 'confluence_get_attachments', { page_id: '999999999' });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/Page 999999999 was not found/);
    });

    it('rejects a malformed media type', async () => {
      const result = await callTool(client(), 'confluence_get_attachments', { page_id: SEED.pages.designAssets.id, media_type: 'png' });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/media type/);
    });
  });

  describe('confluence_get_labels', () => {
    it('lists labels with their prefixes', async () => {
      const data = dataOf<{ labels: { name: string; prefix: string }[] }>(
        await callTool(client(), 'confluence_get_labels', { page_id: SEED.pages.labelled.id }),
      );
      expect(data.labels).toEqual(expect.arrayContaining([
        { name: 'release', prefix: 'global' },
        { name: 'favourite', prefix: 'my' },
      ]));
    });

    it('reports a missing page', async () => {
      const result = await callTool(client(), 'confluence_get_labels', { page_id: '999999999' });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/Page 999999999 was not found/);
    });

    it('rejects a missing page_id', async () => {
      const result = await callTool(client(), 'confluence_get_labels', {});
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/page_id/);
    });
  });
});

describe('page URLs from a configured alias of the site', () => {
  const { client } = useSandboxApp('cloud', { CONFLUENCE_SITE_ALIASES: 'https://Wiki.Acme.example' });

  it('are read from this site', async () => {
    const result = await callTool(client(), 'confluence_get_page', {
      page_id: `https://wiki.acme.example/wiki/spaces/DEMO/pages/${SEED.pages.home.id}/Home`,
    });
    expect(dataOf(result).id).toBe(SEED.pages.home.id);
  });
});
