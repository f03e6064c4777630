import { randomBytes } from 'node:crypto';
import { CallToolResult, EmbeddedResource, ImageContent } from '@modelcontextprotocol/sdk/types.js';
import { ConfluenceSandbox } from './sandbox/confluence-sandbox';
import { SEED } from './sandbox/seed';
import { DIAGRAM_PNG, RELEASE_NOTES_TXT, REPORT_PDF } from './sandbox/seed-attachment-bytes';
import { useSandboxApp } from './support/sandbox-app';
import { Layout } from './support/test-config';
import { callTool, dataOf, textOf } from './support/tool-calls';

const UPLOAD = 'confluence_upload_attachment';
const DOWNLOAD = 'confluence_download_attachment';
const LIST = 'confluence_get_attachments';
const MAX_BYTES = 4096;

interface Uploaded {
  id: string;
  title: string;
  media_type: string;
  file_size: number;
  version: number;
  page_id: string;
  download_url: string;
}

/** The block after the summary line: the image or embedded resource carrying the file. */
function fileBlock(result: CallToolResult): ImageContent | EmbeddedResource {
  if (result.isError) throw new Error(`tool failed: ${textOf(result)}`);
  const block = result.content[1];
  if (block?.type !== 'image' && block?.type !== 'resource') throw new Error(`no file block in ${JSON.stringify(result.content)}`);
  return block;
}

function blobOf(result: CallToolResult): { mimeType?: string; bytes: Buffer } {
  const block = fileBlock(result);
  if (block.type !== 'resource' || !('blob' in block.resource)) throw new Error(`expected a blob resource, got ${JSON.stringify(block)}`);
  return { mimeType: block.resource.mimeType, bytes: Buffer.from(block.resource.blob, 'base64') };
}

/** Requests that could have written an attachment: anything but a read. */
function writesIn(sandbox: ConfluenceSandbox) {
  return sandbox.requests.filter((r) => r.method !== 'GET');
}

