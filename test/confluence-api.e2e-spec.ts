import { readFileSync } from 'node:fs';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { ConfluenceApiFactory } from '../src/confluence/confluence-api.factory';
import { ConfluenceHttpClient } from '../src/confluence/confluence-http.client';
import {
  ConfluenceAuthenticationError,
  ConfluenceInvalidRequestError,
  ConfluenceNotFoundError,
  ConfluenceUnavailableError,
} from '../src/confluence/confluence.errors';
import { ConfluenceConnection } from '../src/confluence/confluence.types';
import { encodeCursor } from '../src/confluence/cursor';

jest.setTimeout(20_000);

const FIXTURES = path.resolve(__dirname, '../../shared/confluence-fixtures');
const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8'));
const MCPATL = fixture('mcpatl-confluence_mocks.json');

type Route = (url: URL) => unknown;

/** The Cloud and Data Center APIs, through the real HTTP client, against a server that answers with recorded bodies. */
describe('ConfluenceApi implementations over HTTP', () => {
  let server: Server;
  let origin: string;
  let routes: Map<string, Route>;
  let statuses: Map<string, number>;
  let seen: string[];
  let http: ConfluenceHttpClient;
  let factory: ConfluenceApiFactory;

  const cloud = (): ConfluenceConnection => ({
    id: 'cloud',
    deployment: 'cloud',
    baseUrl: `${origin}/wiki`,
    auth: { kind: 'basic', username: 'bot@example.com', apiToken: 'token' },
  });
  const dataCenter = (): ConfluenceConnection => ({
    id: 'dc',
    deployment: 'datacenter',
    baseUrl: `${origin}/confluence`,
    auth: { kind: 'bearer', token: 'pat' },
  });

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url ?? '/', origin);
      seen.push(url.pathname + url.search);
      const route = routes.get(url.pathname);
      res.writeHead(statuses.get(url.pathname) ?? (route ? 200 : 404), { 'content-type': 'application/json' });
      res.end(JSON.stringify(route ? route(url) : { statusCode: 404, message: 'No route' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  beforeEach(() => {
    seen = [];
    routes = new Map();
    statuses = new Map();
    http = new ConfluenceHttpClient(
      { timeoutMs: 2_000, maxRetries: 0, retryBaseMs: 10, retryMaxDelayMs: 10, deadlineMs: 5_000, userAgent: 'test' },
      { observe: () => undefined },
    );
    factory = new ConfluenceApiFactory(http);
  });

  afterEach(async () => {
    await http.onModuleDestroy();
    server.closeAllConnections();
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('caches one API per connection and replaces it when the credentials change', () => {
    const connection = cloud();
    expect(factory.forConnection(connection)).toBe(factory.forConnection({ ...connection }));
    expect(factory.forConnection({ ...connection, auth: { kind: 'bearer', token: 'new' } })).not.toBe(
      factory.forConnection(connection),
    );
  });

  it('Cloud listPages resolves the space id once, pages with v2 cursors and refuses a cursor for another space', async () => {
    routes.set('/wiki/api/v2/spaces', () => ({ results: [{ id: '42', key: 'ENG' }] }));
    routes.set('/wiki/api/v2/pages', (url) => ({
      results: [{ id: url.searchParams.get('cursor') ? '2' : '1', title: 'P', version: { number: 3 } }],
      _links: url.searchParams.get('cursor') ? {} : { next: '/wiki/api/v2/pages?space-id=42&limit=1&cursor=t2' },
    }));
    const api = factory.forConnection(cloud());
    const first = await api.listPages({ spaceKey: 'ENG', limit: 1 });
    const second = await api.listPages({ spaceKey: 'ENG', limit: 1, cursor: first.nextCursor });
    expect(first.items[0]).toMatchObject({ id: '1', version: 3, url: `${origin}/wiki/pages/viewpage.action?pageId=1` });
    expect(second).toEqual({ items: [expect.objectContaining({ id: '2' })], nextCursor: undefined });
    expect(seen).toEqual([
      '/wiki/api/v2/spaces?keys=ENG&limit=1',
      '/wiki/api/v2/pages?space-id=42&limit=1',
      '/wiki/api/v2/pages?space-id=42&limit=1&cursor=t2',
    ]);
    const forged = encodeCursor('/api/v2/pages?space-id=99&limit=1&cursor=t2');
    await expect(api.listPages({ spaceKey: 'ENG', limit: 1, cursor: forged })).rejects.toBeInstanceOf(
      ConfluenceInvalidRequestError,
    );
    expect(seen).toHaveLength(3);
  });

  it('Cloud listPages reports an unknown space key as not found', async () => {
    routes.set('/wiki/api/v2/spaces', () => ({ results: [] }));
    await expect(factory.forConnection(cloud()).listPages({ spaceKey: 'NOPE', limit: 5 })).rejects.toBeInstanceOf(
      ConfluenceNotFoundError,
    );
  });

  it('Cloud listSpaces sends v2 comma-joined keys', async () => {
    routes.set('/wiki/api/v2/spaces', () => ({ results: [{ id: '1', key: 'A', name: 'A', _links: { webui: '/spaces/A' } }] }));
    const page = await factory.forConnection(cloud()).listSpaces({ keys: ['A', 'B'], type: 'global', limit: 10 });
    expect(seen).toEqual(['/wiki/api/v2/spaces?keys=A%2CB&type=global&limit=10']);
    expect(page.items[0].url).toBe(`${origin}/wiki/spaces/A`);
  });

  it('Cloud getPage reads v1 with every expansion in one round trip', async () => {
    routes.set('/wiki/rest/api/content/987654321', () => MCPATL.MOCK_PAGE_RESPONSE);
    const page = await factory.forConnection(cloud()).getPage('987654321');
    expect(page).toMatchObject({ id: '987654321', title: 'Example Meeting Notes', spaceKey: 'PROJ', version: 1 });
    expect(seen).toEqual([
      '/wiki/rest/api/content/987654321?expand=body.storage%2Cversion%2Cspace%2Chistory%2Cancestors%2Cmetadata.labels',
    ]);
  });

  it('Cloud search uses v1 CQL search and turns _links.next into a cursor', async () => {
    routes.set('/wiki/rest/api/search', () => ({
      ...(MCPATL.MOCK_CQL_SEARCH_RESPONSE as object),
      _links: { base: `${origin}/wiki`, next: '/rest/api/search?cql=type+%3D+page&limit=1&cursor=abc' },
    }));
    const api = factory.forConnection(cloud());
    const page = await api.search({ cql: 'type = page', limit: 1 });
    expect(page.items[0]).toMatchObject({ id: '123456789', spaceKey: 'TEAM', url: expect.stringContaining(`${origin}/wiki/spaces/TEAM`) });
    await api.search({ cql: 'type = page', limit: 1, cursor: page.nextCursor });
    expect(seen).toEqual([
      '/wiki/rest/api/search?cql=type+%3D+page&limit=1&expand=content.space%2Ccontent.version',
      '/wiki/rest/api/search?cql=type+%3D+page&limit=1&cursor=abc',
    ]);
    await expect(api.search({ cql: 'type = blogpost', limit: 1, cursor: page.nextCursor })).rejects.toBeInstanceOf(
      ConfluenceInvalidRequestError,
    );
  });

  it('listComments asks for footer and inline comments with replies in one call', async () => {
    routes.set('/wiki/rest/api/content/123/child/comment', () => MCPATL.MOCK_COMMENTS_RESPONSE);
    const page = await factory.forConnection(cloud()).listComments({ pageId: '123', includeInline: true, limit: 25 });
    expect(page.items[0]).toMatchObject({ id: '456789123', inline: true });
    const url = new URL(seen[0], origin);
    expect(url.searchParams.getAll('location')).toEqual(['footer', 'inline']);
    expect(url.searchParams.get('depth')).toBe('all');
  });

  it('Data Center lists spaces with repeated spaceKey params under /rest/api', async () => {
    routes.set('/confluence/rest/api/space', () => MCPATL.MOCK_SPACES_RESPONSE);
    const page = await factory.forConnection(dataCenter()).listSpaces({ keys: ['A', 'B'], limit: 5 });
    expect(seen).toEqual(['/confluence/rest/api/space?spaceKey=A&spaceKey=B&limit=5']);
    expect(page.items.map((space) => space.key)).toEqual(['~user1', 'PROJ']);
    expect(page.nextCursor).toBe(encodeCursor('/rest/api/space?next=true&limit=5&start=5'));
  });

  it('Data Center findPageByTitle queries /rest/api/content and reports a miss as not found', async () => {
    routes.set('/confluence/rest/api/content', () => ({ results: [] }));
    await expect(factory.forConnection(dataCenter()).findPageByTitle('ENG', 'Runbook')).rejects.toThrow(
      'No page titled "Runbook" in space ENG.',
    );
    const url = new URL(seen[0], origin);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ type: 'page', spaceKey: 'ENG', title: 'Runbook' });
  });

  it('Data Center listPages reports an unknown space key as not found, worded as on Cloud', async () => {
    routes.set('/confluence/rest/api/content', () => ({ results: [], _links: {} }));
    const dcError = await factory.forConnection(dataCenter()).listPages({ spaceKey: 'NOPE', limit: 5 }).catch((e: unknown) => e);
    expect(dcError).toBeInstanceOf(ConfluenceNotFoundError);
    expect(seen).toEqual([
      '/confluence/rest/api/content?type=page&spaceKey=NOPE&limit=5&expand=version%2Cancestors',
      '/confluence/rest/api/space/NOPE',
    ]);
    routes.set('/wiki/api/v2/spaces', () => ({ results: [] }));
    const cloudError = await factory.forConnection(cloud()).listPages({ spaceKey: 'NOPE', limit: 5 }).catch((e: unknown) => e);
    expect((dcError as Error).message).toBe('No space with key NOPE.');
    expect((cloudError as Error).message).toBe((dcError as Error).message);
  });

  it('Data Center listPages returns an empty first page of an existing space, and checks only the first page', async () => {
    routes.set('/confluence/rest/api/content', () => ({ results: [], _links: {} }));
    routes.set('/confluence/rest/api/space/~jdoe', () => ({ id: 7, key: '~jdoe', name: 'J Doe' }));
    const api = factory.forConnection(dataCenter());
    await expect(api.listPages({ spaceKey: '~jdoe', title: 'Missing', limit: 5 })).resolves.toEqual({
      items: [],
      nextCursor: undefined,
    });
    expect(seen[1]).toBe('/confluence/rest/api/space/~jdoe');
    const cursor = encodeCursor('/rest/api/content?type=page&spaceKey=GONE&limit=5&start=5');
    await expect(api.listPages({ spaceKey: 'GONE', limit: 5, cursor })).resolves.toEqual({ items: [], nextCursor: undefined });
    expect(seen).toHaveLength(3);
  });

  it.each([
    ['Data Center', { type: 'anonymous', displayName: 'Anonymous', profilePicture: { path: '/images/icons/profilepics/anonymous.svg' } }],
    ['Cloud', { type: 'anonymous', displayName: 'Anonymous', publicName: 'Anonymous' }],
    ['no identity', { displayName: 'Somebody' }],
  ])('currentUser refuses an anonymous session (%s)', async (_label, body) => {
    routes.set('/confluence/rest/api/user/current', () => body);
    const error = await factory.forConnection(dataCenter()).currentUser().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceAuthenticationError);
    expect((error as Error).message).toBe('Confluence treats these credentials as anonymous; check the credentials.');
  });

  it('currentUser returns a known user', async () => {
    routes.set('/wiki/rest/api/user/current', () => ({ type: 'known', accountId: 'acc-1', displayName: 'Bot' }));
    await expect(factory.forConnection(cloud()).currentUser()).resolves.toEqual({ accountId: 'acc-1', displayName: 'Bot' });
  });

  it('passes a per-call retry limit through to the HTTP client', async () => {
    const retrying = new ConfluenceHttpClient(
      { timeoutMs: 2_000, maxRetries: 3, retryBaseMs: 1, retryMaxDelayMs: 1, deadlineMs: 5_000, userAgent: 'test' },
      { observe: () => undefined },
    );
    statuses.set('/confluence/rest/api/user/current', 503);
    statuses.set('/confluence/rest/api/space', 503);
    const api = new ConfluenceApiFactory(retrying).forConnection(dataCenter());
    await expect(api.currentUser({ retries: 0 })).rejects.toBeInstanceOf(ConfluenceUnavailableError);
    expect(seen).toHaveLength(1);
    await expect(api.listSpaces({ limit: 5 }, { retries: 1 })).rejects.toBeInstanceOf(ConfluenceUnavailableError);
    expect(seen).toHaveLength(3);
    await api.currentUser().catch(() => undefined);
    expect(seen).toHaveLength(7);
    await retrying.onModuleDestroy();
  });

  it('discards downloaded bytes that do not add up to the size Confluence lists for the attachment', async () => {
    routes.set('/confluence/rest/api/content/att9', () => ({
      id: 'att9', type: 'attachment', title: 'a.txt', version: { number: 1 }, extensions: { fileSize: 100, mediaType: 'text/plain' },
      container: { id: '5', type: 'page' }, _links: { download: '/download/attachments/5/a.txt?version=1' },
    }));
    routes.set('/confluence/download/attachments/5/a.txt', () => 'abc');
    const error = await factory.forConnection(dataCenter()).downloadAttachment('att9', 1_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceUnavailableError);
    expect((error as Error).message).toBe('Confluence sent 5 bytes for attachment att9, which is listed as 100 bytes; the download was discarded.');
    expect(seen).toEqual(['/confluence/rest/api/content/att9?expand=version%2Ccontainer%2Cspace', '/confluence/download/attachments/5/a.txt?version=1']);
  });

  it('refuses page ids that would change the request path', async () => {
    await expect(factory.forConnection(dataCenter()).getPage('../space')).rejects.toBeInstanceOf(ConfluenceInvalidRequestError);
    expect(seen).toEqual([]);
  });
});
