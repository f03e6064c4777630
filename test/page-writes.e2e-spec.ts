import { SEED } from './sandbox/seed';
import { useSandboxApp } from './support/sandbox-app';
import { Layout } from './support/test-config';
import { callTool, dataOf, textOf } from './support/tool-calls';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';

interface PageData {
  id: string;
  title: string;
  space_key: string;
  version: number;
  body: string;
  labels: string[];
  ancestors: { id: string; title: string }[];
}

interface WriteData {
  id: string;
  title: string;
  version: number;
  url: string;
  dry_run: boolean;
  recovered?: boolean;
  diff?: string;
  labels?: string[];
}

async function readPage(client: Client, id: string, format = 'markdown'): Promise<PageData> {
  return dataOf<PageData>(await callTool(client, 'confluence_get_page', { page_id: id, format, max_chars: 200_000 }));
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

const LAYOUTS: Layout[] = ['cloud', 'datacenter'];

describe.each(LAYOUTS)('page write tools (%s)', (layout) => {
  const { sandbox, client } = useSandboxApp(layout);
  let created = 0;
  const uniqueTitle = (what: string) => `${what} ${layout} ${++created} ${Date.now()}`;

  it.each([
    ['confluence_update_page', { version: 1, body: 'x' }],
    ['confluence_update_page_section', { version: 1, heading: 'x', body: 'x' }],
    ['confluence_delete_page', {}],
    ['confluence_move_page', { target_parent_id: SEED.pages.home.id }],
    ['confluence_add_comment', { body: 'x' }],
    ['confluence_add_labels', { labels: ['x'] }],
    ['confluence_remove_labels', { labels: ['x'] }],
    ['confluence_get_page_history', {}],
    ['confluence_get_page_diff', {}],
  ])('%s says a missing page was not found and writes nothing', async (tool, args) => {
    sandbox.clearRequests();
    const result = await callTool(client(), tool, { page_id: '999999999', ...args });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/Page 999999999 was not found/);
    expect(sandbox.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it.each([
    ['confluence_delete_page', {}],
    ['confluence_update_page', { version: 1, body: 'x' }],
    ['confluence_move_page', { target_parent_id: SEED.pages.home.id }],
    ['confluence_add_labels', { labels: ['x'] }],
    ['confluence_get_page', {}],
  ])('%s refuses a comment id: page tools act on pages only (Confluence deletes comments for good)', async (tool, args) => {
    sandbox.clearRequests();
    const result = await callTool(client(), tool, { page_id: SEED.comments.footer.id, ...args });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/is a comment, not a page/);
    expect(sandbox.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('names the id that is missing: a move target, a reply parent', async () => {
    const move = await callTool(client(), 'confluence_move_page', { page_id: SEED.pages.howTo.id, target_parent_id: '999999998' });
    expect(textOf(move)).toMatch(/target page 999999998 was not found/);
    const reply = await callTool(client(), 'confluence_add_comment', { page_id: SEED.pages.howTo.id, body: 'x', parent_comment_id: '999999997' });
    expect(textOf(reply)).toMatch(/Comment 999999997 was not found/);
  });

  it('refuses an update that changes nothing, and takes a lower-case space key as the upper-case one', async () => {
    const nothing = await callTool(client(), 'confluence_update_page', { page_id: SEED.pages.howTo.id, version: 1 });
    expect(nothing.isError).toBe(true);
    expect(textOf(nothing)).toMatch(/Nothing to update/);
    const page = dataOf<{ space_key: string }>(
      await callTool(client(), 'confluence_get_page', { space_key: 'demo', title: SEED.pages.howTo.title }),
    );
    expect(page.space_key).toBe('DEMO');
  });

  describe('confluence_create_page', () => {
    it('creates a page from markdown under a parent, with labels', async () => {
      const title = uniqueTitle('Created');
      sandbox.clearRequests();
      const result = await callTool(client(), 'confluence_create_page', {
        space_key: 'DEMO',
        title,
        body: '# Plan\n\nSome **bold** text.\n\n```ts\nconst x = 1;\n```\n\n- [ ] todo\n- [x] done',
        parent_id: SEED.pages.howTo.id,
        labels: ['Plan', 'q3'],
      });
      const data = dataOf<WriteData & { space_key: string }>(result);
      expect(data).toMatchObject({ title, space_key: 'DEMO', version: 1, dry_run: false });
      expect(data.labels?.sort()).toEqual(['plan', 'q3']);
      const writes = sandbox.requests.filter((r) => r.method !== 'GET');
      expect(writes.map((r) => r.method)).toEqual(['POST']);
      const page = await readPage(client(), data.id, 'storage');
      expect(page.ancestors.map((a) => a.id)).toContain(SEED.pages.howTo.id);
      expect(page.body).toContain('<strong>bold</strong>');
      expect(page.body).toMatch(/<ac:structured-macro[^>]*ac:name="code"/);
      expect(page.body).toContain('<ac:task-list>');
      expect(page.labels.sort()).toEqual(['plan', 'q3']);
    });

    it('refuses a title that already exists in the space, naming the existing page', async () => {
      const result = await callTool(client(), 'confluence_create_page', { space_key: 'DEMO', title: SEED.pages.labelled.title, body: 'x' });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toContain(SEED.pages.labelled.id);
    });

    it('changes nothing on a dry run and returns the storage it would send', async () => {
      const title = uniqueTitle('Dry');
      sandbox.clearRequests();
      const data = dataOf<WriteData & { storage: string }>(
        await callTool(client(), 'confluence_create_page', { space_key: 'DEMO', title, body: 'hello *world*', dry_run: 'true' }),
      );
      expect(data.dry_run).toBe(true);
      expect(data.storage).toContain('<em>world</em>');
      expect(sandbox.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    });

    it('never makes a duplicate when the create response is lost', async () => {
      const title = uniqueTitle('Dropped');
      sandbox.setFaults({ dropResponseNext: 1 });
      const data = dataOf<WriteData>(await callTool(client(), 'confluence_create_page', { space_key: 'DEMO', title, body: 'once' }));
      sandbox.clearFaults();
      expect(data.recovered).toBe(true);
      const listed = dataOf<{ pages: { id: string }[] }>(
        await callTool(client(), 'confluence_list_pages', { space_key: 'DEMO', title }),
      );
      expect(listed.pages.map((p) => p.id)).toEqual([data.id]);
    });

    it('reports an unknown space and bad input clearly', async () => {
      const missing = await callTool(client(), 'confluence_create_page', { space_key: 'NOPE', title: uniqueTitle('x'), body: 'x' });
      expect(missing.isError).toBe(true);
      expect(textOf(missing)).toMatch(/NOPE/);
      const bad = await callTool(client(), 'confluence_create_page', { space_key: 'DEMO', title: '  ', body: 'x' });
      expect(bad.isError).toBe(true);
      expect(textOf(bad)).toMatch(/title/);
      const crossSpace = await callTool(client(), 'confluence_create_page', {
        space_key: 'DEMO',
        title: uniqueTitle('x'),
        body: 'x',
        parent_id: SEED.pages.engHome.id,
      });
      expect(crossSpace.isError).toBe(true);
      expect(textOf(crossSpace)).toMatch(/space ENG/);
    });
  });

  describe('confluence_update_page', () => {
    async function freshPage(body = '<p>first</p>'): Promise<WriteData> {
      return dataOf<WriteData>(
        await callTool(client(), 'confluence_create_page', { space_key: 'DEMO', title: uniqueTitle('Upd'), body, body_format: 'storage' }),
      );
    }

    it('writes the next version and refuses a stale one with the current version and author', async () => {
      const page = await freshPage();
      const updated = dataOf<WriteData>(
        await callTool(client(), 'confluence_update_page', { page_id: page.id, version: page.version, body: 'second' }),
      );
      expect(updated.version).toBe(2);
      const stale = await callTool(client(), 'confluence_update_page', { page_id: page.id, version: '1', body: 'third' });
      expect(stale.isError).toBe(true);
      expect(textOf(stale)).toMatch(/version 2/);
      expect(textOf(stale)).toMatch(/Sandbox User/);
      expect((await readPage(client(), page.id)).body).toContain('second');
    });

    it('lets exactly one of two racing updates from the same version win', async () => {
      const page = await freshPage();
      const race = await Promise.all(
        ['alpha', 'beta'].map((word) => callTool(client(), 'confluence_update_page', { page_id: page.id, version: 1, body: word })),
      );
      const winners = race.filter((r) => !r.isError);
      const losers = race.filter((r) => r.isError);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      expect(textOf(losers[0])).toMatch(/version 2/);
      const after = await readPage(client(), page.id);
      expect(after.version).toBe(2);
      const winnerWord = after.body.includes('alpha') ? 'alpha' : 'beta';
      expect(after.body).not.toContain(winnerWord === 'alpha' ? 'beta' : 'alpha');
    });

    it('keeps every macro, image and mention when markdown read from the page is edited and written back', async () => {
      const source = await readPage(client(), String(SEED.corpusPageIdBase + 31), 'storage');
      const copy = dataOf<WriteData>(
        await callTool(client(), 'confluence_create_page', { space_key: 'DEMO', title: uniqueTitle('Copy'), body: source.body, body_format: 'storage' }),
      );
      const markdown = await readPage(client(), copy.id);
      const edited = `${markdown.body}\n\nAn added closing paragraph.`;
      dataOf(await callTool(client(), 'confluence_update_page', { page_id: copy.id, version: markdown.version, body: edited }));
      const after = await readPage(client(), copy.id, 'storage');
      for (const element of ['<ac:structured-macro', '<ac:image', '<ri:user', '<ac:layout-cell', '<table']) {
        expect([element, count(after.body, element)]).toEqual([element, count(source.body, element)]);
      }
      expect(after.body).toContain('An added closing paragraph.');
    });

    it('refuses a body that drops a macro placeholder, unless the removal is on purpose', async () => {
      const page = await freshPage(
        '<p>before</p><ac:structured-macro ac:name="toc"><ac:parameter ac:name="maxLevel">2</ac:parameter></ac:structured-macro><p>after</p>',
      );
      const refused = await callTool(client(), 'confluence_update_page', { page_id: page.id, version: 1, body: 'before\n\nafter' });
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toMatch(/toc/);
      expect((await readPage(client(), page.id)).version).toBe(1);
      const accepted = await callTool(client(), 'confluence_update_page', {
        page_id: page.id,
        version: 1,
        body: 'before\n\nafter',
        remove_macros: [1],
      });
      expect(dataOf<WriteData>(accepted).version).toBe(2);
    });

    it('returns a unified diff on a dry run and writes nothing', async () => {
      const page = await freshPage('<p>old line</p>');
      const data = dataOf<WriteData>(
        await callTool(client(), 'confluence_update_page', { page_id: page.id, version: 1, body: 'new line', dry_run: true }),
      );
      expect(data.diff).toMatch(/^-old line$/m);
      expect(data.diff).toMatch(/^\+new line$/m);
      expect((await readPage(client(), page.id)).version).toBe(1);
    });

    it('says a missing page was not found, and refuses a missing version', async () => {
      const missing = await callTool(client(), 'confluence_update_page', { page_id: '999999999', version: 1, body: 'x' });
      expect(missing.isError).toBe(true);
      expect(textOf(missing)).toMatch(/not found/i);
      const noVersion = await callTool(client(), 'confluence_update_page', { page_id: SEED.pages.home.id, body: 'x' });
      expect(noVersion.isError).toBe(true);
      expect(textOf(noVersion)).toMatch(/version/);
    });
  });

  describe('confluence_update_page_section', () => {
    it('changes only the named section; every other byte stays the same', async () => {
      const storage =
        '<h1>Intro</h1><p>keep <strong>me</strong></p><ac:structured-macro ac:name="toc" ac:macro-id="m1"/>' +
        '<h2>Status</h2><p>old status</p><h3>Detail</h3><p>old detail</p>' +
        '<h2>Next</h2><p>keep this too</p>';
      const page = dataOf<WriteData>(
        await callTool(client(), 'confluence_create_page', { space_key: 'DEMO', title: uniqueTitle('Sec'), body: storage, body_format: 'storage' }),
      );
      const before = await readPage(client(), page.id, 'storage');
      dataOf(
        await callTool(client(), 'confluence_update_page_section', { page_id: page.id, version: 1, heading: 'status', body: 'new status' }),
      );
      const after = await readPage(client(), page.id, 'storage');
      const head = before.body.slice(0, before.body.indexOf('<h2>Status</h2>') + '<h2>Status</h2>'.length);
      const tail = before.body.slice(before.body.indexOf('<h2>Next</h2>'));
      expect(after.body.startsWith(head)).toBe(true);
      expect(after.body.endsWith(tail)).toBe(true);
      expect(after.body).toContain('new status');
      expect(after.body).not.toContain('old detail');
    });

    it('refuses a storage-format section body that is not well-formed, writing nothing', async () => {
      const { version } = await readPage(client(), SEED.pages.meetingNotes.id);
      sandbox.clearRequests();
      const result = await callTool(client(), 'confluence_update_page_section', {
        page_id: SEED.pages.meetingNotes.id,
        version,
        heading: 'Discussion',
        body: '<p>unclosed',
        body_format: 'storage',
      });
      expect(result.isError).toBe(true);
      expect(textOf(result)).not.toMatch(/unexpectedly/);
      expect(sandbox.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    });

    it('names the headings when the heading is not on the page', async () => {
      const { version } = await readPage(client(), SEED.pages.meetingNotes.id);
      const result = await callTool(client(), 'confluence_update_page_section', {
        page_id: SEED.pages.meetingNotes.id,
        version,
        heading: 'Nope',
        body: 'x',
      });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/Attendees/);
    });
  });

  describe('confluence_delete_page and confluence_move_page', () => {
    it('reports descendants on a dry run, then moves the page to the trash', async () => {
      const parent = dataOf<WriteData>(await callTool(client(), 'confluence_create_page', { space_key: 'DEMO', title: uniqueTitle('Del'), body: 'p' }));
      dataOf(await callTool(client(), 'confluence_create_page', { space_key: 'DEMO', title: uniqueTitle('Child'), body: 'c', parent_id: parent.id }));
      const dry = dataOf<{ descendants: number; trashed: boolean }>(
        await callTool(client(), 'confluence_delete_page', { page_id: parent.id, dry_run: true }),
      );
      expect(dry).toMatchObject({ descendants: 1, trashed: false });
      const stale = await callTool(client(), 'confluence_delete_page', { page_id: parent.id, version: 7 });
      expect(stale.isError).toBe(true);
      expect(dataOf<{ trashed: boolean }>(await callTool(client(), 'confluence_delete_page', { page_id: parent.id, version: 1 })).trashed).toBe(true);
      const gone = await callTool(client(), 'confluence_get_page', { page_id: parent.id });
      expect(gone.isError).toBe(true);
      expect(sandbox.requests.some((r) => r.method === 'DELETE' && JSON.stringify(r.query).includes('purge'))).toBe(false);
    });

    it('moves a page under another parent and refuses a move under its own descendant', async () => {
      const a = dataOf<WriteData>(await callTool(client(), 'confluence_create_page', { space_key: 'DEMO', title: uniqueTitle('MoveA'), body: 'a' }));
      const b = dataOf<WriteData>(
        await callTool(client(), 'confluence_create_page', { space_key: 'DEMO', title: uniqueTitle('MoveB'), body: 'b', parent_id: a.id }),
      );
      const loop = await callTool(client(), 'confluence_move_page', { page_id: a.id, target_parent_id: b.id });
      expect(loop.isError).toBe(true);
      expect(textOf(loop)).toMatch(/descendant/);
      dataOf(await callTool(client(), 'confluence_move_page', { page_id: b.id, target_parent_id: SEED.pages.howTo.id }));
      const moved = await readPage(client(), b.id);
      expect(moved.ancestors[moved.ancestors.length - 1].id).toBe(SEED.pages.howTo.id);
      const both = await callTool(client(), 'confluence_move_page', { page_id: b.id });
      expect(both.isError).toBe(true);
      expect(textOf(both)).toMatch(/target_parent_id/);
    });
  });

  describe('comments, labels and history', () => {
    it('adds a comment and a reply, and refuses a reply to another page\'s comment', async () => {
      const comment = dataOf<{ id: string }>(
        await callTool(client(), 'confluence_add_comment', { page_id: SEED.pages.howTo.id, body: 'Looks **good**' }),
      );
      const reply = dataOf<{ id: string; parent_id: string }>(
        await callTool(client(), 'confluence_add_comment', { page_id: SEED.pages.howTo.id, body: 'Agreed', parent_comment_id: Number(comment.id) }),
      );
      expect(reply.parent_id).toBe(comment.id);
      const listed = dataOf<{ comments: { id: string; body: string; parent_id?: string }[] }>(
        await callTool(client(), 'confluence_get_comments', { page_id: SEED.pages.howTo.id, limit: 100 }),
      );
      expect(listed.comments.find((c) => c.id === comment.id)?.body).toContain('**good**');
      expect(listed.comments.find((c) => c.id === reply.id)?.parent_id).toBe(comment.id);
      const wrong = await callTool(client(), 'confluence_add_comment', {
        page_id: SEED.pages.howTo.id,
        body: 'x',
        parent_comment_id: SEED.comments.footer.id,
      });
      expect(wrong.isError).toBe(true);
    });

    it('says a comment whose answer was lost may have been posted, and to check before retrying', async () => {
      sandbox.setFaults({ gatewayErrorBeforeWriteNext: 1 });
      const result = await callTool(client(), 'confluence_add_comment', { page_id: SEED.pages.howTo.id, body: 'maybe' });
      sandbox.clearFaults();
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/may have been applied/);
      expect(textOf(result)).not.toMatch(/try again shortly/);
    });

    it('adds and removes labels idempotently and refuses label syntax Confluence forbids', async () => {
      const page = dataOf<WriteData>(await callTool(client(), 'confluence_create_page', { space_key: 'DEMO', title: uniqueTitle('Lab'), body: 'l' }));
      const added = dataOf<{ changed: string[]; labels: string[] }>(
        await callTool(client(), 'confluence_add_labels', { page_id: page.id, labels: ['alpha', 'Beta'] }),
      );
      expect(added.changed.sort()).toEqual(['alpha', 'beta']);
      const again = dataOf<{ changed: string[]; unchanged: string[] }>(
        await callTool(client(), 'confluence_add_labels', { page_id: page.id, labels: 'alpha' }),
      );
      expect(again).toMatchObject({ changed: [], unchanged: ['alpha'] });
      const removed = dataOf<{ changed: string[]; unchanged: string[]; labels: string[] }>(
        await callTool(client(), 'confluence_remove_labels', { page_id: page.id, labels: ['alpha', 'gamma'] }),
      );
      expect(removed).toMatchObject({ changed: ['alpha'], unchanged: ['gamma'], labels: ['beta'] });
      expect((await readPage(client(), page.id)).labels).toEqual(['beta']);
      const bad = await callTool(client(), 'confluence_add_labels', { page_id: page.id, labels: ['two words'] });
      expect(bad.isError).toBe(true);
      expect(textOf(bad)).toMatch(/spaces/);
    });

    it('lists versions and diffs two of them', async () => {
      const page = dataOf<WriteData>(await callTool(client(), 'confluence_create_page', { space_key: 'DEMO', title: uniqueTitle('Hist'), body: 'one' }));
      dataOf(await callTool(client(), 'confluence_update_page', { page_id: page.id, version: 1, body: 'two', version_message: 'second take' }));
      const history = dataOf<{ current_version: number; versions: { number: number; message?: string }[] }>(
        await callTool(client(), 'confluence_get_page_history', { page_id: page.id }),
      );
      expect(history.current_version).toBe(2);
      expect(history.versions.map((v) => v.number).sort()).toEqual([1, 2]);
      expect(history.versions.find((v) => v.number === 2)?.message).toBe('second take');
      const diff = dataOf<{ diff: string }>(await callTool(client(), 'confluence_get_page_diff', { page_id: page.id }));
      expect(diff.diff).toMatch(/^-one$/m);
      expect(diff.diff).toMatch(/^\+two$/m);
      const bad = await callTool(client(), 'confluence_get_page_diff', { page_id: page.id, from_version: 2, to_version: 1 });
      expect(bad.isError).toBe(true);
    });
  });
});
