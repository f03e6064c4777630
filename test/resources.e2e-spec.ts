import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { SEED } from './sandbox/seed';
import { DIAGRAM_PNG, RELEASE_NOTES_TXT } from './sandbox/seed-attachment-bytes';
import { useSandboxApp } from './support/sandbox-app';
import { Layout } from './support/test-config';

/** The MCP specification's "resource not found" code. */
const RESOURCE_NOT_FOUND = -32002;

/** The text of a resource read that should have come back as text. */
function textContent(contents: { uri: string; text?: unknown; blob?: unknown }[]): string {
  const first = contents[0];
  if (typeof first?.text !== 'string') throw new Error(`expected text contents, got ${JSON.stringify(contents)}`);
  return first.text;
}

/** Reads a resource expecting a refusal, and returns the JSON-RPC error it came back as. */
async function readError(client: Client, uri: string): Promise<McpError> {
  const error = await client.readResource({ uri }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof McpError)) throw new Error(`expected an MCP error reading ${uri}, got ${String(error)}`);
  return error;
}

describe.each<[string, Layout]>([
  ['Cloud', 'cloud'],
  ['Data Center', 'datacenter'],
])('MCP resources with CONFLUENCE_SPACES=DEMO (%s)', (_name, layout) => {
  const { sandbox, client } = useSandboxApp(layout, { CONFLUENCE_SPACES: 'DEMO' });

  it('lists the page and attachment resource templates', async () => {
    const { resourceTemplates } = await client().listResourceTemplates();
    expect(resourceTemplates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ uriTemplate: 'confluence://page/{page_id}', name: 'confluence-page', mimeType: 'text/markdown' }),
        expect.objectContaining({ uriTemplate: 'confluence://attachment/{attachment_id}', name: 'confluence-attachment' }),
      ]),
    );
    expect(resourceTemplates).toHaveLength(2);
    expect((await client().listResources()).resources).toEqual([]);
  });

  it('reads a page as markdown under a header with its title, space, version and URL', async () => {
    const uri = `confluence://page/${SEED.pages.labelled.id}`;
    const { contents } = await client().readResource({ uri });
    expect(contents).toHaveLength(1);
    expect(contents[0]).toMatchObject({ uri, mimeType: 'text/markdown' });
    const text = textContent(contents);
    const version = sandbox.store.getPage(SEED.pages.labelled.id)?.version.number;
    expect(text.split('\n')[0]).toBe(`# ${SEED.pages.labelled.title}`);
    expect(text).toMatch(new RegExp(`space DEMO · version ${version} · http://127\\.0\\.0\\.1:\\d+/\\S*${SEED.pages.labelled.id}`));
    expect(text).toMatch(/^- Update release notes$/m);
    expect(text).not.toMatch(/<\/?(ul|li)>/);
  });

  it('refuses a page in a space outside the allowlist without revealing it', async () => {
    const error = await readError(client(), `confluence://page/${SEED.pages.engHome.id}`);
    expect(error.code).toBe(ErrorCode.InvalidRequest);
    expect(error.message).toMatch(/not allowed to access/);
    expect(error.message).not.toMatch(/Engineering|handbook/i);
  });

  it('reports a missing page as resource not found', async () => {
    const error = await readError(client(), 'confluence://page/999999999');
    expect(error.code).toBe(RESOURCE_NOT_FOUND);
    expect(error.message).toMatch(/^MCP error -32002: Page 999999999 was not found/);
    expect(error.message.match(/MCP error/g)).toHaveLength(1);
  });

  it('refuses a page id that is not a number', async () => {
    const error = await readError(client(), 'confluence://page/release-checklist');
    expect(error.code).toBe(ErrorCode.InvalidParams);
    expect(error.message).toMatch(/not a page id/);
  });

  it('reads a text attachment as text and an image as a blob', async () => {
    const textUri = `confluence://attachment/${SEED.attachments.text.id}`;
    const pngUri = `confluence://attachment/${SEED.attachments.png.id}`;
    expect((await client().readResource({ uri: textUri })).contents).toEqual([
      { uri: textUri, mimeType: 'text/plain', text: RELEASE_NOTES_TXT.toString('utf8') },
    ]);
    expect((await client().readResource({ uri: pngUri })).contents).toEqual([
      { uri: pngUri, mimeType: 'image/png', blob: DIAGRAM_PNG.toString('base64') },
    ]);
  });

  it('reports a missing attachment as resource not found', async () => {
    const error = await readError(client(), 'confluence://attachment/att999999');
    expect(error.code).toBe(RESOURCE_NOT_FOUND);
    expect(error.message).toMatch(/Attachment att999999 was not found/);
  });
});

describe('MCP resources with CONFLUENCE_SPACES=ENG', () => {
  const { sandbox, client } = useSandboxApp('cloud', { CONFLUENCE_SPACES: 'ENG' });

  it('reads a page of the allowed space', async () => {
    const { contents } = await client().readResource({ uri: `confluence://page/${SEED.pages.engHome.id}` });
    expect(textContent(contents)).toMatch(/^# Engineering Home\n[\s\S]*Engineering handbook and runbooks\./);
  });

  it('refuses an attachment in another space without fetching or revealing its content', async () => {
    sandbox.clearRequests();
    const error = await readError(client(), `confluence://attachment/${SEED.attachments.text.id}`);
    expect(error.code).toBe(ErrorCode.InvalidRequest);
    expect(error.message).toMatch(/not allowed to access/);
    expect(error.message).not.toMatch(/Release 2\.4\.0|release-notes/);
    expect(sandbox.requests.filter((r) => r.path.includes('/download/'))).toEqual([]);
  });
});
