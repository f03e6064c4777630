import { AddressInfo } from 'node:net';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { ConfluenceClientOptions } from '../src/confluence/confluence-client.options';
import { RequestCancelledError } from '../src/confluence/request-cancelled.error';
import { ConfluenceHttpClient, RequestObserver } from '../src/confluence/confluence-http.client';
import {
  ConfluenceAuthenticationError,
  ConfluenceInvalidRequestError,
  ConfluenceNotFoundError,
  ConfluenceRateLimitedError,
  ConfluenceUnavailableError,
} from '../src/confluence/confluence.errors';
import { ConfluenceConnection } from '../src/confluence/confluence.types';
import { ConfluenceDownloadTooLargeError } from '../src/confluence/download-too-large.error';
import { FormData } from 'undici';

jest.setTimeout(20_000);

type Handler = (req: IncomingMessage, res: ServerResponse, attempt: number) => void;

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

const OPTIONS: ConfluenceClientOptions = {
  timeoutMs: 300,
  maxRetries: 2,
  retryBaseMs: 10,
  retryMaxDelayMs: 50,
  deadlineMs: 5_000,
  userAgent: 'confluence-mcp-test/1.0',
};

/** Records every observe() call so attempts can be counted from the client's side too. */
class RecordingMetrics implements RequestObserver {
  readonly calls: { method: string; status: number | string; seconds: number }[] = [];

  observe(method: string, status: number | string, seconds: number): void {
    this.calls.push({ method, status, seconds });
  }

  statuses(): (number | string)[] {
    return this.calls.map((call) => call.status);
  }
}

const pendingTimers = new Set<NodeJS.Timeout>();

