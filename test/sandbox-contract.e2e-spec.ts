import { ConfluenceSandbox } from './sandbox/confluence-sandbox';
import { HttpVerb, OpenApiValidator } from './sandbox/openapi-validator';
import { RouteInfo } from './sandbox/sandbox-router';
import { SEED } from './sandbox/seed';

const P = SEED.pages;

/** Concrete params and query for each route template, chosen so every list answers with data. */
const SAMPLES: Record<string, { params: Record<string, string>; query: string }> = {
  'v1 /search': { params: {}, query: 'cql=text%20~%20kafka&expand=content.body.storage,content.version' },
  'v1 /content/search': { params: {}, query: 'cql=space%20%3D%20DEMO&expand=version,ancestors,body.storage' },
  'v1 /content': { params: {}, query: 'spaceKey=DEMO&type=page&expand=body.storage,version,ancestors,space,history,metadata.labels' },
  'v1 /content/{id}': { params: { id: P.labelled.id }, query: 'expand=body.storage,version,space,history,ancestors,metadata.labels,children.page' },
  'v1 /content/{id}/child/page': { params: { id: P.gallery.id }, query: 'expand=version,ancestors' },
  'v1 /content/{id}/child/comment': { params: { id: P.meetingNotes.id }, query: 'expand=body.storage,history,version,extensions.inlineProperties,ancestors&depth=all' },
  'v1 /content/{id}/child/attachment': { params: { id: P.designAssets.id }, query: 'expand=version' },
  'v1 /content/{id}/label': { params: { id: P.labelled.id }, query: '' },
  'v1 /space': { params: {}, query: 'expand=description,homepage' },
  'v1 /space/{spaceKey}': { params: { spaceKey: SEED.spaces.demo.key }, query: 'expand=description,homepage' },
  'v1 /user/current': { params: {}, query: '' },
  'v1 /content/{id}/version': { params: { id: P.labelled.id }, query: 'limit=2' },
  'experimental /content/{id}/version': { params: { id: P.labelled.id }, query: '' },
  'v2 /spaces': { params: {}, query: '' },
  'v2 /spaces/{id}': { params: { id: SEED.spaces.demo.id }, query: '' },
  'v2 /spaces/{id}/pages': { params: { id: SEED.spaces.demo.id }, query: 'body-format=storage' },
  'v2 /pages': { params: {}, query: 'body-format=storage&limit=50' },
  'v2 /pages/{id}': { params: { id: P.labelled.id }, query: 'body-format=storage&include-labels=true' },
  'v2 /pages/{id}/children': { params: { id: P.gallery.id }, query: '' },
  'v2 /pages/{id}/attachments': { params: { id: P.designAssets.id }, query: '' },
  'v2 /pages/{id}/labels': { params: { id: P.labelled.id }, query: '' },
  'v2 /pages/{id}/footer-comments': { params: { id: P.meetingNotes.id }, query: 'body-format=storage' },
  'v2 /pages/{id}/inline-comments': { params: { id: P.meetingNotes.id }, query: 'body-format=storage' },
};

interface Item {
  id: string;
  excerpt: string;
  content: { id: string };
  ancestors: Item[];
  extensions: Record<string, unknown>;
  _links: Record<string, string>;
}

interface Listing {
  results: Item[];
  _links: Record<string, string>;
  start: number;
  totalSize: number;
  errors: Array<{ code: string }>;
}

const shape = (template: string): string => template.replace(/\{[^}]+\}/g, '{}');

function concreteUrl(sandbox: ConfluenceSandbox, route: RouteInfo): string {
  const sample = SAMPLES[`${route.family} ${route.template}`];
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(sample.params[name]));
  return `${sandbox.origin}${path}${sample.query ? `?${sample.query}` : ''}`;
}

