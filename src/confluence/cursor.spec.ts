import { ConfluenceInvalidRequestError } from './confluence.errors';
import { MAX_CURSOR_LENGTH, decodeCursor, encodeCursor, splitCursorPath } from './cursor';

const forge = (payload: unknown): string => Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');

describe('cursor', () => {
  it('round-trips a base-relative next path as an opaque base64url token', () => {
    const next = '/api/v2/pages?space-id=42&cursor=eyJpZCI6IjEyMyJ9&limit=25';
    const cursor = encodeCursor(next);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))).toEqual({ v: 1, n: next });
    expect(decodeCursor(cursor, '/api/v2/pages')).toBe(next);
  });

  it('accepts sub-paths of the allowed prefix but not look-alike siblings', () => {
    expect(decodeCursor(encodeCursor('/rest/api/content/1/child/comment?start=25'), '/rest/api/content')).toBe(
      '/rest/api/content/1/child/comment?start=25',
    );
    expect(() => decodeCursor(encodeCursor('/rest/api/contentx?start=25'), '/rest/api/content')).toThrow(
      ConfluenceInvalidRequestError,
    );
  });

  it.each([
    ['garbage', 'not a cursor!'],
    ['empty', ''],
    ['base64 of non-JSON', Buffer.from('hello').toString('base64url')],
    ['wrong version', forge({ v: 2, n: '/api/v2/pages' })],
    ['missing path', forge({ v: 1 })],
    ['another endpoint', encodeCursor('/api/v2/spaces?cursor=abc')],
    ['dot-dot', encodeCursor('/api/v2/pages/../../admin')],
    ['encoded dot-dot', encodeCursor('/api/v2/pages/%2e%2e/%2e%2e/admin')],
    ['double slash', encodeCursor('/api/v2/pages//evil')],
    ['a scheme and host', encodeCursor('https://evil.example.com/api/v2/pages')],
    ['a protocol-relative host', encodeCursor('//evil.example.com/api/v2/pages')],
    ['no leading slash', encodeCursor('api/v2/pages')],
    ['a backslash', encodeCursor('/api/v2/pages\\..\\admin')],
    ['user info', encodeCursor('/api/v2/pages@evil.example.com')],
    ['a fragment', encodeCursor('/api/v2/pages#x')],
    ['whitespace', encodeCursor('/api/v2/pages?x=1 HTTP/1.1')],
  ])('refuses %s', (_label, cursor) => {
    expect(() => decodeCursor(cursor, '/api/v2/pages')).toThrow(
      'The cursor is invalid or expired — call again without cursor.',
    );
  });

  it('accepts cursors up to the cap, which fits the longest search, and refuses longer ones', () => {
    expect(MAX_CURSOR_LENGTH).toBe(16_384);
    const fits = encodeCursor(`/api/v2/pages?c=${'x'.repeat(12_000)}`);
    expect(fits.length).toBeGreaterThan(4_096);
    expect(fits.length).toBeLessThanOrEqual(MAX_CURSOR_LENGTH);
    expect(decodeCursor(fits, '/api/v2/pages')).toContain('c=xxx');
    const tooLong = encodeCursor(`/api/v2/pages?c=${'x'.repeat(12_300)}`);
    expect(tooLong.length).toBeGreaterThan(MAX_CURSOR_LENGTH);
    expect(() => decodeCursor(tooLong, '/api/v2/pages')).toThrow(ConfluenceInvalidRequestError);
  });

  it('splits a decoded path into path and parameters', () => {
    const parts = splitCursorPath('/rest/api/space?spaceKey=A&spaceKey=B&start=5');
    expect(parts.path).toBe('/rest/api/space');
    expect(parts.params.getAll('spaceKey')).toEqual(['A', 'B']);
  });
});
