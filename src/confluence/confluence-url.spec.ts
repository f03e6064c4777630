import { ConfluenceInvalidRequestError } from './confluence.errors';
import { buildRequestUrl, relativeToBase } from './confluence-url';

describe('buildRequestUrl', () => {
  it('repeats array parameters, skips undefined ones and keeps a query already in the path', () => {
    const url = buildRequestUrl('https://wiki.example.com/confluence/', '/rest/api/space?start=5', {
      spaceKey: ['A', 'B'],
      limit: 10,
      type: undefined,
      archived: false,
    });
    expect(url.toString()).toBe('https://wiki.example.com/confluence/rest/api/space?start=5&spaceKey=A&spaceKey=B&limit=10&archived=false');
  });

  it('leaves comma lists pre-joined by the caller intact (v2 style)', () => {
    const url = buildRequestUrl('https://x.atlassian.net/wiki', '/api/v2/spaces', { keys: 'A,B' });
    expect(url.search).toBe('?keys=A%2CB');
    expect(url.searchParams.get('keys')).toBe('A,B');
  });
});

describe('relativeToBase', () => {
  const cloud = 'https://x.atlassian.net/wiki';

  it('strips the context path from site-relative v2 links', () => {
    expect(relativeToBase(cloud, '/wiki/api/v2/pages?cursor=abc')).toBe('/api/v2/pages?cursor=abc');
  });

  it('keeps context-relative v1 links', () => {
    expect(relativeToBase(cloud, '/rest/api/space?next=true&limit=5&start=5')).toBe('/rest/api/space?next=true&limit=5&start=5');
    expect(relativeToBase('https://wiki.example.com', '/rest/api/content?start=25')).toBe('/rest/api/content?start=25');
  });

  it('accepts absolute links on the same origin', () => {
    expect(relativeToBase(cloud, 'https://x.atlassian.net/wiki/api/v2/spaces?cursor=z')).toBe('/api/v2/spaces?cursor=z');
  });

  it('refuses links to another origin', () => {
    expect(() => relativeToBase(cloud, 'https://evil.example.com/wiki/api/v2/pages')).toThrow(ConfluenceInvalidRequestError);
    expect(() => relativeToBase(cloud, '//evil.example.com/wiki/api/v2/pages')).toThrow(ConfluenceInvalidRequestError);
  });
});