describe.each<[string, Layout]>([
  ['Cloud', 'cloud'],
  ['Data Center', 'datacenter'],
])('attachment tools (%s)', (_name, layout) => {
  const { sandbox, client } = useSandboxApp(layout, { ATTACHMENT_MAX_BYTES: String(MAX_BYTES) });
  const page = SEED.pages.designAssets.id;

  const upload = (args: Record<string, unknown>) => callTool(client(), UPLOAD, { page_id: page, ...args });

  describe('confluence_upload_attachment', () => {
    it('uploads a file that the listing then shows and the download returns byte for byte', async () => {
      const bytes = randomBytes(1000);
      const uploaded = dataOf<Uploaded>(await upload({ filename: 'build-output.bin', content_base64: bytes.toString('base64') }));
      expect(uploaded).toMatchObject({
        title: 'build-output.bin',
        media_type: 'application/octet-stream',
        file_size: 1000,
        version: 1,
        page_id: page,
      });
      expect(uploaded.id).toMatch(/^att\d+$/);
      expect(uploaded.download_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.*build-output\.bin/);

      const listed = dataOf<{ attachments: { id: string; title: string; file_size: number }[] }>(
        await callTool(client(), LIST, { page_id: page, filename: 'build-output.bin' }),
      );
      expect(listed.attachments).toEqual([expect.objectContaining({ id: uploaded.id, file_size: 1000 })]);

      const downloaded = await callTool(client(), DOWNLOAD, { attachment_id: uploaded.id });
      expect(dataOf(downloaded)).toMatchObject({ id: uploaded.id, delivered_as: 'blob', file_size: 1000 });
      expect(blobOf(downloaded).bytes.equals(bytes)).toBe(true);
    });

    it('takes the media type from the file name, or from media_type when given', async () => {
      const csv = dataOf<Uploaded>(await upload({ filename: 'metrics.csv', content_base64: Buffer.from('a,b\n1,2\n').toString('base64') }));
      const named = dataOf<Uploaded>(
        await upload({ filename: 'notes.data', content_base64: Buffer.from('{}').toString('base64'), media_type: 'Application/JSON' }),
      );
      expect(csv.media_type).toBe('text/csv');
      expect(named.media_type).toBe('application/json');
    });

    it('stores a second upload of the same file name as version 2 of the same attachment', async () => {
      const first = dataOf<Uploaded>(await upload({ filename: 'roadmap.txt', content_base64: Buffer.from('v1').toString('base64') }));
      const second = await upload({
        filename: 'roadmap.txt',
        content_base64: Buffer.from('version two').toString('base64'),
        comment: 'second draft',
      });
      expect(dataOf<Uploaded>(second)).toMatchObject({ id: first.id, version: 2, file_size: 11 });
      expect(textOf(second)).toMatch(/version 2/);

      const downloaded = fileBlock(await callTool(client(), DOWNLOAD, { attachment_id: first.id }));
      expect(downloaded).toMatchObject({ type: 'resource', resource: { text: 'version two', mimeType: 'text/plain' } });
    });

    it('on a dry run says what it would store, and stores nothing', async () => {
      const first = dataOf<Uploaded>(await upload({ filename: 'plan.txt', content_base64: Buffer.from('one').toString('base64') }));
      sandbox.clearRequests();
      const planned = await upload({ filename: 'plan.txt', content_base64: Buffer.from('three').toString('base64'), dry_run: true });
      expect(dataOf<Uploaded & { dry_run: boolean }>(planned)).toMatchObject({ id: first.id, version: 2, file_size: 5, dry_run: true });
      expect(sandbox.requests.filter((r) => r.method !== 'GET')).toEqual([]);
      const fresh = dataOf<Uploaded & { dry_run: boolean }>(
        await upload({ filename: 'never-stored.txt', content_base64: Buffer.from('x').toString('base64'), dry_run: 'true' }),
      );
      expect(fresh).toMatchObject({ id: '', version: 1, dry_run: true });
    });

    it('refuses a file over ATTACHMENT_MAX_BYTES before sending anything to Confluence', async () => {
      sandbox.clearRequests();
      const result = await upload({ filename: 'huge.bin', content_base64: randomBytes(MAX_BYTES + 1).toString('base64') });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(new RegExp(`${MAX_BYTES + 1} bytes, more than the ${MAX_BYTES}-byte upload limit`));
      expect(sandbox.requests).toEqual([]);
    });

    it('refuses content that is not strict base64, such as a file path, without sending it', async () => {
      sandbox.clearRequests();
      for (const content of ['/etc/passwd', 'not base64 at all!', 'aGVsbG8']) {
        const result = await upload({ filename: 'x.txt', content_base64: content });
        expect([content, result.isError]).toEqual([content, true]);
        expect(textOf(result)).toMatch(/content_base64 is not valid base64/);
      }
      expect(sandbox.requests).toEqual([]);
    });

    it('keeps only the last path component of a file name, without control or reserved characters', async () => {
      const result = await upload({ filename: '../../etc/cron.d/ev\u0000il<name>.txt', content_base64: Buffer.from('x').toString('base64') });
      expect(dataOf<Uploaded>(result).title).toBe('evilname.txt');
      expect(textOf(result)).toMatch(/file name cleaned from/);
      const listed = dataOf<{ attachments: { title: string }[] }>(await callTool(client(), LIST, { page_id: page, limit: 100 }));
      expect(listed.attachments.map((a) => a.title)).toContain('evilname.txt');
      expect(listed.attachments.filter((a) => /[/\\<>\u0000]/.test(a.title))).toEqual([]);
    });

    it('refuses a file name with nothing usable left', async () => {
      sandbox.clearRequests();
      const result = await upload({ filename: '../..', content_base64: Buffer.from('x').toString('base64') });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/nothing usable left/);
      expect(writesIn(sandbox)).toEqual([]);
    });

    it('reports a page that does not exist', async () => {
      const result = await callTool(client(), UPLOAD, {
        page_id: '999999999',
        filename: 'a.txt',
        content_base64: Buffer.from('a').toString('base64'),
      });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/Page 999999999 was not found/);
    });

    it('advertises itself as a write that is neither destructive nor idempotent, with an output schema', async () => {
      const { tools } = await client().listTools();
      const tool = tools.find((t) => t.name === UPLOAD);
      expect(tool?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true });
      expect(Object.keys(tool?.inputSchema.properties ?? {}).sort()).toEqual(['comment', 'content_base64', 'dry_run', 'filename', 'media_type', 'page_id']);
      expect(tool?.outputSchema?.properties).toHaveProperty('download_url');
    });
  });

  describe('confluence_download_attachment', () => {
    it('returns a text file as an embedded text resource', async () => {
      const result = await callTool(client(), DOWNLOAD, { attachment_id: SEED.attachments.text.id });
      expect(dataOf(result)).toMatchObject({
        id: SEED.attachments.text.id,
        title: SEED.attachments.text.title,
        media_type: 'text/plain',
        file_size: RELEASE_NOTES_TXT.length,
        delivered_as: 'text',
        page_id: page,
      });
      expect(fileBlock(result)).toEqual({
        type: 'resource',
        resource: { uri: `confluence://attachment/${SEED.attachments.text.id}`, mimeType: 'text/plain', text: RELEASE_NOTES_TXT.toString('utf8') },
      });
    });

    it('returns an image as image content', async () => {
      const result = await callTool(client(), DOWNLOAD, { attachment_id: SEED.attachments.png.id });
      expect(dataOf(result)).toMatchObject({ delivered_as: 'image', version: 2 });
      expect(fileBlock(result)).toEqual({ type: 'image', mimeType: 'image/png', data: DIAGRAM_PNG.toString('base64') });
    });

    it('returns any other file as a base64 blob resource', async () => {
      const result = blobOf(await callTool(client(), DOWNLOAD, { attachment_id: SEED.attachments.pdf.id }));
      expect(result.mimeType).toBe('application/pdf');
      expect(result.bytes.equals(REPORT_PDF)).toBe(true);
    });

    it('accepts the id as digits, a number, or the download URL from the listing', async () => {
      const listed = dataOf<{ attachments: { id: string; download_url: string }[] }>(
        await callTool(client(), LIST, { page_id: page, filename: SEED.attachments.pdf.title }),
      );
      const digits = SEED.attachments.pdf.id.slice(3);
      for (const form of [digits, Number(digits), listed.attachments[0].download_url]) {
        expect(dataOf(await callTool(client(), DOWNLOAD, { attachment_id: form })).id).toBe(SEED.attachments.pdf.id);
      }
    });

    it('reports an attachment that does not exist', async () => {
      const result = await callTool(client(), DOWNLOAD, { attachment_id: 'att999999' });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/Attachment att999999 was not found/);
    });

    it('explains what an attachment id looks like', async () => {
      const result = await callTool(client(), DOWNLOAD, { attachment_id: 'quarterly-report.pdf' });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/attachment id such as "att123456"/);
    });
  });
});

