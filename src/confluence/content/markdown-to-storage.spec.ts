import fc from 'fast-check';
import { gfmDocument } from '../../../test/fixtures/content/markdown-arbitrary';
import { markdownToStorage } from './markdown-to-storage';
import { storageToMarkdown } from './storage-to-markdown';
import { storageProblem } from './storage-well-formed';

const storage = (markdown: string): string => markdownToStorage(markdown);

describe('markdownToStorage', () => {
  describe('text blocks', () => {
    it('writes headings, paragraphs, emphasis, strike, code, underline, sub and sup', () => {
      expect(storage('# T *x*\n\nA **b** _i_ ~~s~~ `c` <u>u</u> H<sub>2</sub>O e<sup>x</sup>')).toBe(
        '<h1>T <em>x</em></h1><p>A <strong>b</strong> <em>i</em> <s>s</s> <code>c</code> <u>u</u> H<sub>2</sub>O e<sup>x</sup></p>',
      );
    });

    it('escapes text and turns hard breaks into <br /> and soft breaks into spaces', () => {
      expect(storage('a < b & c > d\\\ne\nf')).toBe('<p>a &lt; b &amp; c &gt; d<br />e f</p>');
    });

    it('escapes raw HTML instead of passing it through, and drops comments', () => {
      expect(storage('<script>alert(1)</script>\n\nx <b onclick="y">z</b> <!-- note --> <u>open')).toBe(
        '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><p>x &lt;b onclick="y"&gt;z&lt;/b&gt;  &lt;u&gt;open</p>',
      );
    });

    it('writes blockquotes, rules and lists with start numbers, nesting and lone paragraphs inline', () => {
      expect(storage('> q\n\n---\n\n3. one\n4. two\n   - sub\n\n- p1\n\n  p2')).toBe(
        '<blockquote><p>q</p></blockquote><hr /><ol start="3"><li>one</li><li>two<ul><li>sub</li></ul></li></ol><ul><li><p>p1</p><p>p2</p></li></ul>',
      );
    });

    it('writes task lists with status and nested tasks, and mixed lists as plain lists', () => {
      expect(storage('- [ ] todo\n- [x] done\n  - [ ] sub')).toBe(
        '<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>todo</ac:task-body></ac:task>' +
          '<ac:task><ac:task-id>2</ac:task-id><ac:task-status>complete</ac:task-status><ac:task-body>done' +
          '<ac:task-list><ac:task><ac:task-id>3</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>sub</ac:task-body></ac:task></ac:task-list>' +
          '</ac:task-body></ac:task></ac:task-list>',
      );
      expect(storage('- [ ] a\n- b')).toBe('<ul><li>[ ] a</li><li>b</li></ul>');
    });

    it('writes a code span in the status shape with a Confluence status colour as a status lozenge, other code as code', () => {
      expect(storage('`[DONE (Green)]` `[LATE (Red, subtle)]`')).toBe(
        '<p><ac:structured-macro ac:name="status"><ac:parameter ac:name="colour">Green</ac:parameter><ac:parameter ac:name="title">DONE</ac:parameter></ac:structured-macro> ' +
          '<ac:structured-macro ac:name="status"><ac:parameter ac:name="colour">Red</ac:parameter><ac:parameter ac:name="title">LATE</ac:parameter><ac:parameter ac:name="subtle">true</ac:parameter></ac:structured-macro></p>',
      );
      expect(storage('`[x]` `[WIP (draft)]` `[A (green)]` `[B (subtle)]` `DONE (Green)`')).toBe(
        '<p><code>[x]</code> <code>[WIP (draft)]</code> <code>[A (green)]</code> <code>[B (subtle)]</code> <code>DONE (Green)</code></p>',
      );
    });

    it('writes GFM tables with a header row, escaped pipes and <br> in cells', () => {
      expect(storage('| H1 | H2 |\n| --- | --- |\n| a\\|b | l1<br>l2 |')).toBe(
        '<table><tbody><tr><th>H1</th><th>H2</th></tr><tr><td>a|b</td><td>l1<br />l2</td></tr></tbody></table>',
      );
    });
  });

  describe('code', () => {
    it('writes fences as code macros with language and title, CDATA-safe', () => {
      expect(storage('```python title="a \\"b\\".py"\nx ]]> y\n```')).toBe(
        '<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">python</ac:parameter><ac:parameter ac:name="title">a "b".py</ac:parameter>' +
          '<ac:plain-text-body><![CDATA[x ]]]]><![CDATA[> y]]></ac:plain-text-body></ac:structured-macro>',
      );
    });

    it('writes indented code and fences without language as code macros without parameters', () => {
      const expected = '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[a\n  b]]></ac:plain-text-body></ac:structured-macro>';
      expect(storage('    a\n      b')).toBe(expected);
      expect(storage('```\na\n  b\n```')).toBe(expected);
    });
  });

  describe('links and images', () => {
    it('writes page, blog post, space, content and anchor links as ac:link, labels matching the title without a body', () => {
      const markdown = '[My Page](page:DEV/My+Page) [see](page:Solo#sec) [Post](blogpost:DEV/2024/01/31/Post) [DEV](space:DEV) [42](content:42) [top](#top)';
      expect(storage(markdown)).toBe(
        '<p><ac:link><ri:page ri:space-key="DEV" ri:content-title="My Page" /></ac:link> ' +
          '<ac:link ac:anchor="sec"><ri:page ri:content-title="Solo" /><ac:plain-text-link-body><![CDATA[see]]></ac:plain-text-link-body></ac:link> ' +
          '<ac:link><ri:blog-post ri:space-key="DEV" ri:content-title="Post" ri:posting-day="2024/01/31" /></ac:link> ' +
          '<ac:link><ri:space ri:space-key="DEV" /></ac:link> <ac:link><ri:content-entity ri:content-id="42" /></ac:link> <ac:link ac:anchor="top" /></p>',
      );
    });

    it('reads page links under the base URL, leaving out the space of the page itself', () => {
      const options = { baseUrl: 'https://wiki.example.com/', spaceKey: 'DEV' };
      expect(markdownToStorage('[x](https://wiki.example.com/display/DEV/A+%26+B) [y](https://wiki.example.com/display/OPS/Run)', options)).toBe(
        '<p><ac:link><ri:page ri:content-title="A &amp; B" /><ac:plain-text-link-body><![CDATA[x]]></ac:plain-text-link-body></ac:link> ' +
          '<ac:link><ri:page ri:space-key="OPS" ri:content-title="Run" /><ac:plain-text-link-body><![CDATA[y]]></ac:plain-text-link-body></ac:link></p>',
      );
    });

    it('writes attachments, URLs with formatted labels and mentions', () => {
      expect(storage('[my file.pdf](<my file.pdf>) [**X**](https://x.test/a?b=1&c=2 "T") @user(557058:abc) @user(bob)')).toBe(
        '<p><ac:link><ri:attachment ri:filename="my file.pdf" /></ac:link> <a href="https://x.test/a?b=1&amp;c=2" title="T"><strong>X</strong></a> ' +
          '<ac:link><ri:user ri:account-id="557058:abc" /></ac:link> <ac:link><ri:user ri:username="bob" /></ac:link></p>',
      );
    });

    it('writes external images as ri:url and bare file names as attachments', () => {
      expect(storage('![alt](https://x.test/i.png "ti") ![](logo.svg)')).toBe(
        '<p><ac:image ac:alt="alt" ac:title="ti"><ri:url ri:value="https://x.test/i.png" /></ac:image> <ac:image><ri:attachment ri:filename="logo.svg" /></ac:image></p>',
      );
    });

    it('does not turn script URLs into links', () => {
      expect(storage('[x](javascript:alert(1))')).toBe('<p>[x](javascript:alert(1))</p>');
    });
  });

  describe('macros', () => {
    it.each([
      ['NOTE', 'info'],
      ['TIP', 'tip'],
      ['IMPORTANT', 'note'],
      ['WARNING', 'warning'],
      ['CAUTION', 'warning'],
    ])('writes [!%s] alerts as %s macros', (kind, macro) => {
      expect(storage(`> [!${kind}]\n> Body`)).toBe(`<ac:structured-macro ac:name="${macro}"><ac:rich-text-body><p>Body</p></ac:rich-text-body></ac:structured-macro>`);
    });

    it('reads a leading bold line of an alert as its title', () => {
      expect(storage('> [!NOTE]\n> **Heads up**\n>\n> Body')).toBe(
        '<ac:structured-macro ac:name="info"><ac:parameter ac:name="title">Heads up</ac:parameter><ac:rich-text-body><p>Body</p></ac:rich-text-body></ac:structured-macro>',
      );
    });

    it('writes <details> as an expand macro, with and without blank lines around the body', () => {
      const expected =
        '<ac:structured-macro ac:name="expand"><ac:parameter ac:name="title">More &amp; more</ac:parameter><ac:rich-text-body><ul><li>x</li></ul></ac:rich-text-body></ac:structured-macro>';
      expect(storage('<details>\n<summary>More &amp; more</summary>\n\n- x\n\n</details>')).toBe(expected);
      expect(storage('<details><summary>More &amp; more</summary>\n- x\n</details>')).toBe(expected);
    });

    it('reads a <details> block made of thousands of </summary> tags as one expand, not by backtracking over them', () => {
      const hostile = `<details><summary>${'</summary>'.repeat(20_000)}</details>`;
      const result = storage(hostile);
      expect(result.startsWith('<ac:structured-macro ac:name="expand"><ac:rich-text-body><p>&lt;/summary&gt;')).toBe(true);
      expect(result.split('&lt;/summary&gt;').length - 1).toBe(19_999);
    });

    it('writes placeholders as macros with parameters, rich and plain bodies', () => {
      const markdown = [
        'see {{confluence:macro name="anchor" _="top" #1}} {{confluence:placeholder text="Type \\"here\\"" type="mention"}}',
        '{{confluence:macro name="excerpt" hidden="true" #2}}',
        '**Hi**',
        '{{/confluence:macro #2}}',
        '{{confluence:macro name="mermaid" #3}}',
        '```mermaid\ngraph TD;\n```',
        '{{/confluence:macro #3}}',
        '{{confluence:macro name="toc" #4}}',
      ].join('\n\n');
      expect(storage(markdown)).toBe(
        '<p>see <ac:structured-macro ac:name="anchor"><ac:parameter ac:name="">top</ac:parameter></ac:structured-macro> <ac:placeholder ac:type="mention">Type "here"</ac:placeholder></p>' +
          '<ac:structured-macro ac:name="excerpt"><ac:parameter ac:name="hidden">true</ac:parameter><ac:rich-text-body><p><strong>Hi</strong></p></ac:rich-text-body></ac:structured-macro>' +
          '<ac:structured-macro ac:name="mermaid"><ac:plain-text-body><![CDATA[graph TD;]]></ac:plain-text-body></ac:structured-macro>' +
          '<p><ac:structured-macro ac:name="toc" /></p>',
      );
    });

    it('keeps two placeholders without bodies on lines of their own apart', () => {
      const markdown = '{{confluence:macro name="toc" #1}}\n\n{{confluence:macro name="children" #2}}';
      expect(storage(markdown)).toBe('<p><ac:structured-macro ac:name="toc" /></p><p><ac:structured-macro ac:name="children" /></p>');
      expect(storageToMarkdown(storage(markdown))).toBe(markdown);
    });

    it('leaves escaped placeholders and placeholders in code as text', () => {
      expect(storage('\\{\\{confluence:macro name="x" #1}} `{{confluence:macro name="y" #2}}`')).toBe(
        '<p>{{confluence:macro name="x" #1}} <code>{{confluence:macro name="y" #2}}</code></p>',
      );
    });

    it('writes layout markers as a layout; blocks before the first cell marker open the first cell', () => {
      const markdown = [
        '<!-- confluence:layout-section type="two_equal" -->',
        'early',
        '<!-- confluence:layout-cell -->',
        'left',
        '<!-- confluence:layout-cell -->',
        'right',
        '<!-- confluence:layout-section -->',
        '<!-- confluence:layout-cell -->',
        '<!-- /confluence:layout -->',
        'after',
      ].join('\n\n');
      expect(storage(markdown)).toBe(
        '<ac:layout><ac:layout-section ac:type="two_equal"><ac:layout-cell><p>early</p><p>left</p></ac:layout-cell><ac:layout-cell><p>right</p></ac:layout-cell></ac:layout-section>' +
          '<ac:layout-section><ac:layout-cell></ac:layout-cell></ac:layout-section></ac:layout><p>after</p>',
      );
    });

    it('keeps two lists separated by an empty comment apart', () => {
      expect(storage('- a\n\n<!-- -->\n\n- b')).toBe('<ul><li>a</li></ul><ul><li>b</li></ul>');
    });
  });

  it('reads back every markdown construct the reader writes', () => {
    const original =
      '<h2>T</h2><p>a <strong>b</strong> <ac:link><ri:page ri:space-key="DEV" ri:content-title="P" /></ac:link> <ac:link><ri:user ri:account-id="557058:x" /></ac:link></p>' +
      '<ac:structured-macro ac:name="info"><ac:parameter ac:name="title">Hi</ac:parameter><ac:rich-text-body><p>b</p></ac:rich-text-body></ac:structured-macro>' +
      '<ac:layout><ac:layout-section ac:type="single"><ac:layout-cell><ul><li>x</li></ul></ac:layout-cell></ac:layout-section></ac:layout>';
    expect(storage(storageToMarkdown(original))).toBe(original);
  });

  describe('properties', () => {
    it('writes well-formed storage for any GFM document', () => {
      fc.assert(
        fc.property(gfmDocument, (markdown) => {
          expect(storageProblem(storage(markdown))).toBeUndefined();
        }),
        { numRuns: 300 },
      );
    });

    it('is stable: storage → markdown → storage gives the same storage for GFM documents', () => {
      fc.assert(
        fc.property(gfmDocument, (markdown) => {
          const first = storage(markdown);
          expect(storage(storageToMarkdown(first))).toBe(first);
        }),
        { numRuns: 300 },
      );
    });
  });
});
