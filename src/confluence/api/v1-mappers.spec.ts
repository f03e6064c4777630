import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  isAnonymousUser,
  v1Attachment,
  v1Comment,
  v1Label,
  v1Page,
  v1PageSummary,
  v1SearchHit,
  v1Space,
  v1User,
} from './v1-mappers';
import type { V1Content, V1PagedList, V1SearchResult, V1Space, V1Label } from './v1.types';

const FIXTURES = path.resolve(__dirname, '../../../../shared/confluence-fixtures');
const fixture = <T>(name: string): T => JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as T;
const mcpatl = <T>(key: string): T => fixture<Record<string, T>>('mcpatl-confluence_mocks.json')[key];
const CLOUD = 'https://example.atlassian.net/wiki';

describe('v1 mappers', () => {
  it('maps a full page read (mcp-atlassian MOCK_PAGE_RESPONSE)', () => {
    const content = mcpatl<V1Content>('MOCK_PAGE_RESPONSE');
    const page = v1Page(content, content._links?.base ?? CLOUD);
    expect(page).toEqual({
      id: '987654321',
      type: 'page',
      title: 'Example Meeting Notes',
      spaceKey: 'PROJ',
      status: 'current',
      version: 1,
      author: { accountId: 'user123', displayName: 'Example User (Unlicensed)' },
      createdAt: '2024-01-01T09:00:00.000Z',
      updatedBy: { accountId: 'user123', displayName: 'Example User (Unlicensed)' },
      updatedAt: '2024-01-01T09:00:00.000Z',
      url: 'https://example.atlassian.net/wiki/spaces/PROJ/pages/987654321/Example+Meeting+Notes',
      ancestors: [],
      labels: [],
      storage: content.body?.storage?.value,
    });
    expect(page.storage).toContain('<ac:emoticon ac:name="blue-star" />');
  });

  it('takes author and creation date from history, and ancestors in order (real xsoar search result)', () => {
    const list = fixture<V1PagedList<V1Content>>('xsoar-content_search_command_response.json');
    const page = v1Page(list.results![0], list._links!.base!);
    expect(page).toMatchObject({
      id: '8912897',
      title: 'Trial_1',
      spaceKey: 'TRIAL',
      version: 1,
      author: { displayName: 'John doe' },
      createdAt: '2021-08-19T09:11:19.755Z',
      updatedAt: '2021-08-19T09:11:19.755Z',
      url: 'https://xsoar-bd.atlassian.net/wiki/spaces/TRIAL/pages/8912897/Trial_1',
      ancestors: [{ id: '7798799', title: 'Trial1212' }],
      storage: '',
    });
  });

  it('reads labels from metadata.labels', () => {
    const content: V1Content = { id: '1', metadata: { labels: { results: [{ name: 'howto' }, { name: 'vpn' }] } } };
    expect(v1Page(content, CLOUD).labels).toEqual(['howto', 'vpn']);
  });

  it('maps a CQL search result, its excerpt and the space key from the container URL (MOCK_CQL_SEARCH_RESPONSE)', () => {
    const response = mcpatl<V1PagedList<V1SearchResult> & { _links: { base: string } }>('MOCK_CQL_SEARCH_RESPONSE');
    const hit = v1SearchHit(response.results![0], response._links.base);
    expect(hit).toEqual({
      id: '123456789',
      type: 'page',
      title: '2024-01-01: Team Progress Meeting 01',
      spaceKey: 'TEAM',
      url: 'https://example.atlassian.net/wiki/spaces/TEAM/pages/123456789/2024-01-01+Team+Progress+Meeting+01',
      excerpt: '📅 Date 2024-01-01 👥 Participants John Smith Jane Doe Bob Wilson !-@123456',
      lastModified: '2024-01-01T08:00:00.000Z',
    });
  });

  it('cleans highlight markers, tags and entities out of excerpts', () => {
    const result: V1SearchResult = {
      content: { id: '5', type: 'page', title: 'VPN', space: { key: 'IT' } },
      excerpt: 'Connect to the @@@hl@@@VPN@@@endhl@@@ &amp; <b>restart</b>&nbsp;the\n\n  client &#8212; &#x2713;<p>done</p>',
    };
    expect(v1SearchHit(result, CLOUD)).toMatchObject({
      spaceKey: 'IT',
      excerpt: 'Connect to the VPN & restart the client — ✓ done',
      url: 'https://example.atlassian.net/wiki/pages/viewpage.action?pageId=5',
    });
  });

  it('skips search results that are neither content nor space', () => {
    expect(v1SearchHit({ entityType: 'user', title: 'Someone' }, CLOUD)).toBeUndefined();
  });

  it('maps comments: inline flag, author from version 1 when history is absent (MOCK_COMMENTS_RESPONSE)', () => {
    const response = mcpatl<V1PagedList<V1Content>>('MOCK_COMMENTS_RESPONSE');
    expect(v1Comment(response.results![0], 'https://company.atlassian.net/wiki')).toEqual({
      id: '456789123',
      author: { accountId: '712020:abc123-def456-ghi789', displayName: 'John Doe' },
      createdAt: '2024-01-01T10:00:00.000Z',
      storage: '',
      parentId: undefined,
      inline: true,
      url: 'https://company.atlassian.net/wiki/spaces/TEAM/pages/123456789/Technical+Design+Document?focusedCommentId=456789123',
    });
  });

  it('maps a real footer comment (xsoar) and takes the parent from the last comment ancestor', () => {
    const content = fixture<V1Content>('xsoar-comment_create_command_response.json');
    const comment = v1Comment(content, content._links!.base!);
    expect(comment).toMatchObject({
      id: '9535501',
      author: { displayName: 'John Doe' },
      createdAt: '2021-08-20T12:47:46.851Z',
      inline: false,
      parentId: undefined,
      storage: 'hello',
    });
    const reply: V1Content = {
      ...content,
      ancestors: [
        { id: '2031630', type: 'blogpost' },
        { id: '100', type: 'comment' },
        { id: '200', type: 'comment' },
      ],
    };
    expect(v1Comment(reply, CLOUD).parentId).toBe('200');
  });

  it('maps spaces (MOCK_SPACES_RESPONSE)', () => {
    const response = mcpatl<V1PagedList<V1Space> & { _links: { base: string } }>('MOCK_SPACES_RESPONSE');
    expect(response.results!.map((space) => v1Space(space, response._links.base))).toEqual([
      { id: '11111111', key: '~user1', name: 'User One', type: 'personal', status: 'archived', url: 'https://example.atlassian.net/wiki/spaces/~user1' },
      { id: '22222222', key: 'PROJ', name: 'Project Space', type: 'global', status: 'current', url: 'https://example.atlassian.net/wiki/spaces/PROJ' },
    ]);
  });

  it('maps labels, defaulting the prefix (MOCK_LABELS_RESPONSE)', () => {
    const response = mcpatl<V1PagedList<V1Label>>('MOCK_LABELS_RESPONSE');
    expect(response.results!.map(v1Label)).toEqual([
      { name: 'meeting-notes', prefix: 'global' },
      { name: 'important', prefix: 'my' },
      { name: 'test', prefix: 'global' },
    ]);
  });

  it('maps Data Center page listings with the parent from the last ancestor (real docToolchain response)', () => {
    const response = fixture<V1PagedList<V1Content>>('dtc-apiV1-space.json');
    const summaries = response.results!.map((content) => v1PageSummary(content, response._links!.base!));
    expect(summaries[1]).toEqual({
      id: '1081416',
      title: 'page old 2',
      parentId: undefined,
      version: 0,
      updatedAt: undefined,
      url: 'https://confluence.de/pages/viewpage.action?pageId=1081416',
    });
    const child = response.results!.find((content) => (content.ancestors ?? []).length > 0)!;
    expect(v1PageSummary(child, 'https://confluence.de').parentId).toBe(child.ancestors!.at(-1)!.id);
  });

  it('maps attachments with an absolute download URL', () => {
    const content: V1Content = {
      id: 'att105348',
      type: 'attachment',
      title: 'diagram.svg',
      version: { number: 2, when: '2024-02-01T00:00:00.000Z' },
      extensions: { mediaType: 'image/svg+xml', fileSize: 1098 },
      _links: { download: '/download/attachments/987654321/diagram.svg?version=2&api=v2' },
    };
    expect(v1Attachment(content, CLOUD)).toEqual({
      id: 'att105348',
      title: 'diagram.svg',
      mediaType: 'image/svg+xml',
      fileSize: 1098,
      version: 2,
      createdAt: undefined,
      downloadUrl: 'https://example.atlassian.net/wiki/download/attachments/987654321/diagram.svg?version=2&api=v2',
    });
  });
});

