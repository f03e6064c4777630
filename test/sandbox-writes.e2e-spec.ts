import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ConfluenceSandbox } from './sandbox/confluence-sandbox';
import { SEED } from './sandbox/seed';

const P = SEED.pages;
const FIXTURES = path.resolve(__dirname, '../../shared/confluence-fixtures');
const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8'));

interface Answer {
  status: number;
  type: string | null;
  json: Record<string, unknown>;
  text: string;
}

/** The sandbox's Confluence write behaviour, seen over raw HTTP: the bodies and statuses Confluence answers with. */
describe('Confluence sandbox writes', () => {
  const sandbox = new ConfluenceSandbox();
  const basic = `Basic ${Buffer.from(`${sandbox.credentials.username}:${sandbox.credentials.apiToken}`).toString('base64')}`;
  const api = (rest: string): string => `${sandbox.cloudUrl}/rest/api${rest}`;
  const send = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
    const json = body !== undefined && !(body instanceof FormData);
    const res = await fetch(url, {
      method,
      headers: { authorization: basic, ...(json ? { 'content-type': 'application/json' } : {}), ...headers },
      body: json ? JSON.stringify(body) : (body as FormData | undefined),
    });
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type'), text, json: text.startsWith('{') ? JSON.parse(text) : {} };
  };
  const storage = (value: string) => ({ storage: { value, representation: 'storage' } });
  const createPage = async (title: string): Promise<string> => {
    const answer = await send('POST', api('/content'), { type: 'page', title, space: { key: 'DEMO' }, body: storage('<p>one</p>') });
    expect(answer.status).toBe(200);
    return String(answer.json.id);
  };
  const fileForm = (text: string, name = 'a.txt'): FormData => {
    const form = new FormData();
    form.append('file', new Blob([text], { type: 'text/plain' }), name);
    return form;
  };

  beforeAll(() => sandbox.start());
  afterAll(() => sandbox.stop());
  beforeEach(() => sandbox.reset());

  it("refuses a stale update with Confluence's 409 body naming the current version", async () => {
    const id = await createPage('Stale');
    const answer = await send('PUT', api(`/content/${id}`), { type: 'page', title: 'Stale', version: { number: 3 }, body: storage('<p>x</p>') });
    expect(answer.status).toBe(409);
    expect(answer.json).toEqual({
      statusCode: 409,
      data: { authorized: false, valid: true, errors: [], successful: false },
      message: 'com.atlassian.confluence.api.service.exceptions.api.ConflictException: Version must be incremented on update. Current version is: 1',
      reason: 'Conflict',
    });
    const missing = await send('PUT', api(`/content/${id}`), { type: 'page', title: 'Stale', body: storage('<p>x</p>') });
    expect(missing).toMatchObject({ status: 400, json: { message: 'Must supply an incremented version when updating Content. No version supplied.' } });
  });

  it('answers a taken title with 400 as Confluence does, and a title over 255 characters with the captured body', async () => {
    const taken = await send('POST', api('/content'), { type: 'page', title: P.labelled.title.toLowerCase(), space: { key: 'DEMO' }, body: storage('') });
    expect(taken.status).toBe(400);
    expect(taken.json.message).toBe(
      `com.atlassian.confluence.api.service.exceptions.BadRequestException: A page with this title already exists: A page already exists with the title ${P.labelled.title.toLowerCase()} in the space with key DEMO`,
    );
    const long = await send('POST', api('/content'), { type: 'page', title: 'x'.repeat(256), space: { key: 'DEMO' }, body: storage('') });
    const captured = fixture('xsoar-content_create_required_argument_error.json');
    expect(long.status).toBe(400);
    expect({ message: long.json.message, data: long.json.data }).toEqual({ message: captured.message, data: captured.data });
  });

  it('refuses a multipart upload without X-Atlassian-Token: no-check with the XSRF filter\'s plain 403', async () => {
    const upload = (headers: Record<string, string>) => send('POST', api(`/content/${P.howTo.id}/child/attachment`), fileForm('x'), headers);
    const refusedHeaders: Record<string, string>[] = [{}, { 'X-Atlassian-Token': 'yes' }];
    for (const headers of refusedHeaders) {
      const refused = await upload(headers);
      expect({ status: refused.status, text: refused.text, type: refused.type }).toEqual({ status: 403, text: 'XSRF check failed', type: 'text/plain;charset=UTF-8' });
    }
    expect(sandbox.store.attachmentsOf(P.howTo.id)).toEqual([]);
    expect((await upload({ 'X-Atlassian-Token': 'nocheck' })).status).toBe(200);
    const again = await upload({ 'X-Atlassian-Token': 'no-check' });
    expect(again).toMatchObject({ status: 400, json: { message: expect.stringContaining('same file name as an existing attachment: a.txt') } });
    const json = await send('POST', api(`/content/${P.howTo.id}/child/attachment`), { file: 'x' }, { 'X-Atlassian-Token': 'no-check' });
    expect(json.status).toBe(415);
  });

  it('keeps every attachment version downloadable by the version in its link', async () => {
    const created = await send('POST', api(`/content/${P.howTo.id}/child/attachment`), fileForm('first'), { 'X-Atlassian-Token': 'no-check' });
    const attachmentId = (created.json.results as { id: string }[])[0].id;
    const updated = await send('POST', api(`/content/${P.howTo.id}/child/attachment/${attachmentId}/data`), fileForm('second'), { 'X-Atlassian-Token': 'no-check' });
    expect(updated.json).toMatchObject({ id: attachmentId, version: { number: 2 }, extensions: { fileSize: 6 } });
    const link = (updated.json._links as { download: string }).download;
    expect(link).toMatch(/version=2/);
    const bearer = { authorization: `Bearer ${sandbox.credentials.personalToken}` };
    expect((await send('GET', `${sandbox.dataCenterUrl}${link}`, undefined, bearer)).text).toBe('second');
    expect((await send('GET', `${sandbox.dataCenterUrl}${link.replace('version=2', 'version=1')}`, undefined, bearer)).text).toBe('first');
    const signed = async (version?: number): Promise<string> => {
      const query = version ? `?version=${version}` : '';
      const res = await fetch(api(`/content/${P.howTo.id}/child/attachment/${attachmentId}/download${query}`), { headers: { authorization: basic }, redirect: 'manual' });
      return (await fetch(res.headers.get('location') ?? '')).text();
    };
    expect(await signed()).toBe('second');
    expect(await signed(1)).toBe('first');
  });

  it('moves a page to the trash on DELETE, hides it from reads unless asked, and purges only what is trashed', async () => {
    const id = await createPage('Trash me');
    const purgeCurrent = await send('DELETE', api(`/content/${id}?status=trashed`));
    const captured = fixture('xsoar-content_delete_command_bad_request_error.json');
    expect(purgeCurrent.status).toBe(400);
    expect(purgeCurrent.json.data).toEqual(captured.data);
    const trashed = await send('DELETE', api(`/content/${id}`));
    expect({ status: trashed.status, text: trashed.text }).toEqual({ status: 204, text: '' });
    expect((await send('GET', api(`/content/${id}`))).status).toBe(404);
    expect((await send('GET', api(`/content/${id}?status=trashed`))).json).toMatchObject({ id, status: 'trashed' });
    expect((await send('DELETE', api(`/content/${id}`))).status).toBe(404);
    expect((await send('GET', `${sandbox.cloudUrl}/api/v2/pages/${id}`)).status).toBe(404);
    expect((await send('DELETE', api(`/content/${id}?status=trashed`))).status).toBe(204);
    expect((await send('GET', api(`/content/${id}?status=any`))).status).toBe(404);
  });

  it('deletes a comment (with its replies) or an attachment permanently on DELETE, as the v1 spec says, leaving the page alone', async () => {
    const { footer, reply } = SEED.comments;
    const pageId = sandbox.store.getComment(footer.id)!.pageId;
    const pageVersion = sandbox.store.getPage(pageId)!.version.number;
    expect(sandbox.store.getComment(reply.id)?.parentCommentId).toBe(footer.id);
    expect(await send('DELETE', api(`/content/${footer.id}`))).toMatchObject({ status: 204, text: '' });
    expect((await send('GET', api(`/content/${footer.id}`))).status).toBe(404);
    expect((await send('GET', api(`/content/${reply.id}`))).status).toBe(404);
    expect((await send('DELETE', api(`/content/${footer.id}`))).status).toBe(404);
    const attachmentId = SEED.attachments.text.id;
    const attachmentPage = sandbox.store.getAttachment(attachmentId)!.pageId;
    expect((await send('DELETE', api(`/content/${attachmentId}?status=trashed`))).status).toBe(204);
    expect((await send('GET', api(`/content/${attachmentId}`))).status).toBe(404);
    const listed = await send('GET', api(`/content/${attachmentPage}/child/attachment`));
    expect((listed.json.results as { id: string }[]).map((a) => a.id)).not.toContain(attachmentId);
    expect(sandbox.store.getPage(pageId)).toMatchObject({ status: 'current', version: { number: pageVersion } });
  });

  it('rewrites stored bodies on save under rewriteStorageOnSave, as Confluence Cloud does, and stores them as sent otherwise', async () => {
    const sent = '<ac:structured-macro ac:name="toc" /><table><tbody><tr><td>a<br/>b</td></tr></tbody></table>';
    const plain = await send('POST', api('/content'), { type: 'page', title: 'As sent', space: { key: 'DEMO' }, body: storage(sent) });
    expect(sandbox.store.getPage(String(plain.json.id))?.body).toBe(sent);
    sandbox.setFaults({ rewriteStorageOnSave: true });
    const created = await send('POST', api('/content'), { type: 'page', title: 'Rewritten', space: { key: 'DEMO' }, body: storage(sent) });
    const read = await send('GET', api(`/content/${String(created.json.id)}?expand=body.storage`));
    const stored = (read.json.body as { storage: { value: string } }).storage.value;
    expect(stored).toMatch(/^<ac:structured-macro ac:name="toc" ac:schema-version="1" ac:local-id="[0-9a-f-]{36}" ac:macro-id="[0-9a-f-]{36}" \/>/);
    expect(stored).toMatch(/<table data-layout="default" ac:local-id="[0-9a-f-]{36}"><tbody><tr><td>a<br \/>b<\/td>/);
    const comment = await send('POST', api('/content'), { type: 'comment', container: { id: P.howTo.id, type: 'page' }, body: storage('<p>x<br/>y</p>') });
    expect(sandbox.store.getComment(String(comment.json.id))?.body).toBe('<p>x<br />y</p>');
  });

  it('answers a write with a gateway error after applying it, or instead of applying it, under the gateway faults', async () => {
    sandbox.setFaults({ gatewayErrorAfterWriteNext: 1, gatewayErrorBeforeWriteNext: 1, gatewayStatus: 502 });
    const refused = await send('POST', api('/content'), { type: 'page', title: 'Refused', space: { key: 'DEMO' }, body: storage('') });
    expect(refused.status).toBe(502);
    expect(sandbox.store.pageTitled('DEMO', 'Refused')).toBeUndefined();
    const landed = await send('POST', api('/content'), { type: 'page', title: 'Landed', space: { key: 'DEMO' }, body: storage('') });
    expect(landed.status).toBe(502);
    expect(sandbox.store.pageTitled('DEMO', 'Landed')).toBeDefined();
    sandbox.setFaults({ gatewayErrorAfterWriteNext: 1, htmlErrors: true });
    const timedOut = await send('POST', api('/content'), { type: 'page', title: 'Timed out', space: { key: 'DEMO' }, body: storage('') });
    expect({ status: timedOut.status, type: timedOut.type }).toEqual({ status: 504, type: expect.stringContaining('text/html') });
    expect(timedOut.text).toContain('504 Gateway Timeout');
    expect(sandbox.requests.map((r) => [r.method, r.status])).toEqual([['POST', 502], ['POST', 502], ['POST', 504]]);
  });

  it('serves an old version only with status=historical, as it was then', async () => {
    const id = await createPage('Versions');
    await send('PUT', api(`/content/${id}`), { type: 'page', title: 'Versions 2', version: { number: 2 }, body: storage('<p>two</p>') });
    const old = await send('GET', api(`/content/${id}?status=historical&version=1&expand=body.storage,version`));
    expect(old.json).toMatchObject({ id, status: 'historical', title: 'Versions', version: { number: 1 }, body: { storage: { value: '<p>one</p>' } } });
    expect((await send('GET', api(`/content/${id}?version=1`))).status).toBe(404);
    expect((await send('GET', api(`/content/${id}?status=historical&version=2`))).json).toMatchObject({ status: 'current', title: 'Versions 2' });
    expect((await send('GET', api(`/content/${id}?status=historical&version=7`))).status).toBe(404);
  });

  it('serves the version list at /rest/api on Cloud and at /rest/experimental on Data Center only', async () => {
    const bearer = { authorization: `Bearer ${sandbox.credentials.personalToken}` };
    expect((await send('GET', api(`/content/${P.labelled.id}/version`))).status).toBe(200);
    expect((await send('GET', `${sandbox.dataCenterUrl}/rest/api/content/${P.labelled.id}/version`, undefined, bearer)).status).toBe(404);
    const dc = await send('GET', `${sandbox.dataCenterUrl}/rest/experimental/content/${P.labelled.id}/version`, undefined, bearer);
    expect((dc.json.results as { number: number }[]).map((v) => v.number)).toEqual([2, 1]);
    expect((await send('GET', `${sandbox.cloudUrl}/rest/experimental/content/${P.labelled.id}/version`)).status).toBe(404);
  });

  it('applies a write and then drops its answer under dropResponseNext, set through the admin route; reads are not counted', async () => {
    expect((await fetch(`${sandbox.origin}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ dropResponseNext: 1 }) })).status).toBe(200);
    expect((await send('GET', api('/space'))).status).toBe(200);
    await expect(send('POST', api('/content'), { type: 'page', title: 'Dropped', space: { key: 'DEMO' }, body: storage('') })).rejects.toThrow();
    expect(sandbox.store.pageTitled('DEMO', 'Dropped')).toBeDefined();
    expect(sandbox.faults.dropResponseNext).toBe(0);
    expect((await send('POST', api('/content'), { type: 'page', title: 'Answered', space: { key: 'DEMO' }, body: storage('') })).status).toBe(200);
  });

  it('cuts a write before applying it under resetWriteNext', async () => {
    sandbox.setFaults({ resetWriteNext: 1 });
    await expect(send('POST', api('/content'), { type: 'page', title: 'Never', space: { key: 'DEMO' }, body: storage('') })).rejects.toThrow();
    expect(sandbox.store.pageTitled('DEMO', 'Never')).toBeUndefined();
    expect(sandbox.requests.map((r) => [r.method, r.status])).toEqual([['POST', 0]]);
  });

  it('makes writes visible to CQL at once: new titles, new labels, moved and trashed pages', async () => {
    const id = await createPage('Searchable zebra');
    const cql = async (query: string): Promise<string[]> => {
      const answer = await send('GET', api(`/search?cql=${encodeURIComponent(query)}`));
      return (answer.json.results as { content: { id: string } }[]).map((r) => r.content.id);
    };
    expect(await cql('text ~ "zebra"')).toEqual([id]);
    await send('POST', api(`/content/${id}/label`), [{ prefix: 'global', name: 'striped' }]);
    expect(await cql('label = "striped"')).toEqual([id]);
    await send('PUT', api(`/content/${id}/move/append/${P.adr.id}`));
    expect(await cql(`ancestor = ${P.architecture.id} AND title = "Searchable zebra"`)).toEqual([id]);
    await send('DELETE', api(`/content/${id}`));
    expect(await cql('text ~ "zebra"')).toEqual([]);
  });
});
