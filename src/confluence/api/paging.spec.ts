import { ConfluenceInvalidRequestError } from '../confluence.errors';
import { buildSearchCql } from '../cql';
import { MAX_CURSOR_LENGTH, encodeCursor } from '../cursor';
import { listTarget, nextCursorOf, pathId } from './paging';

describe('listTarget', () => {
  const query = { 'space-id': '42', title: undefined, limit: 25 };

  it('uses the first-page path and query without a cursor', () => {
    expect(listTarget('/api/v2/pages', query, undefined, ['space-id'])).toEqual({ path: '/api/v2/pages', query });
  });

  it('follows a cursor for the same endpoint and filters', () => {
    const cursor = encodeCursor('/api/v2/pages?space-id=42&limit=25&cursor=abc');
    expect(listTarget('/api/v2/pages', query, cursor, ['space-id', 'title'])).toEqual({
      path: '/api/v2/pages?space-id=42&limit=25&cursor=abc',
    });
  });

  it.each([
    ['another space', '/api/v2/pages?space-id=99&cursor=abc'],
    ['an added filter', '/api/v2/pages?space-id=42&title=Secret&cursor=abc'],
    ['a sub-path of the endpoint', '/api/v2/pages/7/children?cursor=abc'],
  ])('refuses a cursor pointing at %s', (_label, nextPath) => {
    expect(() => listTarget('/api/v2/pages', query, encodeCursor(nextPath), ['space-id', 'title'])).toThrow(
      ConfluenceInvalidRequestError,
    );
  });

  it('compares CQL loosely on whitespace only', () => {
    const cursor = encodeCursor('/rest/api/search?cql=type+%3D+page++AND+space+%3D+%22A%22&start=25');
    expect(listTarget('/rest/api/search', { cql: 'type = page AND space = "A"' }, cursor, ['cql']).path).toContain('start=25');
    expect(() => listTarget('/rest/api/search', { cql: 'type = page' }, cursor, ['cql'])).toThrow(ConfluenceInvalidRequestError);
  });
});

describe('the longest search cursor', () => {
  const base = 'https://x.atlassian.net/wiki';
  const rawCql = `text ~ "${'%'.repeat(1991)}"`;
  const spaceKeys = Array.from({ length: 50 }, (_, i) => `SPACE_${String(i).padStart(14, '0')}`);

  it('is issued and accepted back: 2000 characters of CQL, 50 space keys and an upstream token', () => {
    expect(rawCql).toHaveLength(2000);
    const cql = buildSearchCql({ cql: rawCql, spaceKeys, type: 'attachment' }, 'cloud');
    const token = `${'Zm9vYmFy'.repeat(128)}%3D%3D`;
    const next = `/wiki/rest/api/search?next=true&cursor=${token}&expand=content.space%2Ccontent.version&limit=100&start=100&cql=${encodeURIComponent(cql)}`;
    const cursor = nextCursorOf(base, { status: 200, headers: {}, body: { _links: { next } } });
    expect(cursor).toBeDefined();
    expect(cursor!.length).toBeGreaterThan(4_096);
    expect(cursor!.length).toBeLessThanOrEqual(MAX_CURSOR_LENGTH);
    const query = { cql, limit: 100, expand: 'content.space,content.version' };
    expect(listTarget('/rest/api/search', query, cursor, ['cql'])).toEqual({ path: next.slice('/wiki'.length) });
  });
});

describe('nextCursorOf', () => {
  const base = 'https://x.atlassian.net/wiki';

  it('encodes _links.next relative to the base URL', () => {
    const cursor = nextCursorOf(base, { status: 200, headers: {}, body: { _links: { next: '/wiki/api/v2/spaces?cursor=z' } } });
    expect(cursor).toBe(encodeCursor('/api/v2/spaces?cursor=z'));
  });

  it('falls back to the Link header, and is undefined on the last page', () => {
    const headers = { link: '</wiki/api/v2/pages?cursor=q>; rel="next", <https://x.atlassian.net/wiki>; rel="base"' };
    expect(nextCursorOf(base, { status: 200, headers, body: {} })).toBe(encodeCursor('/api/v2/pages?cursor=q'));
    expect(nextCursorOf(base, { status: 200, headers: {}, body: { _links: {} } })).toBeUndefined();
  });
});

describe('pathId', () => {
  it('accepts Confluence ids and refuses anything that could change the path', () => {
    expect(pathId('123456')).toBe('123456');
    expect(pathId('att105348')).toBe('att105348');
    for (const bad of ['..', '1/../2', '1?expand=x', '', '1%2F2']) {
      expect(() => pathId(bad)).toThrow(ConfluenceInvalidRequestError);
    }
  });
});
