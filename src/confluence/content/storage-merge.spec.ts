import { PlaceholderMismatchError, PlaceholderRemovalError, mergeMarkdownIntoStorage } from './storage-merge';
import { storageToMarkdown } from './storage-to-markdown';

const merge = (storage: string, markdown: string, allowRemoved?: number[] | 'all'): string =>
  mergeMarkdownIntoStorage(storage, markdown, { allowRemoved }).storage;

/** The page's markdown with one edit applied (fails loudly when the text to replace is not there). */
const edited = (storage: string, from: string, to: string): string => {
  const markdown = storageToMarkdown(storage);
  expect(markdown).toContain(from);
  return markdown.replace(from, to);
};

describe('mergeMarkdownIntoStorage', () => {
  const page =
    '<h1 local-id="h">Title</h1>\n<p local-id="a">First <ac:image ac:width="200"><ri:attachment ri:filename="a.png" /></ac:image> and ' +
    '<ac:link><ri:user ri:account-id="557058:u1" ri:local-id="l1" /></ac:link></p>\n' +
    '<ac:structured-macro ac:name="toc" ac:macro-id="m1"><ac:parameter ac:name="maxLevel">2</ac:parameter></ac:structured-macro>\n' +
    '<p>Second</p>';

  describe('unchanged markdown', () => {
    it('gives the storage back byte for byte', () => {
      expect(merge(page, storageToMarkdown(page))).toBe(page);
    });

    it('gives it back through the full merge too (an added empty comment writes nothing)', () => {
      expect(merge(page, `${storageToMarkdown(page)}\n\n<!-- -->`)).toBe(page);
    });

    it('writes markdown into an empty page', () => {
      expect(merge('', '# Hi\n\n- a')).toBe('<h1>Hi</h1><ul><li>a</li></ul>');
    });

    it('gives code stored with Windows line endings back byte for byte, though get_page shows it with \\n', () => {
      const code = '<ac:structured-macro ac:name="code" ac:macro-id="c"><ac:plain-text-body><![CDATA[a\r\nb]]></ac:plain-text-body></ac:structured-macro><p>x</p>';
      expect(storageToMarkdown(code)).toBe('```\na\nb\n```\n\nx');
      expect(merge(code, '```\na\nb\n```\n\ny')).toBe(code.replace('<p>x</p>', '<p>y</p>'));
      expect(merge(code, '```\na\nc\n```\n\nx')).toBe(code.replace('a\r\nb', 'a\nc'));
    });

    it('ignores Windows line endings', () => {
      const code = '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[a\r\nb]]></ac:plain-text-body></ac:structured-macro><p>x</p>';
      expect(merge(code, edited(code, 'x', 'y').replace(/\r?\n/g, '\r\n'))).toBe(code.replace('<p>x</p>', '<p>y</p>'));
    });
  });

  describe('edited text', () => {
    it('rewrites only the changed paragraph, keeping its attributes and restoring its image and mention', () => {
      expect(merge(page, edited(page, 'First', 'Changed'))).toBe(page.replace('>First <', '>Changed <'));
    });

    it('inserts new paragraphs and deletes removed ones, leaving everything else as it was', () => {
      expect(merge(page, edited(page, 'Second', 'New\n\nSecond'))).toBe(page.replace('<p>Second</p>', '<p>New</p><p>Second</p>'));
      expect(merge(page, edited(page, '\n\nSecond', ''))).toBe(page.replace('\n<p>Second</p>', '\n'));
    });

    it('takes the line breaks between deleted blocks with them', () => {
      const storage = '<h2>A</h2>\n<p>one</p>\n<p>two</p>\n<h2>B</h2>\n<p>three</p>';
      expect(merge(storage, '## A\n\n## B\n\nthree')).toBe('<h2>A</h2>\n<h2>B</h2>\n<p>three</p>');
      expect(merge(storage, '## B\n\nthree')).toBe('<h2>B</h2>\n<p>three</p>');
    });

    it('writes a comment marker repeated beyond its originals as its text', () => {
      const storage = '<p>x <ac:inline-comment-marker ac:ref="r">m</ac:inline-comment-marker></p><p>y</p>';
      expect(merge(storage, 'x m\n\ny m')).toBe('<p>x <ac:inline-comment-marker ac:ref="r">m</ac:inline-comment-marker></p><p>y m</p>');
    });

    it('keeps a moved block as it was', () => {
      const storage = '<p class="a">one</p><p class="b">two</p>';
      expect(merge(storage, 'two\n\none')).toBe('<p class="b">two</p><p class="a">one</p>');
    });

    it('keeps the ids of a link whose label changed, and writes new mentions and page links', () => {
      const storage = '<p><ac:link><ri:page ri:space-key="DEV" ri:content-title="P" ri:version-at-save="7" /></ac:link></p>';
      expect(merge(storage, '[See P](page:DEV/P) @user(557058:new) [Q](page:DEV/Q)')).toBe(
        '<p><ac:link><ri:page ri:space-key="DEV" ri:content-title="P" ri:version-at-save="7" /><ac:plain-text-link-body><![CDATA[See P]]></ac:plain-text-link-body></ac:link> ' +
          '<ac:link><ri:user ri:account-id="557058:new" /></ac:link> <ac:link><ri:page ri:space-key="DEV" ri:content-title="Q" /></ac:link></p>',
      );
    });

    it('restores emoticons, dates, status lozenges and comment markers in an edited paragraph', () => {
      const storage =
        '<p>Due <time datetime="2024-01-31" /> <ac:emoticon ac:name="tick" /> <ac:structured-macro ac:name="status" ac:macro-id="s"><ac:parameter ac:name="title">OK</ac:parameter></ac:structured-macro> <ac:inline-comment-marker ac:ref="r1">marked</ac:inline-comment-marker></p>';
      expect(merge(storage, edited(storage, 'Due', 'Now due'))).toBe(storage.replace('Due', 'Now due'));
    });
  });

  describe('macro placeholders', () => {
    const macros =
      '<ac:structured-macro ac:name="excerpt-include" ac:macro-id="x1"><ac:parameter ac:name=""><ac:link><ri:page ri:space-key="DOC" ri:content-title="Glossary" /></ac:link></ac:parameter><ac:parameter ac:name="nopanel">true</ac:parameter></ac:structured-macro>' +
      '<ac:structured-macro ac:name="excerpt" ac:macro-id="x2" ac:schema-version="1"><ac:rich-text-body><p class="k">keep</p><p>change</p></ac:rich-text-body></ac:structured-macro>' +
      '<ac:structured-macro ac:name="mermaid" ac:macro-id="x3"><ac:parameter ac:name="theme">dark</ac:parameter><ac:plain-text-body><![CDATA[graph TD;]]></ac:plain-text-body></ac:structured-macro>';

    it('refuses markdown that drops a placeholder, naming it and how to keep it', () => {
      const markdown = edited(macros, '{{confluence:macro name="excerpt-include" _="DOC:Glossary" nopanel="true" #1}}', '');
      expect(() => merge(macros, markdown)).toThrow(PlaceholderRemovalError);
      try {
        merge(macros, markdown);
      } catch (error) {
        expect((error as PlaceholderRemovalError).removed).toEqual([{ ordinal: 1, name: 'excerpt-include' }]);
        expect((error as Error).message).toMatch(/#1 \(excerpt-include\).*Keep each \{\{confluence:macro … #n\}\} line.*\(1\)/);
      }
    });

    it('removes dropped macros named in allowRemoved, and reports them', () => {
      const markdown = edited(macros, '{{confluence:macro name="excerpt-include" _="DOC:Glossary" nopanel="true" #1}}', '');
      expect(mergeMarkdownIntoStorage(macros, markdown, { allowRemoved: [1] })).toEqual({
        storage: macros.replace(/^<ac:structured-macro ac:name="excerpt-include".*?<\/ac:structured-macro>/, ''),
        removed: [{ ordinal: 1, name: 'excerpt-include' }],
      });
      expect(mergeMarkdownIntoStorage(macros, markdown, { allowRemoved: 'all' }).removed).toEqual([{ ordinal: 1, name: 'excerpt-include' }]);
    });

    it('refuses a placeholder renamed at an ordinal the page has', () => {
      const markdown = edited(macros, 'name="mermaid"', 'name="plantuml"');
      expect(() => merge(macros, markdown)).toThrow(PlaceholderMismatchError);
      expect(() => merge(macros, markdown)).toThrow(/Placeholder #3 is named "plantuml", but macro #3 on the page is "mermaid"/);
    });

    it('applies changed parameters, keeping the macro id and the bytes of unchanged parameters', () => {
      expect(merge(macros, edited(macros, 'nopanel="true"', 'nopanel="false"'))).toBe(macros.replace('<ac:parameter ac:name="nopanel">true', '<ac:parameter ac:name="nopanel">false'));
    });

    it('merges an edited rich body and replaces an edited plain body, keeping ids and parameters', () => {
      const markdown = edited(macros, 'change', 'changed').replace('graph TD;', 'graph LR;');
      expect(merge(macros, markdown)).toBe(macros.replace('<p>change</p>', '<p>changed</p>').replace('graph TD;', 'graph LR;'));
    });

    it('keeps a moved macro whole, and a copied one without its macro id', () => {
      const storage = '<p>a</p><ac:structured-macro ac:name="toc" ac:macro-id="t1"><ac:parameter ac:name="type">flat</ac:parameter></ac:structured-macro><p>b</p>';
      const toc = '{{confluence:macro name="toc" type="flat" #1}}';
      expect(merge(storage, `${toc}\n\na\n\nb`)).toBe('<ac:structured-macro ac:name="toc" ac:macro-id="t1"><ac:parameter ac:name="type">flat</ac:parameter></ac:structured-macro><p>a</p><p>b</p>');
      expect(merge(storage, `a\n\n${toc}\n\nb\n\n${toc}`)).toBe(
        `${storage}<p><ac:structured-macro ac:name="toc"><ac:parameter ac:name="type">flat</ac:parameter></ac:structured-macro></p>`,
      );
    });

    it('writes a placeholder with an ordinal the page does not have as a new macro', () => {
      expect(merge('<p>a</p>', 'a\n\n{{confluence:macro name="toc" maxLevel="2" #9}}')).toBe(
        '<p>a</p><p><ac:structured-macro ac:name="toc"><ac:parameter ac:name="maxLevel">2</ac:parameter></ac:structured-macro></p>',
      );
    });
  });

  describe('constructs markdown shows in its own way', () => {
    it('keeps an alert macro and its other parameters when its title and body change', () => {
      const storage =
        '<ac:structured-macro ac:name="info" ac:macro-id="i1"><ac:parameter ac:name="icon">false</ac:parameter><ac:parameter ac:name="title">Old</ac:parameter><ac:rich-text-body><p>Body</p><p>Stays</p></ac:rich-text-body></ac:structured-macro>';
      expect(merge(storage, '> [!NOTE]\n> **New**\n>\n> Body 2\n>\n> Stays')).toBe(
        '<ac:structured-macro ac:name="info" ac:macro-id="i1"><ac:parameter ac:name="icon">false</ac:parameter><ac:parameter ac:name="title">New</ac:parameter><ac:rich-text-body><p>Body 2</p><p>Stays</p></ac:rich-text-body></ac:structured-macro>',
      );
    });

    it('keeps an expand macro when its summary and body change', () => {
      const storage = '<ac:structured-macro ac:name="expand" ac:macro-id="e1"><ac:rich-text-body><p>x</p></ac:rich-text-body></ac:structured-macro>';
      expect(merge(storage, '<details>\n<summary>More</summary>\n\ny\n\n</details>')).toBe(
        '<ac:structured-macro ac:name="expand" ac:macro-id="e1"><ac:parameter ac:name="title">More</ac:parameter><ac:rich-text-body><p>y</p></ac:rich-text-body></ac:structured-macro>',
      );
    });

    it('keeps code macro parameters markdown cannot show when the code changes', () => {
      const storage =
        '<ac:structured-macro ac:name="code" ac:macro-id="c1"><ac:parameter ac:name="language">java</ac:parameter><ac:parameter ac:name="linenumbers">true</ac:parameter><ac:plain-text-body><![CDATA[a();]]></ac:plain-text-body></ac:structured-macro>';
      expect(merge(storage, '```kotlin\nb()\n```')).toBe(
        '<ac:structured-macro ac:name="code" ac:macro-id="c1"><ac:parameter ac:name="language">kotlin</ac:parameter><ac:parameter ac:name="linenumbers">true</ac:parameter><ac:plain-text-body><![CDATA[b()]]></ac:plain-text-body></ac:structured-macro>',
      );
    });

    it('merges lists item by item: unchanged items keep their bytes, a task checkbox flips in place', () => {
      const list = '<ul><li class="x">one</li><li>two</li></ul>';
      expect(merge(list, '- one\n- two!\n- three')).toBe('<ul><li class="x">one</li><li>two!</li><li>three</li></ul>');
      const tasks =
        '<ac:task-list><ac:task><ac:task-id>7</ac:task-id><ac:task-uuid>u7</ac:task-uuid><ac:task-status>incomplete</ac:task-status><ac:task-body>a</ac:task-body></ac:task></ac:task-list>';
      expect(merge(tasks, '- [x] a\n- [ ] b')).toBe(
        '<ac:task-list><ac:task><ac:task-id>7</ac:task-id><ac:task-uuid>u7</ac:task-uuid><ac:task-status>complete</ac:task-status><ac:task-body>a</ac:task-body></ac:task>' +
          '<ac:task><ac:task-id>8</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>b</ac:task-body></ac:task></ac:task-list>',
      );
    });

    it('merges tables cell by cell, keeping table, row and cell attributes and adding rows', () => {
      const table =
        '<table class="wrapped"><colgroup><col style="width: 9px;" /></colgroup><tbody><tr><th>H</th><th>I</th></tr>' +
        '<tr><td class="c">a</td><td><p>l1</p><p>l2</p></td></tr></tbody></table>';
      expect(merge(table, '| H | I |\n| --- | --- |\n| a | l1<br>l2 changed |\n| b | c |')).toBe(
        '<table class="wrapped"><colgroup><col style="width: 9px;" /></colgroup><tbody><tr><th>H</th><th>I</th></tr>' +
          '<tr><td class="c">a</td><td><p>l1</p><p>l2 changed</p></td></tr><tr><td>b</td><td>c</td></tr></tbody></table>',
      );
    });

    it('merges layouts cell by cell, keeping the layout elements and changing a section type', () => {
      const layout =
        '<ac:layout><ac:layout-section ac:type="two_equal" ac:breakout-mode="default"><ac:layout-cell><p>left</p></ac:layout-cell><ac:layout-cell><p>right</p></ac:layout-cell></ac:layout-section></ac:layout>';
      expect(merge(layout, edited(layout, 'right', 'right\n\nmore'))).toBe(layout.replace('<p>right</p>', '<p>right</p><p>more</p>'));
      expect(merge(layout, edited(layout, 'two_equal', 'two_left_sidebar'))).toBe(layout.replace('two_equal', 'two_left_sidebar'));
    });

    it('merges the content of a Cloud ADF panel, keeping the node and its fallback', () => {
      const panel =
        '<ac:adf-extension><ac:adf-node type="panel"><ac:adf-attribute key="panel-type">note</ac:adf-attribute><ac:adf-content><p>a</p></ac:adf-content></ac:adf-node><ac:adf-fallback><div>a</div></ac:adf-fallback></ac:adf-extension>';
      expect(merge(panel, '> [!IMPORTANT]\n> b')).toBe(panel.replace('<p>a</p>', '<p>b</p>'));
    });

    it('keeps loose text in a list item loose', () => {
      expect(merge('<ul><li>a<ul><li>b</li></ul></li></ul>', '- a!\n  - b')).toBe('<ul><li>a!<ul><li>b</li></ul></li></ul>');
    });
  });
});
