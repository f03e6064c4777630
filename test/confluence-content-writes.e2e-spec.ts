import {
  ConfluenceInvalidRequestError,
  ConfluenceNotFoundError,
  ConfluenceUnavailableError,
  ConfluenceUnconfirmedWriteError,
} from '../src/confluence/confluence.errors';
import { ConfluenceDownloadTooLargeError } from '../src/confluence/download-too-large.error';
import { OpenApiValidator } from './sandbox/openapi-validator';
import { SEED } from './sandbox/seed';
import { useSandboxApi } from './support/sandbox-api';
import { Layout } from './support/test-config';

jest.setTimeout(20_000);

const P = SEED.pages;
const LAYOUTS: Layout[] = ['cloud', 'datacenter'];

/** Comments, labels, attachments and the request bodies of both ConfluenceApi implementations, against the sandbox in each layout. */
describe.each(LAYOUTS)('ConfluenceApi comment, label and attachment writes against the sandbox (%s)', (layout) => {
  const { sandbox, api, writes } = useSandboxApi(layout);

  describe('comments', () => {
    it('adds a comment and a reply that list back as a thread, and reads one with its page and space', async () => {
      const comment = await api().addComment({ pageId: P.howTo.id, storage: '<p>Looks good</p>' });
      expect(comment).toMatchObject({ storage: '<p>Looks good</p>', pageId: P.howTo.id, spaceKey: 'DEMO', inline: false });
      expect(comment.parentId).toBeUndefined();
      const reply = await api().addComment({ pageId: P.howTo.id, storage: '<p>Agreed</p>', parentCommentId: comment.id });
      expect(reply).toMatchObject({ parentId: comment.id, pageId: P.howTo.id });
      const listed = await api().listComments({ pageId: P.howTo.id, includeInline: false, limit: 25 });
      expect(listed.items.map((c) => [c.id, c.parentId])).toEqual([[comment.id, undefined], [reply.id, comment.id]]);
      const read = await api().getComment(reply.id);
      expect(read).toMatchObject({ id: reply.id, pageId: P.howTo.id, spaceKey: 'DEMO', parentId: comment.id, author: { displayName: 'Sandbox User' } });
    });

    it("refuses a reply to another page's comment, a comment on a missing page, and a page id read as a comment", async () => {
      await expect(api().addComment({ pageId: P.howTo.id, storage: '<p>x</p>', parentCommentId: SEED.comments.footer.id })).rejects.toBeInstanceOf(
        ConfluenceInvalidRequestError,
      );
      await expect(api().addComment({ pageId: '999999', storage: '<p>x</p>' })).rejects.toBeInstanceOf(ConfluenceNotFoundError);
      await expect(api().getComment(P.howTo.id)).rejects.toThrow(`No comment with id ${P.howTo.id}.`);
      await expect(api().getComment(SEED.comments.reply.id)).resolves.toMatchObject({ parentId: SEED.comments.footer.id, spaceKey: 'DEMO' });
    });

    it('finds its own reply after a gateway 504 that came once the comment had landed, and never posts it twice', async () => {
      sandbox.setFaults({ gatewayErrorAfterWriteNext: 1 });
      const reply = await api().addComment({ pageId: P.howTo.id, storage: '<p>Landed behind a gateway</p>' });
      expect(reply).toMatchObject({ pageId: P.howTo.id, storage: '<p>Landed behind a gateway</p>', recovered: true });
      expect(sandbox.store.commentsOf(P.howTo.id).map((c) => c.id)).toEqual([reply.id]);
      expect(writes().map((w) => [w.method, w.status])).toEqual([['POST', 504]]);
    });

    it('reports a lost comment it cannot find as unconfirmed, says to list the comments first, and does not re-send', async () => {
      sandbox.setFaults({ gatewayErrorBeforeWriteNext: 1, gatewayStatus: 502 });
      const error = await api().addComment({ pageId: P.howTo.id, storage: '<p>Refused at the gate</p>' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfluenceUnconfirmedWriteError);
      expect((error as Error).message).toMatch(new RegExp(`may have been applied.*List the comments of page ${P.howTo.id} before retrying`));
      expect(writes().map((w) => [w.method, w.status])).toEqual([['POST', 502]]);
      expect(sandbox.store.commentsOf(P.howTo.id)).toEqual([]);
    });
  });

  describe('labels', () => {
    it('adds global labels (lower-cased, existing ones kept), which list and search back, and removes one', async () => {
      const after = await api().addLabels(P.howTo.id, ['Runbooks', 'ops']);
      expect(after).toEqual([{ name: 'runbooks', prefix: 'global' }, { name: 'ops', prefix: 'global' }]);
      const again = await api().addLabels(P.howTo.id, ['ops']);
      expect(again.map((l) => l.name)).toEqual(['runbooks', 'ops']);
      expect((await api().listLabels(P.howTo.id)).map((l) => l.name)).toEqual(['runbooks', 'ops']);
      expect((await api().search({ cql: 'label = "runbooks"', limit: 5 })).items.map((h) => h.id)).toEqual([P.howTo.id]);
      await api().removeLabel(P.howTo.id, 'runbooks');
      expect((await api().getPage(P.howTo.id)).labels).toEqual(['ops']);
      expect(writes().find((w) => w.method === 'DELETE')?.query).toEqual({ name: 'runbooks' });
    });

    it('settles label writes lost behind a gateway by reading the labels back, re-sending only what is missing', async () => {
      sandbox.setFaults({ gatewayErrorAfterWriteNext: 1, gatewayStatus: 502 });
      expect((await api().addLabels(P.howTo.id, ['Landed'])).map((l) => l.name)).toEqual(['landed']);
      sandbox.setFaults({ gatewayErrorBeforeWriteNext: 1, gatewayStatus: 502 });
      expect((await api().addLabels(P.howTo.id, ['refused'])).map((l) => l.name)).toEqual(['landed', 'refused']);
      sandbox.setFaults({ gatewayErrorAfterWriteNext: 1 });
      await api().removeLabel(P.howTo.id, 'landed');
      expect((await api().getPage(P.howTo.id)).labels).toEqual(['refused']);
      expect(writes().map((w) => [w.method, w.status])).toEqual([['POST', 502], ['POST', 502], ['POST', 200], ['DELETE', 504]]);
    });

    it('refuses a label Confluence forbids and a missing page', async () => {
      await expect(api().addLabels(P.howTo.id, ['two words'])).rejects.toBeInstanceOf(ConfluenceInvalidRequestError);
      await expect(api().addLabels('999999', ['x'])).rejects.toBeInstanceOf(ConfluenceNotFoundError);
      expect((await api().getPage(P.howTo.id)).labels).toEqual([]);
    });
  });

  describe('attachments', () => {
    const upload = (content: string, filename = 'notes.txt') =>
      api().uploadAttachment({ pageId: P.howTo.id, filename, content: Buffer.from(content), mediaType: 'text/plain', comment: 'from the test' });

    it('uploads a new file, then a new version under the same name, and downloads the latest bytes', async () => {
      const first = await upload('first draft');
      expect(first).toMatchObject({ title: 'notes.txt', version: 1, fileSize: 11, mediaType: 'text/plain', pageId: P.howTo.id, spaceKey: 'DEMO' });
      const second = await upload('second, longer draft');
      expect(second).toMatchObject({ id: first.id, version: 2, fileSize: 20 });
      expect(sandbox.store.attachmentsOf(P.howTo.id).map((a) => a.title)).toEqual(['notes.txt']);
      const download = await api().downloadAttachment(first.id, 1_000);
      expect(download.content.toString()).toBe('second, longer draft');
      expect(download.attachment).toMatchObject({ id: first.id, version: 2, pageId: P.howTo.id });
      const fetched = sandbox.requests.filter((r) => r.method === 'GET' && /download|media/.test(r.path)).map((r) => r.path);
      expect(fetched).toEqual(
        layout === 'cloud'
          ? [`/wiki/rest/api/content/${P.howTo.id}/child/attachment/${first.id}/download`, expect.stringMatching(/^\/wiki\/media\/file\/[^/]+\/binary$/)]
          : [`/confluence/download/attachments/${P.howTo.id}/notes.txt`],
      );
      const uploads = writes().filter((w) => w.method === 'POST').map((w) => w.path.replace(/^.*\/rest\/api/, ''));
      expect(uploads).toEqual([`/content/${P.howTo.id}/child/attachment`, `/content/${P.howTo.id}/child/attachment/${first.id}/data`]);
    });

    it('keeps a non-ASCII file name and binary bytes intact', async () => {
      const png = sandbox.store.getAttachment(SEED.attachments.png.id)!.bytes;
      const uploaded = await api().uploadAttachment({ pageId: P.howTo.id, filename: 'Übersicht 2024.png', content: png, mediaType: 'image/png' });
      expect(uploaded).toMatchObject({ title: 'Übersicht 2024.png', mediaType: 'image/png', fileSize: png.length });
      expect((await api().downloadAttachment(uploaded.id, 10_000)).content.equals(png)).toBe(true);
    });

    it('returns the upload, recovered, when its response is lost, and never uploads twice', async () => {
      sandbox.setFaults({ dropResponseNext: 1 });
      const uploaded = await upload('only once');
      expect(uploaded).toMatchObject({ version: 1, fileSize: 9, recovered: true });
      expect(writes().map((w) => w.method)).toEqual(['POST']);
      expect(sandbox.store.attachmentsOf(P.howTo.id)).toHaveLength(1);
    });

    it('reports an upload lost before it applied as unconfirmed, without sending it again', async () => {
      sandbox.setFaults({ resetWriteNext: 1 });
      const error = await upload('never arrives').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfluenceUnconfirmedWriteError);
      expect(error).toBeInstanceOf(ConfluenceUnavailableError);
      expect((error as Error).message).toBe(
        `Uploading "notes.txt" to page ${P.howTo.id} may have been applied: Confluence's answer was lost and reading back could not confirm it ` +
          `either way. List the attachments of page ${P.howTo.id} before retrying; a blind retry could apply it twice.`,
      );
      expect(writes()).toHaveLength(1);
      expect(sandbox.store.attachmentsOf(P.howTo.id)).toEqual([]);
    });

    it('reads an attachment with its page and space, and refuses a page id as an attachment', async () => {
      const attachment = await api().getAttachment(SEED.attachments.pdf.id);
      expect(attachment).toMatchObject({ title: 'quarterly-report.pdf', pageId: P.designAssets.id, spaceKey: 'DEMO', mediaType: 'application/pdf' });
      await expect(api().getAttachment(P.designAssets.id)).rejects.toBeInstanceOf(ConfluenceNotFoundError);
      await expect(api().getAttachment('att999999')).rejects.toBeInstanceOf(ConfluenceNotFoundError);
    });

    it('refuses a download over the cap, naming the limit, before fetching any byte', async () => {
      const text = sandbox.store.getAttachment(SEED.attachments.text.id)!.bytes;
      const error = await api().downloadAttachment(SEED.attachments.text.id, text.length - 1).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfluenceDownloadTooLargeError);
      expect(error).toBeInstanceOf(ConfluenceInvalidRequestError);
      expect(error).toMatchObject({ limitBytes: text.length - 1, sizeBytes: text.length });
      expect((error as Error).message).toBe(`The file is ${text.length} bytes, over the limit of ${text.length - 1} bytes; it was not downloaded.`);
      expect(sandbox.requests.some((r) => r.path.includes('/download/'))).toBe(false);
      expect((await api().downloadAttachment(SEED.attachments.text.id, text.length)).content.equals(text)).toBe(true);
    });
  });

  it('sends JSON write bodies that the official request schemas accept', async () => {
    const v1 = new OpenApiValidator('v1', 'cloud-v1.json');
    const page = await api().createPage({ spaceKey: 'DEMO', title: 'Schema check', storage: '<p>x</p>', parentId: P.howTo.id });
    await api().updatePage({ pageId: page.id, baseVersion: 1, title: 'Schema check', storage: '<p>y</p>', parentId: P.gallery.id, minorEdit: true, message: 'm' });
    await api().addComment({ pageId: page.id, storage: '<p>c</p>' });
    await api().addLabels(page.id, ['schema']);
    await api().movePage({ pageId: page.id, position: 'append', targetSpaceKey: 'ENG' });
    const bodies = writes().filter((w) => w.body !== undefined);
    const specPath = (path: string) => `/wiki/rest/api${path.replace(/^.*\/rest\/api/, '').replace(/\/\d+/g, '/{id}')}`;
    const checked = bodies.map((w) => ({ route: `${w.method} ${specPath(w.path)}`, errors: v1.validateRequest(specPath(w.path), w.method.toLowerCase() as 'post', w.body) }));
    expect(checked).toEqual([
      { route: 'POST /wiki/rest/api/content', errors: [] },
      { route: 'PUT /wiki/rest/api/content/{id}', errors: [] },
      { route: 'POST /wiki/rest/api/content', errors: [] },
      { route: 'POST /wiki/rest/api/content/{id}/label', errors: [] },
      { route: 'PUT /wiki/rest/api/content/{id}', errors: [] },
    ]);
  });
});