describe('Confluence sandbox contract', () => {
  const sandbox = new ConfluenceSandbox();
  const v1 = new OpenApiValidator('v1', 'cloud-v1.json');
  const v2 = new OpenApiValidator('v2', 'cloud-v2.json');
  const basic = `Basic ${Buffer.from(`${sandbox.credentials.username}:${sandbox.credentials.apiToken}`).toString('base64')}`;
  const bearer = `Bearer ${sandbox.credentials.personalToken}`;
  const apiRoutes = (): RouteInfo[] => sandbox.routes.filter((r) => r.family !== 'download');
  /** GET routes whose spec answer is a 200 JSON body (the REST download endpoint answers with a redirect instead). */
  const getRoutes = (): RouteInfo[] =>
    apiRoutes().filter((r) => r.method === 'GET' && specFor(r).validator.responseStatuses(specFor(r).specPath, 'get').includes('200'));
  const specFor = (route: RouteInfo): { validator: OpenApiValidator; specPath: string } =>
    route.family === 'v2' ? { validator: v2, specPath: route.specPath ?? '' } : { validator: v1, specPath: `/wiki/rest/api${route.specPath ?? ''}` };
  const get = (url: string, authorization: string | null = basic): Promise<Response> =>
    fetch(url, { headers: authorization ? { authorization } : {} });
  const getJson = async (url: string, authorization: string | null = basic): Promise<{ status: number; body: Listing }> => {
    const res = await get(url, authorization);
    return { status: res.status, body: (await res.json()) as Listing };
  };

  beforeAll(() => sandbox.start());
  afterAll(() => sandbox.stop());
  beforeEach(() => sandbox.reset());

  it('serves every v1 route in both layouts and v2 only under /wiki', () => {
    const layouts = (family: string): Set<string> => new Set(apiRoutes().filter((r) => r.family === family).map((r) => r.layout));
    expect(layouts('v1')).toEqual(new Set(['cloud', 'dc']));
    expect(layouts('v2')).toEqual(new Set(['cloud']));
    expect(apiRoutes().length).toBeGreaterThanOrEqual(30);
  });

  it('exposes only routes whose spec path exists in the official spec with the same method, matching by template shape', () => {
    for (const route of apiRoutes()) {
      const { validator, specPath } = specFor(route);
      const specShapes = validator.getPaths(route.method.toLowerCase() as HttpVerb).map(shape);
      expect({ route: route.path, inSpec: specShapes.includes(shape(specPath)) }).toEqual({ route: route.path, inSpec: true });
      const specSegments = (route.specPath ?? '').split('/');
      const routeSegments = route.template.split('/');
      expect(routeSegments).toHaveLength(specSegments.length);
      routeSegments.forEach((segment, i) => expect(segment === specSegments[i] || specSegments[i].startsWith('{')).toBe(true));
    }
  });

  it('has a validator that rejects bodies breaking the spec', () => {
    expect(v1.validate('/wiki/rest/api/space/{spaceKey}', { id: 1, name: 'No key' })).not.toEqual([]);
    expect(v2.validate('/pages/{id}/children', { results: [{ id: 5 }] })).not.toEqual([]);
  });

  it('answers every GET route with a 200 body that validates against the spec response schema', async () => {
    for (const route of getRoutes()) {
      const authorization = route.layout === 'dc' ? bearer : basic;
      const { status, body } = await getJson(concreteUrl(sandbox, route), authorization);
      const { validator, specPath } = specFor(route);
      expect({ route: route.path, layout: route.layout, status }).toEqual({ route: route.path, layout: route.layout, status: 200 });
      expect({ route: route.path, layout: route.layout, errors: validator.validate(specPath, body) }).toEqual({ route: route.path, layout: route.layout, errors: [] });
    }
  });

  it('rejects requests without credentials with 401, WWW-Authenticate and the right envelope', async () => {
    const cloud = await get(`${sandbox.cloudUrl}/rest/api/content/${P.home.id}`, null);
    expect(cloud.status).toBe(401);
    expect(cloud.headers.get('www-authenticate')).toContain('Basic');
    expect(await cloud.json()).toMatchObject({ statusCode: 401, data: { authorized: false } });
    const v2res = await getJson(`${sandbox.cloudUrl}/api/v2/pages/${P.home.id}`, null);
    expect(v2res).toEqual({ status: 401, body: { errors: [{ status: 401, code: 'UNAUTHORIZED', title: 'Unauthorized', detail: null }] } });
    expect((await get(`${sandbox.dataCenterUrl}/rest/api/space`, 'Bearer wrong')).status).toBe(401);
  });

  it('accepts a PAT on Data Center but not on Cloud', async () => {
    expect((await get(`${sandbox.dataCenterUrl}/rest/api/user/current`, bearer)).status).toBe(200);
    expect((await get(`${sandbox.cloudUrl}/rest/api/user/current`, bearer)).status).toBe(401);
  });

  it('answers unknown ids and routes with JSON 404 envelopes', async () => {
    expect(await getJson(`${sandbox.cloudUrl}/rest/api/content/123`)).toEqual({
      status: 404,
      body: { statusCode: 404, data: { authorized: true, valid: true, errors: [], successful: true }, message: 'No content found with id : ContentId{id=123}', reason: 'Not Found' },
    });
    expect(await getJson(`${sandbox.cloudUrl}/api/v2/pages/123`)).toEqual({
      status: 404,
      body: { errors: [{ status: 404, code: 'NOT_FOUND', title: 'Not Found', detail: null }] },
    });
    const unknown = await get(`${sandbox.dataCenterUrl}/rest/api/no-such-route`, bearer);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/json');
  });

  it('rejects malformed limits with a 400', async () => {
    expect((await getJson(`${sandbox.cloudUrl}/rest/api/space?limit=abc`)).status).toBe(400);
    const tooBig = await getJson(`${sandbox.cloudUrl}/api/v2/pages?limit=251`);
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.errors[0].code).toBe('INVALID_REQUEST_PARAMETER');
  });

  it('answers 429 with Retry-After and rate-limit headers for the next N requests', async () => {
    sandbox.setFaults({ rateLimitNext: 2, retryAfterSeconds: 3 });
    const first = await get(`${sandbox.cloudUrl}/rest/api/space`);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('3');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(first.headers.get('x-ratelimit-limit')).toBeTruthy();
    expect(first.headers.get('x-ratelimit-reset')).toBeTruthy();
    expect((await get(`${sandbox.cloudUrl}/rest/api/space`)).status).toBe(429);
    expect((await get(`${sandbox.cloudUrl}/rest/api/space`)).status).toBe(200);
  });

  it('can answer 5xx as a raw HTML page', async () => {
    sandbox.setFaults({ error5xxRate: 1, htmlErrors: true });
    const res = await get(`${sandbox.cloudUrl}/rest/api/space`);
    expect([502, 503]).toContain(res.status);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toMatch(/^<html>.*<h1>50[23] /);
  });

  it('destroys the socket under resetNext and hangs under timeoutNext', async () => {
    sandbox.setFaults({ resetNext: 1 });
    await expect(get(`${sandbox.cloudUrl}/rest/api/space`)).rejects.toThrow();
    sandbox.setFaults({ timeoutNext: 1 });
    await expect(fetch(`${sandbox.cloudUrl}/rest/api/space`, { headers: { authorization: basic }, signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect((await get(`${sandbox.cloudUrl}/rest/api/space`)).status).toBe(200);
  });

  it('walks all 30 children with v1 _links.next (offset) and v2 cursors (_links.next and Link header)', async () => {
    const v1Ids: string[] = [];
    for (let url: string | null = `${sandbox.cloudUrl}/rest/api/content/${P.gallery.id}/child/page?limit=25`; url; ) {
      const { body } = await getJson(url);
      v1Ids.push(...body.results.map((r) => r.id));
      url = body._links.next ? `${body._links.base}${body._links.next}` : null;
    }
    const v2Ids: string[] = [];
    let linkHeaders = 0;
    for (let url: string | null = `${sandbox.cloudUrl}/api/v2/pages/${P.gallery.id}/children`; url; ) {
      const res = await get(url);
      if (res.headers.get('link')?.includes('rel="next"')) linkHeaders++;
      const body = (await res.json()) as Listing;
      v2Ids.push(...body.results.map((r) => r.id));
      url = body._links.next ? `${sandbox.origin}${body._links.next}` : null;
    }
    const expected = sandbox.store.childPages(P.gallery.id).map((p) => p.id);
    expect(expected).toHaveLength(30);
    expect(v1Ids).toEqual(expected);
    expect(v2Ids).toEqual(expected);
    expect(linkHeaders).toBe(1);
  });

  it('pages CQL search with a cursor on Cloud and with start on Data Center', async () => {
    const cql = encodeURIComponent(`ancestor = ${P.home.id} order by id`);
    const cloud = await getJson(`${sandbox.cloudUrl}/rest/api/search?cql=${cql}&limit=25`);
    expect(cloud.body._links.next).toMatch(/^\/rest\/api\/search\?.*cursor=/);
    const cloudNext = await getJson(`${cloud.body._links.base}${cloud.body._links.next}`);
    expect(cloudNext.body.start).toBe(25);
    const dc = await getJson(`${sandbox.dataCenterUrl}/rest/api/search?cql=${cql}&limit=25`, bearer);
    expect(dc.body._links.next).toMatch(/start=25/);
    expect(dc.body._links.next).not.toMatch(/cursor=/);
    expect(dc.body.totalSize).toBe(cloud.body.totalSize);
    expect(cloud.body.totalSize).toBeGreaterThan(40);
  });

  it('answers invalid CQL with 400 "Could not parse cql"', async () => {
    const cql = 'title = "unterminated';
    const res = await getJson(`${sandbox.cloudUrl}/rest/api/search?cql=${encodeURIComponent(cql)}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, message: `Could not parse cql : ${cql}` });
    expect((await getJson(`${sandbox.cloudUrl}/rest/api/search?cql=${encodeURIComponent('text = kafka')}`)).status).toBe(400);
  });

  it('highlights matched terms in excerpts and finds titles with quotes', async () => {
    const res = await getJson(`${sandbox.cloudUrl}/rest/api/search?cql=${encodeURIComponent('text ~ "kafka" AND space = DEMO')}`);
    expect(res.body.results.length).toBeGreaterThan(0);
    expect(res.body.results.some((r) => /@@@hl@@@kafka@@@endhl@@@/i.test(r.excerpt))).toBe(true);
    const title = P.quotedTitle.title.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
    const quoted = await getJson(`${sandbox.cloudUrl}/rest/api/search?cql=${encodeURIComponent(`title = "${title}"`)}`);
    expect(quoted.body.results.map((r) => r.content.id)).toEqual([P.quotedTitle.id]);
  });

  it('records requests with the exact CQL sent and without auth headers', async () => {
    const cql = 'label = "release" AND space.key = "DEMO"';
    await get(`${sandbox.cloudUrl}/rest/api/search?cql=${encodeURIComponent(cql)}&limit=5`);
    expect(sandbox.requests).toEqual([{ method: 'GET', path: '/wiki/rest/api/search', query: { cql, limit: '5' }, status: 200 }]);
  });

  it('serves comments with replies and inline properties, and attachment downloads with real bytes', async () => {
    const comments = await getJson(`${sandbox.cloudUrl}/rest/api/content/${P.meetingNotes.id}/child/comment?depth=all&location=inline&location=footer&expand=ancestors,extensions.inlineProperties`);
    const reply = comments.body.results.find((c) => c.id === SEED.comments.reply.id);
    expect(reply?.ancestors.map((a) => a.id)).toEqual([SEED.comments.footer.id]);
    const inline = comments.body.results.find((c) => c.id === SEED.comments.inline.id);
    expect(inline?.extensions).toMatchObject({ location: 'inline', inlineProperties: { originalSelection: 'action items' } });
    const attachments = await getJson(`${sandbox.cloudUrl}/rest/api/content/${P.designAssets.id}/child/attachment?filename=architecture-diagram.png`);
    const webPath = await get(`${sandbox.cloudUrl}${attachments.body.results[0]._links.download}`);
    expect(webPath.status).toBe(401);
    expect(webPath.headers.get('www-authenticate')).toBe(`OAuth realm="${sandbox.cloudUrl}"`);
    const attachmentId = attachments.body.results[0].id;
    const rest = `${sandbox.cloudUrl}/rest/api/content/${P.designAssets.id}/child/attachment/${attachmentId}/download`;
    const redirect = await fetch(rest, { headers: { authorization: basic }, redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const location = redirect.headers.get('location') ?? '';
    expect(location).toMatch(new RegExp(`^${sandbox.cloudUrl}/media/file/[^/]+/binary\\?token=`));
    expect((await fetch(location, { headers: { authorization: basic } })).status).toBe(400);
    const png = await fetch(location);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
    expect((await fetch(location)).status).toBe(401);
  });

  it('resets seed data, faults and the request log through the admin route', async () => {
    const faults = await fetch(`${sandbox.origin}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ rateLimitNext: 5 }) });
    expect(faults.status).toBe(200);
    expect((await get(`${sandbox.cloudUrl}/rest/api/space`)).status).toBe(429);
    expect(sandbox.requests.length).toBe(1);
    expect((await fetch(`${sandbox.origin}/__sandbox/reset`, { method: 'POST' })).status).toBe(200);
    expect(sandbox.requests).toEqual([]);
    expect(sandbox.faults).toEqual({});
    expect((await get(`${sandbox.cloudUrl}/rest/api/space`)).status).toBe(200);
  });

  it('keeps only the most recent requestLogLimit requests, and clearRequests empties the log', async () => {
    const small = new ConfluenceSandbox({ requestLogLimit: 3 });
    await small.start();
    try {
      for (let start = 0; start < 5; start++) await get(`${small.cloudUrl}/rest/api/space?start=${start}`);
      expect(small.requests.map((r) => r.query.start)).toEqual(['2', '3', '4']);
      small.clearRequests();
      expect(small.requests).toEqual([]);
    } finally {
      await small.stop();
    }
    expect(sandbox.requestLogLimit).toBe(10_000);
    expect(() => new ConfluenceSandbox({ requestLogLimit: 0 })).toThrow();
  });
});

