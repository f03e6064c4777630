import { AmbiguousSectionError, InvalidStorageError, replaceSection, SectionNotFoundError } from './replace-section';
import { PlaceholderRemovalError } from './storage-merge';

const page =
  '<h1>Guide</h1><p>intro</p>' +
  '<h2 id="s"><strong>Set up</strong> <code>npm</code></h2><p class="a">old one</p><ac:structured-macro ac:name="toc" ac:macro-id="t" /><h3>Details</h3><p>deep</p>' +
  '<h2>Usage</h2><p>use it</p>';

const markdown = (storage: string, heading: string, body: string, allowRemoved?: number[] | 'all'): string =>
  replaceSection(storage, heading, body, { format: 'markdown', allowRemoved }).storage;

describe('replaceSection', () => {
  it('replaces everything up to the next heading of the same or a higher level, keeping every other byte', () => {
    const result = markdown(page, 'Set up npm', 'new text\n\n{{confluence:macro name="toc" #1}}');
    const before = page.slice(0, page.indexOf('<p class="a">'));
    const after = page.slice(page.indexOf('<h2>Usage</h2>'));
    expect(result).toBe(`${before}<p class="a">new text</p><ac:structured-macro ac:name="toc" ac:macro-id="t" />${after}`);
  });

  it('finds the heading whatever its case, markdown formatting and surrounding spaces', () => {
    for (const heading of ['  set UP npm ', '## **Set up** `npm`', 'Set up `npm` ##']) {
      expect(markdown(page, heading, 'x', 'all')).toContain('<h2 id="s"><strong>Set up</strong> <code>npm</code></h2><p class="a">x</p><h2>Usage</h2>');
    }
  });

  it('keeps unchanged blocks of the section as they were, and runs to the end of the page for the last section', () => {
    expect(markdown(page, 'Usage', 'use it\n\nand more')).toBe(`${page}<p>and more</p>`);
  });

  it('leaves no blank lines where blocks of the section were', () => {
    const storage = '<h2>A</h2>\n<p>one</p>\n<p>two</p>\n<h2>B</h2>';
    expect(markdown(storage, 'A', 'new')).toBe('<h2>A</h2>\n<p>new</p>\n<h2>B</h2>');
    expect(markdown(storage, 'A', '')).toBe('<h2>A</h2>\n<h2>B</h2>');
  });

  it('adds content right after a heading with an empty section', () => {
    const storage = '<h2>A</h2><h2>B</h2>';
    expect(markdown(storage, 'A', 'filled')).toBe('<h2>A</h2><p>filled</p><h2>B</h2>');
  });

  it('finds sections inside layout cells and stops at the cell end', () => {
    const storage =
      '<ac:layout><ac:layout-section ac:type="two_equal"><ac:layout-cell><h2>Left</h2><p>l</p></ac:layout-cell><ac:layout-cell><p>r</p></ac:layout-cell></ac:layout-section></ac:layout>';
    expect(markdown(storage, 'left', 'L')).toBe(storage.replace('<p>l</p>', '<p>L</p>'));
  });

  it('refuses to drop a macro of the section unless allowed, numbering placeholders as the whole page does', () => {
    expect(() => markdown(page, 'Set up npm', 'text')).toThrow(PlaceholderRemovalError);
    expect(() => markdown(page, 'Set up npm', 'text')).toThrow(/#1 \(toc\)/);
    expect(replaceSection(page, 'Set up npm', 'text', { format: 'markdown', allowRemoved: [1] }).removed).toEqual([{ ordinal: 1, name: 'toc' }]);
  });

  it('refuses a placeholder from elsewhere on the page under another name', () => {
    expect(() => markdown(page, 'Usage', '{{confluence:macro name="jira" #1}}', 'all')).toThrow(/Placeholder #1 is named "jira", but macro #1 on the page is "toc"/);
  });

  it('lists the headings when none matches', () => {
    expect(() => markdown(page, 'Install', 'x')).toThrow(SectionNotFoundError);
    expect(() => markdown(page, 'Install', 'x')).toThrow('No heading "Install" on the page. Its headings are: "# Guide", "## **Set up** `npm`", "### Details", "## Usage".');
  });

  it('lists the matches when several headings match', () => {
    const storage = '<h2>Notes</h2><p>a</p><h3>notes</h3><p>b</p>';
    expect(() => markdown(storage, 'Notes', 'x')).toThrow(AmbiguousSectionError);
    expect(() => markdown(storage, 'Notes', 'x')).toThrow('2 headings match "Notes": "## Notes", "### notes".');
  });

  it('refuses a page whose current storage is not well-formed, whatever the format', () => {
    for (const format of ['markdown', 'storage'] as const) {
      expect(() => replaceSection('<h2>A</h2><p>a & b</p>', 'A', '<p>x</p>', { format })).toThrow(InvalidStorageError);
      expect(() => replaceSection('<h2>A</h2><p>a & b</p>', 'A', '<p>x</p>', { format })).toThrow(
        'The page\'s current storage is not well-formed (unescaped markup in "a & b"), so its sections cannot be found safely.',
      );
    }
  });

  describe('with storage content', () => {
    it('replaces the blocks of the section with the storage given', () => {
      const result = replaceSection(page, 'Usage', '<p>given</p><hr />', { format: 'storage' });
      expect(result).toEqual({ storage: page.replace('<p>use it</p>', '<p>given</p><hr />'), removed: [] });
    });

    it('refuses storage that is not well-formed, and macros it would drop', () => {
      expect(() => replaceSection(page, 'Usage', '<p>open', { format: 'storage' })).toThrow(InvalidStorageError);
      expect(() => replaceSection(page, 'Usage', '<p>open', { format: 'storage' })).toThrow('The section content is not well-formed storage: <p> is not closed. Close every tag');
      expect(() => replaceSection(page, 'Set up npm', '<p>x</p>', { format: 'storage' })).toThrow(PlaceholderRemovalError);
      expect(replaceSection(page, 'Set up npm', '<p>x</p>', { format: 'storage', allowRemoved: 'all' }).storage).toBe(
        page.replace('<p class="a">old one</p><ac:structured-macro ac:name="toc" ac:macro-id="t" /><h3>Details</h3><p>deep</p>', '<p>x</p>'),
      );
    });
  });
});
