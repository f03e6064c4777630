import {
  ConfluenceConflictError,
  ConfluenceInvalidRequestError,
  ConfluenceNotFoundError,
  ConfluenceUnconfirmedWriteError,
} from '../src/confluence/confluence.errors';
import { SandboxPage } from './sandbox/sandbox-model';
import { SEED, SEED_USERS } from './sandbox/seed';
import { useSandboxApi } from './support/sandbox-api';
import { Layout } from './support/test-config';

jest.setTimeout(20_000);

const P = SEED.pages;
const LAYOUTS: Layout[] = ['cloud', 'datacenter'];

/** Page writes of both ConfluenceApi implementations, through the real HTTP client, against the sandbox in each layout. */
describe.each(LAYOUTS)('ConfluenceApi page writes against the sandbox (%s)', (layout) => {
  const { sandbox, api, writes } = useSandboxApi(layout);
  const pagesTitled = (title: string) => sandbox.store.listPages().filter((p) => p.title === title && p.status === 'current');
  /** A page made straight in the store, as another session (or another user) would have made it. */
  const pageMadeBy = (authorId: string, title: string, createdAt = new Date().toISOString()): SandboxPage => {
    const version = { number: 1, when: createdAt, authorId, message: '', minorEdit: false };
    const page: SandboxPage = {
      id: sandbox.store.newId(), spaceKey: 'DEMO', title, parentId: null, position: 0, status: 'current', body: '<p>made elsewhere</p>',
      authorId, createdAt, version, labels: [],
    };
    sandbox.store.addPage(page);
    return page;
  };
  /** Runs `act` once, the moment the sandbox has handled the first write (applied, cut or refused). */
  const onFirstWrite = (act: () => void) => {
    sandbox.onRecorded = (request) => {
      if (request.method === 'GET') return;
      sandbox.onRecorded = undefined;
      act();
    };
  };

  describe('createPage', () => {
    it('creates a page under a parent that reads, lists and searches back', async () => {
      const written = await api().createPage({ spaceKey: 'DEMO', title: 'Runbook 7', storage: '<p>Restart the broker</p>', parentId: P.howTo.id });
      expect(written).toMatchObject({ title: 'Runbook 7', spaceKey: 'DEMO', version: 1 });
      expect(written.recovered).toBeUndefined();
      expect(written.url).toContain(written.id);
      const page = await api().getPage(written.id);
      expect(page).toMatchObject({ storage: '<p>Restart the broker</p>', ancestors: expect.arrayContaining([{ id: P.howTo.id, title: P.howTo.title }]) });
      const children = await api().listChildren(P.howTo.id, { limit: 100 });
      expect(children.items.map((c) => c.id)).toContain(written.id);
      const hits = await api().search({ cql: 'text ~ "broker" AND title = "Runbook 7"', limit: 5 });
      expect(hits.items.map((h) => h.id)).toEqual([written.id]);
    });

    it('refuses a title the space already has before posting, naming the existing page', async () => {
      const error = await api().createPage({ spaceKey: 'DEMO', title: P.labelled.title, storage: '<p>x</p>' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfluenceConflictError);
      expect((error as ConfluenceConflictError).details).toEqual({ existingPageId: P.labelled.id });
      expect((error as Error).message).toContain(P.labelled.id);
      expect(writes()).toEqual([]);
    });

    it("maps Confluence's own duplicate-title answer (titles clash regardless of case) to a conflict with the existing id", async () => {
      const error = await api().createPage({ spaceKey: 'DEMO', title: P.labelled.title.toUpperCase(), storage: '<p>x</p>' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfluenceConflictError);
      expect((error as ConfluenceConflictError).details.existingPageId).toBe(P.labelled.id);
      expect(writes().map((w) => [w.method, w.status])).toEqual([['POST', 400]]);
    });

    it('reports an unknown space as not found', async () => {
      const error = await api().createPage({ spaceKey: 'NOPE', title: 'Anything', storage: '<p>x</p>' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfluenceNotFoundError);
      expect((error as Error).message).toBe('No space with key NOPE.');
    });

    it('returns the page, recovered, when the create response is lost, and exactly one page exists', async () => {
      sandbox.setFaults({ dropResponseNext: 1 });
      const written = await api().createPage({ spaceKey: 'DEMO', title: 'Dropped answer', storage: '<p>once</p>' });
      expect(written).toMatchObject({ title: 'Dropped answer', version: 1, recovered: true });
      expect(pagesTitled('Dropped answer').map((p) => p.id)).toEqual([written.id]);
      expect(writes().map((w) => w.method)).toEqual(['POST']);
      const listed = await api().listPages({ spaceKey: 'DEMO', title: 'Dropped answer', limit: 5 });
      expect(listed.items.map((p) => p.id)).toEqual([written.id]);
    });

    it('sends the create once more, and only once, when the lost request certainly did not apply', async () => {
      sandbox.setFaults({ resetWriteNext: 1 });
      const written = await api().createPage({ spaceKey: 'DEMO', title: 'Reset before applying', storage: '<p>once</p>' });
      expect(written.recovered).toBeUndefined();
      expect(pagesTitled('Reset before applying')).toHaveLength(1);
      expect(writes().map((w) => [w.method, w.status])).toEqual([['POST', 0], ['POST', 200]]);
    });

    it('does not claim a page someone else created with the title while the create was lost: a conflict naming it', async () => {
      sandbox.setFaults({ resetWriteNext: 1 });
      let theirs: SandboxPage | undefined;
      onFirstWrite(() => (theirs = pageMadeBy(SEED_USERS.alice.accountId, 'Contested')));
      const error = await api().createPage({ spaceKey: 'DEMO', title: 'Contested', storage: '<p>mine</p>' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfluenceConflictError);
      expect((error as ConfluenceConflictError).details).toEqual({ existingPageId: theirs?.id });
      expect(writes().map((w) => [w.method, w.status])).toEqual([['POST', 0]]);
    });

    it('does not claim a page our own account created before the lost create started', async () => {
      sandbox.setFaults({ resetWriteNext: 1 });
      let earlier: SandboxPage | undefined;
      const anHourAgo = new Date(Date.now() - 3_600_000).toISOString();
      onFirstWrite(() => (earlier = pageMadeBy(sandbox.store.currentUser.accountId, 'Made before', anHourAgo)));
      const error = await api().createPage({ spaceKey: 'DEMO', title: 'Made before', storage: '<p>mine</p>' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfluenceConflictError);
      expect((error as ConfluenceConflictError).details.existingPageId).toBe(earlier?.id);
    });

    it('treats a gateway 502 after the create landed as a lost answer: recovered, posted once', async () => {
      sandbox.setFaults({ gatewayErrorAfterWriteNext: 1, gatewayStatus: 502 });
      const written = await api().createPage({ spaceKey: 'DEMO', title: 'Behind a gateway', storage: '<p>once</p>' });
      expect(written).toMatchObject({ title: 'Behind a gateway', version: 1, recovered: true });
      expect(pagesTitled('Behind a gateway').map((p) => p.id)).toEqual([written.id]);
      expect(writes().map((w) => [w.method, w.status])).toEqual([['POST', 502]]);
    });

    it('sends the create once more after a gateway 503 that the read-back shows never reached Confluence', async () => {
      sandbox.setFaults({ gatewayErrorBeforeWriteNext: 1, gatewayStatus: 503 });
      const written = await api().createPage({ spaceKey: 'DEMO', title: 'Refused at the gate', storage: '<p>once</p>' });
      expect(written.recovered).toBeUndefined();
      expect(pagesTitled('Refused at the gate')).toHaveLength(1);
      expect(writes().map((w) => [w.method, w.status])).toEqual([['POST', 503], ['POST', 200]]);
    });
  });

  describe('updatePage', () => {
    const create = (title: string, storage = '<p>one</p>') => api().createPage({ spaceKey: 'DEMO', title, storage });

    it('writes the next version with its message, minor-edit flag and new parent', async () => {
      const page = await create('Update me');
      const written = await api().updatePage({
        pageId: page.id, baseVersion: 1, title: 'Updated', storage: '<p>two</p>', parentId: P.gallery.id, minorEdit: true, message: 'second take',
      });
      expect(written).toMatchObject({ id: page.id, title: 'Updated', version: 2 });
      const read = await api().getPage(page.id);
      expect(read).toMatchObject({ storage: '<p>two</p>', version: 2 });
      expect(read.ancestors.at(-1)?.id).toBe(P.gallery.id);
      const versions = await api().listPageVersions(page.id, { limit: 10 });
      expect(versions.items[0]).toMatchObject({ number: 2, message: 'second take', minorEdit: true, author: { displayName: 'Sandbox User' } });
    });

    it('refuses a stale base version with the current version, who made it (not who created the page) and when', async () => {
      const seeded = sandbox.store.getPage(P.labelled.id)!;
      const editor = Object.values(SEED_USERS).find((u) => u.accountId !== seeded.authorId)!;
      seeded.version.authorId = editor.accountId;
      const author = editor.displayName;
      const error = await api()
        .updatePage({ pageId: P.labelled.id, baseVersion: 1, title: P.labelled.title, storage: '<p>stale</p>' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfluenceConflictError);
      const conflict = error as ConfluenceConflictError;
      expect(seeded.version.number).toBeGreaterThan(1);
      expect(conflict.currentVersion).toBe(seeded.version.number);
      expect(conflict.details).toEqual({ currentVersion: seeded.version.number, updatedBy: author, updatedAt: seeded.version.when });
      expect(conflict.message).toContain(`version ${seeded.version.number}`);
      expect(writes().map((w) => w.status)).toEqual([409]);
    });

    it('lets exactly one of two updates racing from the same version win; the other gets the conflict', async () => {
      const page = await create('Race');
      const outcomes = await Promise.allSettled(
        ['alpha', 'beta'].map((word) => api().updatePage({ pageId: page.id, baseVersion: 1, title: 'Race', storage: `<p>${word}</p>` })),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0].reason).toBeInstanceOf(ConfluenceConflictError);
      expect((lost[0].reason as ConfluenceConflictError).details).toMatchObject({ currentVersion: 2, updatedBy: 'Sandbox User' });
      const winner = outcomes.indexOf(won[0]) === 0 ? 'alpha' : 'beta';
      expect((await api().getPage(page.id)).storage).toBe(`<p>${winner}</p>`);
    });

    it('returns the update, recovered and not as a conflict, when its response is lost', async () => {
      const page = await create('Lost update');
      sandbox.setFaults({ dropResponseNext: 1 });
      const written = await api().updatePage({ pageId: page.id, baseVersion: 1, title: 'Lost update', storage: '<p>two</p>' });
      expect(written).toMatchObject({ version: 2, recovered: true });
      expect(writes().map((w) => w.method)).toEqual(['POST', 'PUT']);
      expect((await api().listPageVersions(page.id, { limit: 10 })).items.map((v) => v.number)).toEqual([2, 1]);
    });

    it('recognises its own lost update by its author although Confluence rewrote the body on save', async () => {
      const page = await create('Rewritten on save');
      sandbox.setFaults({ rewriteStorageOnSave: true, dropResponseNext: 1 });
      const storage = '<ac:structured-macro ac:name="info"><ac:rich-text-body><p>Heads up</p></ac:rich-text-body></ac:structured-macro>';
      const written = await api().updatePage({ pageId: page.id, baseVersion: 1, title: 'Rewritten on save', storage });
      expect(written).toMatchObject({ id: page.id, version: 2, recovered: true });
      expect(sandbox.store.getPage(page.id)?.body).toMatch(/ac:macro-id="[^"]+"/);
      expect(writes().map((w) => w.method)).toEqual(['POST', 'PUT']);
    });

    it('treats a gateway 504 after the update landed as a lost answer, asking who we are at most once per API', async () => {
      const page = await create('Gateway timeout');
      sandbox.setFaults({ gatewayErrorAfterWriteNext: 2 });
      const second = await api().updatePage({ pageId: page.id, baseVersion: 1, title: 'Gateway timeout', storage: '<p>two</p>' });
      const third = await api().updatePage({ pageId: page.id, baseVersion: 2, title: 'Gateway timeout', storage: '<p>three</p>' });
      expect([second, third].map((w) => [w.version, w.recovered])).toEqual([[2, true], [3, true]]);
      expect(writes().map((w) => [w.method, w.status])).toEqual([['POST', 200], ['PUT', 504], ['PUT', 504]]);
      expect(sandbox.requests.filter((r) => r.path.endsWith('/user/current')).length).toBeLessThanOrEqual(1);
    });

    it('reports its lost update as applied at the version it made, even when someone else has changed the page since', async () => {
      const page = await create('Then overtaken');
      sandbox.setFaults({ dropResponseNext: 1 });
      onFirstWrite(() => {
        const stored = sandbox.store.getPage(page.id)!;
        sandbox.store.history.keepPage(stored);
        Object.assign(stored, { body: '<p>theirs</p>', version: { ...stored.version, number: 3, authorId: SEED_USERS.alice.accountId } });
      });
      const written = await api().updatePage({ pageId: page.id, baseVersion: 1, title: 'Then overtaken', storage: '<p>mine</p>' });
      expect(written).toMatchObject({ id: page.id, version: 2, recovered: true });
    });

    it('reports a lost update as unconfirmed, saying to read the page first, when reading back fails too', async () => {
      const page = await create('Unreadable after');
      sandbox.setFaults({ dropResponseNext: 1 });
      onFirstWrite(() => sandbox.setFaults({ rateLimitNext: 10, retryAfterSeconds: 0 }));
      const error = await api().updatePage({ pageId: page.id, baseVersion: 1, title: 'Unreadable after', storage: '<p>two</p>' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfluenceUnconfirmedWriteError);
      expect((error as Error).message).toMatch(new RegExp(`may have been applied.*Read page ${page.id} before retrying`));
      expect((error as Error).message).not.toMatch(/try again (later|shortly)/);
      expect(writes().map((w) => w.method)).toEqual(['POST', 'PUT']);
    });

    it('sends the update once more when the lost request left the page at the base version', async () => {
      const page = await create('Reset update');
      sandbox.setFaults({ resetWriteNext: 1 });
      const written = await api().updatePage({ pageId: page.id, baseVersion: 1, title: 'Reset update', storage: '<p>two</p>' });
      expect(written).toMatchObject({ version: 2 });
      expect(written.recovered).toBeUndefined();
      expect(writes().map((w) => [w.method, w.status])).toEqual([['POST', 200], ['PUT', 0], ['PUT', 200]]);
    });

    it('reports a lost update that someone else overtook as a conflict, not as recovered', async () => {
      const page = await create('Overtaken');
      sandbox.setFaults({ resetWriteNext: 1 });
      const stored = sandbox.store.getPage(page.id)!;
      const request = api().updatePage({ pageId: page.id, baseVersion: 1, title: 'Overtaken', storage: '<p>mine</p>' });
      sandbox.store.history.keepPage(stored);
      Object.assign(stored, { body: '<p>theirs</p>', version: { ...stored.version, number: 2, authorId: SEED_USERS.alice.accountId } });
      await expect(request).rejects.toBeInstanceOf(ConfluenceConflictError);
    });

    it('says a missing page is not found, and a title taken by another page is a conflict naming it', async () => {
      await expect(api().updatePage({ pageId: '999999', baseVersion: 1, title: 'x', storage: '<p>x</p>' })).rejects.toBeInstanceOf(ConfluenceNotFoundError);
      const page = await create('Rename me');
      const error = await api().updatePage({ pageId: page.id, baseVersion: 1, title: P.howTo.title, storage: '<p>x</p>' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfluenceConflictError);
      expect((error as ConfluenceConflictError).details.existingPageId).toBe(P.howTo.id);
    });
  });

  describe('trashPage and countDescendants', () => {
    it('counts pages at every depth below a page', async () => {
      const expected = sandbox.store.descendants(sandbox.store.getPage(P.architecture.id)!).length;
      expect(expected).toBeGreaterThan(3);
      await expect(api().countDescendants(P.architecture.id)).resolves.toBe(expected);
      await expect(api().countDescendants(P.kafkaGrandchild.id)).resolves.toBe(0);
    });

    it('moves the page to the trash (never purging): reads and searches no longer see it, its children move up', async () => {
      const parent = await api().createPage({ spaceKey: 'DEMO', title: 'Trash parent', storage: '<p>p</p>', parentId: P.howTo.id });
      const child = await api().createPage({ spaceKey: 'DEMO', title: 'Trash child', storage: '<p>c</p>', parentId: parent.id });
      await expect(api().countDescendants(parent.id)).resolves.toBe(1);
      await api().trashPage(parent.id);
      await expect(api().getPage(parent.id)).rejects.toBeInstanceOf(ConfluenceNotFoundError);
      expect((await api().search({ cql: 'title = "Trash parent"', limit: 5 })).items).toEqual([]);
      expect(sandbox.store.getPage(parent.id)?.status).toBe('trashed');
      expect((await api().getPage(child.id)).ancestors.at(-1)?.id).toBe(P.howTo.id);
      expect(writes().filter((w) => w.method === 'DELETE').map((w) => w.query)).toEqual([{}]);
      await expect(api().trashPage(parent.id)).rejects.toBeInstanceOf(ConfluenceNotFoundError);
    });

    it('settles a lost trash by reading back instead of deleting twice', async () => {
      const page = await api().createPage({ spaceKey: 'DEMO', title: 'Trash lost', storage: '<p>p</p>' });
      sandbox.setFaults({ dropResponseNext: 1 });
      await api().trashPage(page.id);
      expect(writes().filter((w) => w.method === 'DELETE')).toHaveLength(1);
      expect(sandbox.store.getPage(page.id)?.status).toBe('trashed');
    });

    it('settles a gateway 504 after the trash landed by reading back, deleting once', async () => {
      const page = await api().createPage({ spaceKey: 'DEMO', title: 'Trash behind a gateway', storage: '<p>p</p>' });
      sandbox.setFaults({ gatewayErrorAfterWriteNext: 1 });
      await api().trashPage(page.id);
      expect(writes().filter((w) => w.method === 'DELETE').map((w) => w.status)).toEqual([504]);
      expect(sandbox.store.getPage(page.id)?.status).toBe('trashed');
    });
  });

  describe('movePage', () => {
    const titlesUnder = async (parentId: string) => (await api().listChildren(parentId, { limit: 100 })).items.map((c) => c.title);

    it('appends under a target, and places before or after a sibling', async () => {
      const moved = await api().movePage({ pageId: P.quotedTitle.id, position: 'append', targetId: P.adr.id });
      expect(moved).toMatchObject({ id: P.quotedTitle.id, spaceKey: 'DEMO' });
      expect(await titlesUnder(P.adr.id)).toEqual([P.quotedTitle.title]);
      await api().movePage({ pageId: P.howTo.id, position: 'before', targetId: P.gallery.id });
      const order = await titlesUnder(P.home.id);
      expect(order.indexOf(P.howTo.title)).toBe(order.indexOf(P.gallery.title) - 1);
      await api().movePage({ pageId: P.howTo.id, position: 'after', targetId: P.labelled.id });
      const after = await titlesUnder(P.home.id);
      expect(after.indexOf(P.howTo.title)).toBe(after.indexOf(P.labelled.title) + 1);
    });

    it('moves a page and its subtree to the top level of another space', async () => {
      const parent = await api().createPage({ spaceKey: 'DEMO', title: 'Travelling', storage: '<p>t</p>', parentId: P.howTo.id });
      const child = await api().createPage({ spaceKey: 'DEMO', title: 'Travelling child', storage: '<p>c</p>', parentId: parent.id });
      const moved = await api().movePage({ pageId: parent.id, position: 'append', targetSpaceKey: 'ENG' });
      expect(moved).toMatchObject({ id: parent.id, spaceKey: 'ENG', version: 2 });
      const read = await api().getPage(parent.id);
      expect(read).toMatchObject({ spaceKey: 'ENG', ancestors: [], storage: '<p>t</p>' });
      expect((await api().getPage(child.id)).spaceKey).toBe('ENG');
      expect((await api().search({ cql: 'space = ENG AND title = "Travelling"', limit: 5 })).items.map((h) => h.id)).toEqual([parent.id]);
    });

    it('refuses a move under its own subtree, an unknown target, and a request without a target', async () => {
      await expect(api().movePage({ pageId: P.architecture.id, position: 'append', targetId: P.kafkaIndex.id })).rejects.toBeInstanceOf(
        ConfluenceInvalidRequestError,
      );
      await expect(api().movePage({ pageId: P.howTo.id, position: 'append', targetId: '999999' })).rejects.toBeInstanceOf(ConfluenceNotFoundError);
      await expect(api().movePage({ pageId: P.howTo.id, position: 'append' })).rejects.toBeInstanceOf(ConfluenceInvalidRequestError);
      await expect(api().movePage({ pageId: P.howTo.id, position: 'append', targetSpaceKey: 'DEMO' })).rejects.toThrow(/already in space DEMO/);
      expect((await api().getPage(P.architecture.id)).ancestors.at(-1)?.id).toBe(P.home.id);
    });

    it('refuses a move into a space that already has the title, as a conflict naming the page there', async () => {
      const clash = await api().createPage({ spaceKey: 'ENG', title: P.howTo.title, storage: '<p>x</p>' });
      const error = await api().movePage({ pageId: P.howTo.id, position: 'append', targetSpaceKey: 'ENG' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfluenceConflictError);
      expect((error as ConfluenceConflictError).details.existingPageId).toBe(clash.id);
    });
  });

  describe('page history', () => {
    it('lists versions newest first, page by page, and reads an old version with its own body and title', async () => {
      const page = await api().createPage({ spaceKey: 'DEMO', title: 'History v1', storage: '<p>first</p>' });
      await api().updatePage({ pageId: page.id, baseVersion: 1, title: 'History v2', storage: '<p>second</p>', message: 'two' });
      await api().updatePage({ pageId: page.id, baseVersion: 2, title: 'History v3', storage: '<p>third</p>' });
      const first = await api().listPageVersions(page.id, { limit: 2 });
      expect(first.items.map((v) => v.number)).toEqual([3, 2]);
      expect(first.items[1]).toMatchObject({ message: 'two', minorEdit: false, author: { displayName: 'Sandbox User' } });
      expect(first.items[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      const rest = await api().listPageVersions(page.id, { limit: 2, cursor: first.nextCursor });
      expect(rest).toEqual({ items: [expect.objectContaining({ number: 1 })], nextCursor: undefined });
      const old = await api().getPageVersion(page.id, 1);
      expect(old).toMatchObject({ id: page.id, version: 1, title: 'History v1', storage: '<p>first</p>' });
      expect((await api().getPageVersion(page.id, 3)).storage).toBe('<p>third</p>');
      await expect(api().getPageVersion(page.id, 9)).rejects.toBeInstanceOf(ConfluenceNotFoundError);
    });

    it('lists every version of a seeded page that is already past version 1', async () => {
      const seeded = sandbox.store.getPage(P.labelled.id)!;
      const versions = await api().listPageVersions(P.labelled.id, { limit: 25 });
      expect(versions.items.map((v) => v.number)).toEqual(Array.from({ length: seeded.version.number }, (_, i) => seeded.version.number - i));
    });
  });
});
