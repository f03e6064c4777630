import { normaliseStorage, sameStorage } from './storage-compare';

describe('sameStorage', () => {
  it('treats Confluence re-serialisation as the same body', () => {
    expect(sameStorage('<p>a<br/>b</p>\r\n<p>c&nbsp;d</p>', '<p>a<br />b</p><p>c&#160;d</p>')).toBe(true);
    expect(sameStorage('  <ul>\n  <li>x</li>\n</ul>  ', '<ul><li>x</li></ul>')).toBe(true);
  });

  it('tells different text, markup or attributes apart', () => {
    expect(sameStorage('<p>alpha</p>', '<p>beta</p>')).toBe(false);
    expect(sameStorage('<p>a b</p>', '<p>ab</p>')).toBe(false);
    expect(sameStorage('<h1>x</h1>', '<h2>x</h2>')).toBe(false);
    expect(sameStorage('<ac:structured-macro ac:name="toc"/>', '<ac:structured-macro ac:name="info"/>')).toBe(false);
  });

  it('collapses runs of whitespace inside text to one space', () => {
    expect(normaliseStorage('<p>one   two\n three</p>')).toBe('<p>one two three</p>');
  });
});