describe('Confluence sandbox with a Data Center context path', () => {
  const sandbox = new ConfluenceSandbox({ dataCenterContextPath: '/confluence' });
  const bearer = `Bearer ${sandbox.credentials.personalToken}`;
  const getJson = async (url: string): Promise<{ status: number; body: Listing }> => {
    const res = await fetch(url, { headers: { authorization: bearer } });
    return { status: res.status, body: (await res.json()) as Listing };
  };
  /** Resolves a relative `_links` path the way a client does: against `_links.base` (origin + context). */
  const follow = (links: Record<string, string>, relative: string): string => `${links.base}${relative}`;

  beforeAll(() => sandbox.start());
  afterAll(() => sandbox.stop());

  it('serves Data Center under /confluence with links that carry the context path', async () => {
    expect(sandbox.dataCenterUrl).toBe(`${sandbox.origin}/confluence`);
    const { status, body } = await getJson(`${sandbox.dataCenterUrl}/rest/api/content/${P.labelled.id}`);
    expect(status).toBe(200);
    const links = (body as unknown as Item)._links;
    expect(links).toMatchObject({ base: `${sandbox.origin}/confluence`, context: '/confluence', self: `${sandbox.origin}/confluence/rest/api/content/${P.labelled.id}` });
    expect(links.webui).toBe(`/pages/viewpage.action?pageId=${P.labelled.id}`);
    expect((await getJson(`${sandbox.origin}/rest/api/content/${P.labelled.id}`)).status).toBe(404);
    expect((await getJson(`${sandbox.origin}/rest/api/space`)).status).toBe(404);
  });

  it('pages search through _links.next relative to the context', async () => {
    const cql = encodeURIComponent(`ancestor = ${P.home.id} order by id`);
    const ids: string[] = [];
    let pages = 0;
    for (let url: string | null = `${sandbox.dataCenterUrl}/rest/api/search?cql=${cql}&limit=25`; url; pages++) {
      const { status, body } = await getJson(url);
      expect(status).toBe(200);
      expect(body._links).toMatchObject({ base: `${sandbox.origin}/confluence`, context: '/confluence' });
      expect(body._links.self.startsWith(`${sandbox.origin}/confluence/rest/api/search`)).toBe(true);
      if (body._links.next) expect(body._links.next).toMatch(/^\/rest\/api\/search\?.*start=/);
      ids.push(...body.results.map((r) => r.content.id));
      url = body._links.next ? follow(body._links, body._links.next) : null;
    }
    expect(pages).toBeGreaterThan(1);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(40);
  });

  it('serves attachment downloads under the context path', async () => {
    const attachments = await getJson(`${sandbox.dataCenterUrl}/rest/api/content/${P.designAssets.id}/child/attachment?filename=architecture-diagram.png`);
    const download = attachments.body.results[0]._links.download;
    expect(download).toMatch(/^\/download\/attachments\//);
    const png = await fetch(follow(attachments.body._links, download), { headers: { authorization: bearer } });
    expect(png.status).toBe(200);
    expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
    expect((await fetch(`${sandbox.origin}${download}`, { headers: { authorization: bearer } })).status).toBe(404);
  });

  it('keeps the Cloud layout under /wiki', async () => {
    const basic = `Basic ${Buffer.from(`${sandbox.credentials.username}:${sandbox.credentials.apiToken}`).toString('base64')}`;
    const res = await fetch(`${sandbox.cloudUrl}/rest/api/space`, { headers: { authorization: basic } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Listing)._links).toMatchObject({ base: `${sandbox.origin}/wiki`, context: '/wiki' });
  });
});

describe('Confluence sandbox write routes against the spec', () => {
  const sandbox = new ConfluenceSandbox();
  const v1 = new OpenApiValidator('v1', 'cloud-v1.json');
  const basic = `Basic ${Buffer.from(`${sandbox.credentials.username}:${sandbox.credentials.apiToken}`).toString('base64')}`;
  const bearer = `Bearer ${sandbox.credentials.personalToken}`;
  const layouts = [
    { name: 'cloud', base: () => `${sandbox.cloudUrl}/rest/api`, authorization: basic },
    { name: 'dc', base: () => `${sandbox.dataCenterUrl}/rest/api`, authorization: bearer },
  ];

  beforeAll(() => sandbox.start());
  afterAll(() => sandbox.stop());
  beforeEach(() => sandbox.reset());

  it.each(layouts)('answers every write with a status the spec documents and a body its schema accepts ($name)', async ({ base, authorization }) => {
    const exercised = new Set<string>();
    const call = async (method: string, template: string, path: string, body?: unknown, form?: FormData): Promise<Record<string, unknown>> => {
      const headers: Record<string, string> = { authorization, ...(form ? { 'X-Atlassian-Token': 'no-check' } : { 'content-type': 'application/json' }) };
      const res = await fetch(`${base()}${path}`, { method, headers, body: form ?? (body === undefined ? undefined : JSON.stringify(body)) });
      const specPath = `/wiki/rest/api${template}`;
      const verb = method.toLowerCase() as HttpVerb;
      expect({ method, template, status: res.status, documented: v1.responseStatuses(specPath, verb).includes(String(res.status)) }).toEqual({
        method, template, status: res.status, documented: true,
      });
      exercised.add(`${method} ${template}`);
      if (res.status === 204) return {};
      const json = (await res.json()) as Record<string, unknown>;
      expect({ method, template, errors: v1.validate(specPath, json, verb, String(res.status)) }).toEqual({ method, template, errors: [] });
      return json;
    };
    const file = (text: string): FormData => {
      const form = new FormData();
      form.append('file', new Blob([text], { type: 'text/plain' }), 'contract.txt');
      form.append('minorEdit', 'true');
      return form;
    };
    const page = await call('POST', '/content', '/content', {
      type: 'page', title: 'Contract page', space: { key: 'DEMO' }, ancestors: [{ id: P.howTo.id }], body: { storage: { value: '<p>v1</p>', representation: 'storage' } },
    });
    const id = String(page.id);
    await call('PUT', '/content/{id}', `/content/${id}`, {
      type: 'page', title: 'Contract page', version: { number: 2 }, body: { storage: { value: '<p>v2</p>', representation: 'storage' } },
    });
    await call('POST', '/content', '/content', { type: 'comment', container: { id, type: 'page' }, body: { storage: { value: '<p>hi</p>', representation: 'storage' } } });
    await call('POST', '/content/{id}/label', `/content/${id}/label`, [{ prefix: 'global', name: 'contract' }, { prefix: 'global', name: 'other' }]);
    await call('DELETE', '/content/{id}/label', `/content/${id}/label?name=contract`);
    await call('DELETE', '/content/{id}/label/{label}', `/content/${id}/label/other`);
    await call('PUT', '/content/{pageId}/move/{position}/{targetId}', `/content/${id}/move/append/${P.architecture.id}`);
    const created = await call('POST', '/content/{id}/child/attachment', `/content/${id}/child/attachment`, undefined, file('one'));
    const attachmentId = String((created.results as { id: string }[])[0].id);
    await call('POST', '/content/{id}/child/attachment/{attachmentId}/data', `/content/${id}/child/attachment/${attachmentId}/data`, undefined, file('two'));
    await call('DELETE', '/content/{id}', `/content/${id}`);
    const writeRoutes = sandbox.routes.filter((r) => r.family === 'v1' && r.layout === 'cloud' && r.method !== 'GET').map((r) => `${r.method} ${r.template}`);
    expect([...exercised].sort()).toEqual(writeRoutes.sort());
  });
});