/** Answers later; pending answers are cancelled after each test so Jest can exit. */
function later(ms: number, answer: () => void): void {
  const timer = setTimeout(() => {
    pendingTimers.delete(timer);
    answer();
  }, ms);
  pendingTimers.add(timer);
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

describe('ConfluenceHttpClient against a real HTTP server', () => {
  let server: Server;
  let handler: Handler;
  let seen: Seen[];
  let metrics: RecordingMetrics;
  let client: ConfluenceHttpClient;
  let connection: ConfluenceConnection;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, at: Date.now() });
        handler(req, res, seen.length);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    connection = {
      id: 'e2e',
      deployment: 'datacenter',
      baseUrl: `http://127.0.0.1:${port}/confluence`,
      auth: { kind: 'basic', username: 'bot@example.com', apiToken: 's3cret-token' },
    };
  });

  beforeEach(() => {
    seen = [];
    metrics = new RecordingMetrics();
    client = new ConfluenceHttpClient(OPTIONS, metrics);
  });

  afterEach(async () => {
    pendingTimers.forEach((timer) => clearTimeout(timer));
    pendingTimers.clear();
    await client.onModuleDestroy();
    server.closeAllConnections();
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('retries a GET on 503 and then returns the JSON body', async () => {
    handler = (_req, res, attempt) => (attempt === 1 ? json(res, 503, {}) : json(res, 200, { id: '1' }));
    const response = await client.request<{ id: string }>(connection, { method: 'GET', path: '/rest/api/content/1' });
    expect(response).toMatchObject({ status: 200, body: { id: '1' } });
    expect(seen.map((request) => request.url)).toEqual(['/confluence/rest/api/content/1', '/confluence/rest/api/content/1']);
    expect(metrics.statuses()).toEqual([503, 200]);
    expect(metrics.calls.every((call) => call.method === 'GET' && call.seconds >= 0)).toBe(true);
  });

  it('waits at least Retry-After between attempts after a 429', async () => {
    handler = (_req, res, attempt) => (attempt === 1 ? json(res, 429, {}, { 'retry-after': '1' }) : json(res, 200, []));
    await client.request(connection, { method: 'GET', path: '/rest/api/space' });
    expect(seen).toHaveLength(2);
    expect(seen[1].at - seen[0].at).toBeGreaterThanOrEqual(1_000);
    expect(metrics.statuses()).toEqual([429, 200]);
  });

  it('surfaces the rate-limited error at once when Retry-After exceeds the deadline', async () => {
    handler = (_req, res) => json(res, 429, {}, { 'retry-after': '120' });
    const error = await client.request(connection, { method: 'GET', path: '/rest/api/space' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceRateLimitedError);
    expect((error as ConfluenceRateLimitedError).retryAfterMs).toBe(120_000);
    expect(seen).toHaveLength(1);
  });

  it('gives up after maxRetries with the typed error', async () => {
    handler = (_req, res) => json(res, 503, { message: 'maintenance' });
    const error = await client.request(connection, { method: 'GET', path: '/rest/api/space' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceUnavailableError);
    expect(error).toMatchObject({ kind: 'unavailable', reason: 'status', status: 503 });
    expect(seen).toHaveLength(OPTIONS.maxRetries + 1);
    expect(metrics.statuses()).toEqual([503, 503, 503]);
  });

  it('does not retry other 4xx answers', async () => {
    handler = (_req, res) => json(res, 404, { statusCode: 404, message: 'No content found with id: ContentId{id=9}' });
    const error = await client.request(connection, { method: 'GET', path: '/rest/api/content/9' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceNotFoundError);
    expect((error as Error).message).toContain('No content found with id');
    expect(seen).toHaveLength(1);
  });

  it('never re-sends a POST that got a 503', async () => {
    handler = (_req, res) => json(res, 503, {});
    const error = await client
      .request(connection, { method: 'POST', path: '/rest/api/content', body: { title: 'x' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceUnavailableError);
    expect(seen).toHaveLength(1);
    expect(seen[0].headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen[0].body)).toEqual({ title: 'x' });
  });

  it('never re-sends a POST that timed out', async () => {
    handler = (_req, res) => later(1_000, () => json(res, 200, {}));
    const error = await client
      .request(connection, { method: 'POST', path: '/rest/api/content', body: { title: 'x' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceUnavailableError);
    expect(error).toMatchObject({ reason: 'timeout' });
    expect((error as Error).cause).toMatchObject({ name: 'TimeoutError' });
    expect(seen).toHaveLength(1);
    expect(metrics.statuses()).toEqual(['timeout']);
  });

  it('turns a slow answer into ConfluenceUnavailableError(timeout) per attempt', async () => {
    handler = (_req, res) => later(1_000, () => json(res, 200, {}));
    const started = Date.now();
    const error = await client.request(connection, { method: 'GET', path: '/rest/api/space' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceUnavailableError);
    expect(error).toMatchObject({ reason: 'timeout', message: 'Confluence did not answer the GET within 300 ms.' });
    expect(metrics.statuses()).toEqual(['timeout', 'timeout', 'timeout']);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it.each([
    [400, 700],
    [1_500, 700],
  ])('bounds the whole call by the overall deadline (timeoutMs %i, deadlineMs %i)', async (timeoutMs, deadlineMs) => {
    const bounded = new ConfluenceHttpClient({ ...OPTIONS, timeoutMs, deadlineMs, maxRetries: 5 }, metrics);
    handler = () => undefined;
    const started = Date.now();
    const error = await bounded.request(connection, { method: 'GET', path: '/rest/api/space' }).catch((e: unknown) => e);
    await bounded.onModuleDestroy();
    expect(Date.now() - started).toBeLessThan(1_200);
    expect(error).toBeInstanceOf(ConfluenceUnavailableError);
    expect(error).toMatchObject({ reason: 'timeout', message: 'Confluence did not answer the GET within the 700 ms deadline.' });
    expect(seen.length).toBeLessThanOrEqual(2);
    expect(metrics.statuses()).toEqual(seen.map(() => 'timeout'));
  });

  it('honours a per-request retry limit: 0 means a single attempt', async () => {
    handler = (_req, res) => json(res, 503, {});
    const once = await client
      .request(connection, { method: 'GET', path: '/rest/api/user/current', retries: 0 })
      .catch((e: unknown) => e);
    expect(once).toBeInstanceOf(ConfluenceUnavailableError);
    expect(seen).toHaveLength(1);
    await client.request(connection, { method: 'GET', path: '/rest/api/user/current', retries: 1 }).catch(() => undefined);
    expect(seen).toHaveLength(3);
  });

  it('reports a redirect as a configuration problem, naming only the target origin, and never follows it', async () => {
    handler = (_req, res) => {
      res.writeHead(302, { location: 'https://sso.example.com/adfs/ls/?SAMLRequest=s3cret-saml&RelayState=abc' });
      res.end();
    };
    const error = await client.request(connection, { method: 'GET', path: '/rest/api/space' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceAuthenticationError);
    expect((error as Error).message).toBe(
      'Confluence redirected the request (HTTP 302 to https://sso.example.com) — usually a login or SSO page: check CONFLUENCE_URL and the credentials.',
    );
    expect(seen).toHaveLength(1);
  });

  it.each([
    ['an HTML content type', 'text/html; charset=utf-8'],
    ['a JSON content type but an HTML body', 'application/json'],
  ])('reports a 200 HTML page (%s) as a configuration problem without any of the page', async (_label, contentType) => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': contentType });
      res.end('<!DOCTYPE html><html><body><form action="/dologin.action">internal-host-42</form></body></html>');
    };
    const error = await client.request(connection, { method: 'GET', path: '/rest/api/space' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceAuthenticationError);
    expect((error as Error).message).toBe(
      "Confluence answered with an HTML page instead of JSON — check that CONFLUENCE_URL is the site's base URL and that the credentials are valid.",
    );
    expect(seen).toHaveLength(1);
  });

  it('reports an HTML 404 (a base URL that is not Confluence) as a configuration problem, not "not found"', async () => {
    handler = (_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html><body><h1>Not Found</h1></body></html>');
    };
    const error = await client.request(connection, { method: 'GET', path: '/rest/api/content/1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceAuthenticationError);
    expect((error as Error).message).toMatch(/check that CONFLUENCE_URL is the site's base URL/);
  });

  it('stops at once, without retrying, when the caller aborts', async () => {
    handler = (_req, res) => later(2_000, () => json(res, 200, {}));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const error = await client
      .request(connection, { method: 'GET', path: '/rest/api/space', signal: controller.signal })
      .catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(250);
    expect(error).toBeInstanceOf(RequestCancelledError);
    expect((error as Error).cause).toBe(controller.signal.reason);
    expect((error as Error).name).toBe('AbortError');
    expect(seen).toHaveLength(1);
    expect(metrics.statuses()).toEqual(['aborted']);
  });

  it('stops a retry wait at once when the caller aborts', async () => {
    handler = (_req, res) => json(res, 429, {}, { 'retry-after': '3' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    const error = await client
      .request(connection, { method: 'GET', path: '/rest/api/space', signal: controller.signal })
      .catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((error as Error).name).toBe('AbortError');
    expect(seen).toHaveLength(1);
  });

  it('keeps an HTML error page out of the message', async () => {
    handler = (_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body><h1>502 Bad Gateway</h1><p>upstream proxy-internal-7 failed</p></body></html>');
    };
    const error = await client.request(connection, { method: 'GET', path: '/rest/api/space' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceUnavailableError);
    expect((error as Error).message).toBe('Confluence is unavailable (HTTP 502); try again later.');
  });

  it('sends Basic auth, Accept, User-Agent, and repeats array query params', async () => {
    handler = (_req, res) => json(res, 200, { results: [] });
    await client.request(connection, {
      method: 'GET',
      path: '/rest/api/space',
      query: { spaceKey: ['A', 'B'], limit: 5, type: undefined },
    });
    const [request] = seen;
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from('bot@example.com:s3cret-token').toString('base64')}`);
    expect(request.headers.accept).toBe('application/json');
    expect(request.headers['user-agent']).toBe('confluence-mcp-test/1.0');
    expect(request.url).toBe('/confluence/rest/api/space?spaceKey=A&spaceKey=B&limit=5');
  });

  it('sends Bearer auth for a personal access token', async () => {
    handler = (_req, res) => json(res, 200, {});
    await client.request({ ...connection, auth: { kind: 'bearer', token: 'pat-123' } }, { method: 'GET', path: '/rest/api/user/current' });
    expect(seen[0].headers.authorization).toBe('Bearer pat-123');
  });

  it('never puts credentials into an error message', async () => {
    handler = (_req, res) => json(res, 401, { message: 'Unauthorized' });
    const error = await client.request(connection, { method: 'GET', path: '/rest/api/user/current' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceAuthenticationError);
    expect(JSON.stringify({ message: (error as Error).message, stack: (error as Error).stack })).not.toMatch(
      /s3cret|Ym90QGV4YW1wbGUuY29t/,
    );
  });

  it('follows a next link relative to the site or absolute, but never to another origin', async () => {
    handler = (_req, res) => json(res, 200, { results: [] });
    await client.requestUrl(connection, '/confluence/rest/api/space?start=5');
    await client.requestUrl(connection, `${connection.baseUrl}/rest/api/space?start=10`);
    await client.requestUrl(connection, '/rest/api/space?start=15');
    expect(seen.map((request) => request.url)).toEqual([
      '/confluence/rest/api/space?start=5',
      '/confluence/rest/api/space?start=10',
      '/confluence/rest/api/space?start=15',
    ]);
    await expect(client.requestUrl(connection, 'https://evil.example.com/rest/api/space')).rejects.toBeInstanceOf(
      ConfluenceInvalidRequestError,
    );
    expect(seen).toHaveLength(3);
  });

  it('reports a refused connection as a network error that a write may retry', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = { ...connection, baseUrl: `http://127.0.0.1:${port}` };
    const error = await client.request(refused, { method: 'POST', path: '/rest/api/content', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceUnavailableError);
    expect(error).toMatchObject({ reason: 'network', requestSent: false, message: 'Confluence could not be reached (ECONNREFUSED).' });
    expect((error as Error).cause).toMatchObject({ code: 'ECONNREFUSED' });
    expect(metrics.statuses()).toEqual(['network', 'network', 'network']);
  });

  it('sends a multipart form streamed by undici with its own boundary and the given headers, and never re-sends it after a 503', async () => {
    handler = (_req, res) => json(res, 503, {});
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('hello bytes')], { type: 'text/plain' }), 'hello.txt');
    form.append('minorEdit', 'true');
    const error = await client
      .request(connection, { method: 'POST', path: '/rest/api/content/1/child/attachment', form, headers: { 'X-Atlassian-Token': 'no-check' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceUnavailableError);
    expect(seen).toHaveLength(1);
    const [request] = seen;
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(String(request.headers['content-type']))?.[1];
    expect(boundary).toBeDefined();
    expect(request.headers['x-atlassian-token']).toBe('no-check');
    expect(request.body).toContain(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="hello.txt"\r\nContent-Type: text/plain\r\n\r\nhello bytes\r\n`);
    expect(request.body).toContain('name="minorEdit"\r\n\r\ntrue\r\n');
  });

  it('reports a write whose socket was cut after sending as unavailable with requestSent, sent once', async () => {
    handler = (req) => req.socket.destroy();
    const error = await client
      .request(connection, { method: 'PUT', path: '/rest/api/content/1', body: { version: { number: 2 } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceUnavailableError);
    expect(error).toMatchObject({ reason: 'network', requestSent: true });
    expect(seen).toHaveLength(1);
  });

  it('downloads bytes on the same site, retries the GET on a 503, and takes an HTML attachment for what it is', async () => {
    const html = Buffer.from('<html><body>an attached page</body></html>');
    handler = (_req, res, attempt) => {
      if (attempt === 1) return json(res, 503, {});
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(html.length) });
      res.end(html);
    };
    const response = await client.download(connection, { link: '/download/attachments/1/page.html?version=2', maxBytes: 1_000 });
    expect(response.body.equals(html)).toBe(true);
    expect(seen.map((request) => request.url)).toEqual([
      '/confluence/download/attachments/1/page.html?version=2',
      '/confluence/download/attachments/1/page.html?version=2',
    ]);
    expect(seen[1].headers.accept).toBe('*/*');
    expect(metrics.statuses()).toEqual([503, 200]);
  });

  it('refuses a download whose Content-Length is over the cap without reading the body, and does not retry', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': '5000' });
      res.end(Buffer.alloc(5000));
    };
    const error = await client.download(connection, { link: '/download/attachments/1/big.pdf', maxBytes: 4999 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceDownloadTooLargeError);
    expect(error).toMatchObject({ kind: 'invalid_request', limitBytes: 4999, sizeBytes: 5000 });
    expect((error as Error).message).toBe('The file is 5000 bytes, over the limit of 4999 bytes; it was not downloaded.');
    expect(seen).toHaveLength(1);
    expect(metrics.statuses()).toEqual([200]);
  });

  it('stops a download without Content-Length as soon as the stream passes the cap', async () => {
    const total = 64 * 1024 * 1024;
    let written = 0;
    let closed!: () => void;
    const serverDone = new Promise<void>((resolve) => (closed = resolve));
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 1);
      const pump = (): void => {
        while (written < total && !res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', closed);
      pump();
    };
    const error = await client.download(connection, { link: '/download/attachments/1/endless.bin', maxBytes: 1024 * 1024 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceDownloadTooLargeError);
    expect(error).toMatchObject({ limitBytes: 1024 * 1024, sizeBytes: undefined, message: 'The download passed the limit of 1048576 bytes and was stopped.' });
    await serverDone;
    expect(written).toBeLessThan(total / 4);
  });

  it('never follows a download link to another site, and reports a redirect as misconfiguration', async () => {
    handler = (_req, res) => {
      res.writeHead(302, { location: 'https://sso.example.com/login' });
      res.end();
    };
    await expect(client.download(connection, { link: 'https://evil.example.com/download/x', maxBytes: 10 })).rejects.toBeInstanceOf(
      ConfluenceInvalidRequestError,
    );
    expect(seen).toEqual([]);
    const error = await client.download(connection, { link: `${connection.baseUrl}/download/attachments/1/a.txt`, maxBytes: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceAuthenticationError);
    expect((error as Error).message).toContain('https://sso.example.com');
    expect(seen.map((request) => request.url)).toEqual(['/confluence/download/attachments/1/a.txt']);
  });

  it('follows one redirect of a download to an allowed host, without credentials, and no further', async () => {
    const media: Seen[] = [];
    const mediaServer = createServer((req, res) => {
      media.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: '', at: Date.now() });
      if (req.url?.startsWith('/again')) {
        res.writeHead(302, { location: `${connection.baseUrl}/elsewhere` });
        return void res.end();
      }
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': '4' });
      res.end(Buffer.from([1, 2, 3, 4]));
    });
    await new Promise<void>((resolve) => mediaServer.listen(0, '127.0.0.1', resolve));
    const mediaOrigin = `http://127.0.0.1:${(mediaServer.address() as AddressInfo).port}`;
    try {
      handler = (req, res) => {
        res.writeHead(302, { location: `${mediaOrigin}${req.url?.includes('twice') ? '/again' : '/file/abc/binary?token=t1'}` });
        res.end();
      };
      const link = '/rest/api/content/1/child/attachment/att2/download';
      const response = await client.download(connection, { link, maxBytes: 10, redirectHosts: ['127.0.0.1'] });
      expect([...response.body]).toEqual([1, 2, 3, 4]);
      expect(seen[0].headers.authorization).toMatch(/^Basic /);
      expect(media.map((request) => [request.url, request.headers.authorization])).toEqual([['/file/abc/binary?token=t1', undefined]]);
      await expect(client.download(connection, { link, maxBytes: 10, redirectHosts: ['api.media.atlassian.com'] })).rejects.toBeInstanceOf(
        ConfluenceAuthenticationError,
      );
      await expect(client.download(connection, { link, maxBytes: 10 })).rejects.toBeInstanceOf(ConfluenceAuthenticationError);
      await expect(client.download(connection, { link: `${link}?twice`, maxBytes: 10, redirectHosts: ['127.0.0.1'] })).rejects.toBeInstanceOf(
        ConfluenceAuthenticationError,
      );
      expect(media).toHaveLength(2);
      expect(seen).toHaveLength(4);
    } finally {
      mediaServer.closeAllConnections();
      await new Promise<void>((resolve) => mediaServer.close(() => resolve()));
    }
  });
});
