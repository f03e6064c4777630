import { defaultLinkLabel, parseLinkTarget } from './link-targets';

describe('parseLinkTarget', () => {
  const site = { baseUrl: 'https://wiki.example.com/wiki/', spaceKey: 'DEV' };

  it.each([
    ['page:DEV/My+Page#top', {}, { kind: 'page', space: 'DEV', title: 'My Page', anchor: 'top' }],
    ['page:A+%2B+B', {}, { kind: 'page', space: undefined, title: 'A + B', anchor: undefined }],
    ['page:DEV/Home', { spaceKey: 'DEV' }, { kind: 'page', space: undefined, title: 'Home', anchor: undefined }],
    ['https://wiki.example.com/wiki/display/OPS/Run+book', site, { kind: 'page', space: 'OPS', title: 'Run book', anchor: undefined }],
    ['https://wiki.example.com/wiki/display/OPS/2024/01/31/News', site, { kind: 'blogpost', space: 'OPS', postingDay: '2024/01/31', title: 'News', anchor: undefined }],
    ['https://wiki.example.com/wiki/display/OPS', site, { kind: 'space', space: 'OPS', anchor: undefined }],
    ['https://wiki.example.com/wiki/pages/viewpage.action?pageId=42', site, { kind: 'content', id: '42', anchor: undefined }],
    ['content:42', {}, { kind: 'content', id: '42', anchor: undefined }],
    ['#intro', {}, { kind: 'anchor', anchor: 'intro' }],
    ['my file.pdf#page=2', {}, { kind: 'attachment', filename: 'my file.pdf', anchor: 'page=2' }],
    ['docs/readme.md', {}, { kind: 'url', url: 'docs/readme.md' }],
    ['https://wiki.example.com/wiki/spaces/OPS', site, { kind: 'url', url: 'https://wiki.example.com/wiki/spaces/OPS' }],
    ['mailto:a@b.test', {}, { kind: 'url', url: 'mailto:a@b.test' }],
    ['#', {}, { kind: 'url', url: '#' }],
  ])('reads %s', (target, options, expected) => {
    expect(parseLinkTarget(target, options)).toEqual(expected);
  });

  it('gives the label the reader shows for a link without a body', () => {
    expect(defaultLinkLabel(parseLinkTarget('page:DEV/My+Page', {}))).toBe('My Page');
    expect(defaultLinkLabel(parseLinkTarget('a.pdf', {}))).toBe('a.pdf');
    expect(defaultLinkLabel(parseLinkTarget('#top', {}))).toBe('top');
  });
});