describe('attachment tools with CONFLUENCE_SPACES=ENG', () => {
  const { sandbox, client } = useSandboxApp('cloud', { CONFLUENCE_SPACES: 'ENG' });

  it('refuses an upload to a page in another space, sending no write', async () => {
    sandbox.clearRequests();
    const result = await callTool(client(), UPLOAD, {
      page_id: SEED.pages.designAssets.id,
      filename: 'a.txt',
      content_base64: Buffer.from('a').toString('base64'),
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/not allowed to access/);
    expect(writesIn(sandbox)).toEqual([]);
  });

  it('uploads to and downloads from a page in the allowed space', async () => {
    const uploaded = dataOf<Uploaded>(
      await callTool(client(), UPLOAD, { page_id: SEED.pages.engHome.id, filename: 'runbook.md', content_base64: Buffer.from('# Runbook').toString('base64') }),
    );
    expect(uploaded).toMatchObject({ media_type: 'text/markdown', page_id: SEED.pages.engHome.id });
    const block = fileBlock(await callTool(client(), DOWNLOAD, { attachment_id: uploaded.id }));
    expect(block).toMatchObject({ type: 'resource', resource: { mimeType: 'text/markdown', text: '# Runbook' } });
  });

  it('accepts an upload far larger than a default HTTP body limit, within ATTACHMENT_MAX_BYTES', async () => {
    const bytes = randomBytes(300_000);
    const uploaded = dataOf<Uploaded>(
      await callTool(client(), UPLOAD, { page_id: SEED.pages.engHome.id, filename: 'dump.bin', content_base64: bytes.toString('base64') }),
    );
    expect(uploaded.file_size).toBe(300_000);
    expect(blobOf(await callTool(client(), DOWNLOAD, { attachment_id: uploaded.id })).bytes.equals(bytes)).toBe(true);
  });

  it('refuses to download an attachment in another space without revealing it or fetching its content', async () => {
    sandbox.clearRequests();
    const result = await callTool(client(), DOWNLOAD, { attachment_id: SEED.attachments.text.id });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/not allowed to access/);
    expect(JSON.stringify(result)).not.toMatch(/Release 2\.4\.0|release-notes/);
    expect(sandbox.requests.filter((r) => r.path.includes('/download/'))).toEqual([]);
  });
});

describe('attachment tools with ATTACHMENT_MAX_BYTES=100', () => {
  const { sandbox, client } = useSandboxApp('datacenter', { ATTACHMENT_MAX_BYTES: '100' });

  it('refuses to download a file over the limit, naming its size and the limit', async () => {
    sandbox.clearRequests();
    const result = await callTool(client(), DOWNLOAD, { attachment_id: SEED.attachments.pdf.id });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(new RegExp(`${REPORT_PDF.length} bytes, more than the 100-byte download limit`));
    expect(sandbox.requests.filter((r) => r.path.includes('/download/'))).toEqual([]);
  });

  it('still downloads a file under the limit', async () => {
    const result = await callTool(client(), DOWNLOAD, { attachment_id: SEED.attachments.png.id });
    expect(fileBlock(result)).toMatchObject({ type: 'image', data: DIAGRAM_PNG.toString('base64') });
  });
});