describe('v1User', () => {
  it('keeps the identity our own writes are recognised by: account id on Cloud, user key and username on Data Center', () => {
    expect(v1User({ type: 'known', accountId: '557058:abc', publicName: 'Ann' })).toEqual({ accountId: '557058:abc', displayName: 'Ann' });
    expect(v1User({ type: 'known', userKey: '8a7f808aann', username: 'ann', displayName: 'Ann A.' })).toEqual({
      accountId: '8a7f808aann',
      username: 'ann',
      displayName: 'Ann A.',
    });
  });
});

describe('isAnonymousUser', () => {
  it('recognises the anonymous user of Cloud and Data Center', () => {
    expect(isAnonymousUser({ type: 'anonymous', displayName: 'Anonymous' })).toBe(true);
    expect(isAnonymousUser({ type: 'Anonymous', accountId: 'x' })).toBe(true);
    expect(isAnonymousUser({ displayName: 'Someone' })).toBe(true);
    expect(isAnonymousUser({ accountId: '  ', displayName: 'Someone' })).toBe(true);
  });

  it('accepts a known user identified by account id, username or user key', () => {
    expect(isAnonymousUser({ type: 'known', accountId: '5b10a2844c20165700ede21g' })).toBe(false);
    expect(isAnonymousUser({ username: 'admin' })).toBe(false);
    expect(isAnonymousUser({ userKey: '2c9682a45e5b8e1d015e5b8f3e3c0000' })).toBe(false);
  });
});
