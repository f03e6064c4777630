import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { isTag, type Element } from 'domhandler';
import { parseMacroPlaceholders } from './macro-placeholder';
import { storageToMarkdown } from './storage-to-markdown';
import { parseStorage, textContent } from './storage-parser';

const md = (storage: string): string => storageToMarkdown(storage);

describe('adjacent lists', () => {
  it('keeps two lists of the same kind apart, and leaves different kinds alone', () => {
    expect(storageToMarkdown('<ul><li>a</li></ul><ul><li>b</li></ul>')).toBe('- a\n\n<!-- -->\n\n- b');
    expect(storageToMarkdown('<ol><li>a</li></ol><ol><li>b</li></ol>')).toBe('1. a\n\n<!-- -->\n\n1. b');
    expect(storageToMarkdown('<ul><li>a</li></ul><ol><li>b</li></ol>')).toBe('- a\n\n1. b');
  });
});

describe('storageToMarkdown', () => {
  describe('text blocks', () => {
    it('writes headings h1–h6 and paragraphs separated by one blank line', () => {
      expect(md('<h1>One</h1><h3>Three</h3><h6>Six</h6><p>Body</p><p />')).toBe('# One\n\n### Three\n\n###### Six\n\nBody');
    });

    it('collapses whitespace like a browser and writes <br> as a hard break', () => {
      expect(md('<p>  a\n   b <br/>\n c  </p>')).toBe('a b\\\nc');
    });

    it('writes bold, italic, strike, underline, code, sub and sup', () => {
      expect(md('<p><strong>b</strong> <em>i</em> <del>s</del> <u>u</u> <code>c</code> H<sub>2</sub>O e<sup>x</sup></p>')).toBe(
        '**b** *i* ~~s~~ <u>u</u> `c` H<sub>2</sub>O e<sup>x</sup>',
      );
    });

    it('keeps the whitespace of an emphasised run outside its delimiters', () => {
      expect(md('<p>a<strong> bold </strong>b</p>')).toBe('a **bold** b');
    });

    it('writes blockquote, hr and pre', () => {
      expect(md('<blockquote><p>q1</p><p>q2</p></blockquote><hr/><pre>x  &lt;y&gt;\n  z</pre>')).toBe('> q1\n>\n> q2\n\n---\n\n```\nx  <y>\n  z\n```');
    });

    it('decodes HTML named entities once, leaving escaped entities literal', () => {
      expect(md('<p>a&nbsp;&rarr;&nbsp;b &mdash; &amp;nbsp; &#8594;</p>')).toBe('a → b — \\&nbsp; →');
    });

    it('escapes markdown syntax in text without over-escaping prose', () => {
      expect(md('<p>*x* [y] `z` a_b _c &lt;div&gt; a &lt; b {{confluence:macro name="x" #1}}</p>')).toBe(
        '\\*x\\* \\[y\\] \\`z\\` a_b \\_c \\<div> a < b \\{\\{confluence:macro name="x" #1}}',
      );
    });

    it('escapes text that would start a heading, list or quote', () => {
      expect(md('<p># not heading</p><p>- not list</p><p>1. not ordered</p><p>&gt; not quote</p>')).toBe(
        '\\# not heading\n\n\\- not list\n\n1\\. not ordered\n\n\\> not quote',
      );
    });

    it('reads a paragraph of 100,000 words and thousands of breaks in linear time (it took seconds when each word reread the output)', () => {
      const words = `<p>${'word '.repeat(100_000)}</p>`;
      const breaks = `<p><strong>a${'<br />'.repeat(20_000)}b</strong></p>`;
      const started = Date.now();
      expect(md(words)).toBe('word '.repeat(100_000).trim());
      expect(md(breaks)).toBe(`**a${'\\\n'.repeat(20_000)}b**`);
      expect(Date.now() - started).toBeLessThan(2000);
    });

    it('produces deterministic output', () => {
      const storage = '<p>x <ac:structured-macro ac:name="toc"/></p>';
      expect(md(storage)).toBe(md(storage));
    });
  });

  describe('lists', () => {
    it('nests ordered and unordered lists with paragraphs inside items', () => {
      const storage = '<ol start="3"><li><p>one</p><ul><li>a<ul><li>deep</li></ul></li></ul></li><li>two</li></ol>';
      expect(md(storage)).toBe('3. one\n   - a\n     - deep\n4. two');
    });

    it('keeps two paragraphs of one item in that item', () => {
      expect(md('<ul><li><p>p1</p><p>p2</p></li></ul>')).toBe('- p1\n\n  p2');
    });

    it('keeps a list placed directly in a list with the preceding item', () => {
      expect(md('<ul><li>a</li><ul><li>b</li></ul></ul>')).toBe('- a\n  - b');
    });
  });

  describe('tables', () => {
    it('writes a GFM table with the th row as header', () => {
      const storage = '<table><tbody><tr><th>H1</th><th>H2</th></tr><tr><td>a|b</td><td><p>l1</p><p>l2</p></td></tr></tbody></table>';
      expect(md(storage)).toBe('| H1 | H2 |\n| --- | --- |\n| a\\|b | l1<br>l2 |');
    });

    it('uses the first row as header when there is no th', () => {
      expect(md('<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>')).toBe('| a | b |\n| --- | --- |\n| c |  |');
    });

    it('keeps content of spanned cells and lists inside cells', () => {
      const storage =
        '<table><tr><th colspan="2">wide</th></tr><tr><td rowspan="2">tall</td><td><ul><li>x</li><li>y</li></ul></td></tr><tr><td>z</td></tr></table>';
      expect(md(storage)).toBe('| wide |  |\n| --- | --- |\n| tall | - x<br>- y |\n|  | z |');
    });
  });

  describe('macros', () => {
    it('writes code macros as fenced blocks keeping CDATA exactly, with a longer fence when needed', () => {
      const storage =
        '<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">js</ac:parameter><ac:plain-text-body><![CDATA[a ``` b\n  &amp; <x>]]></ac:plain-text-body></ac:structured-macro>';
      expect(md(storage)).toBe('````js\na ``` b\n  &amp; <x>\n````');
    });

    it('writes Windows line endings in code, pre and plain macro bodies as \\n', () => {
      const code = '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[a\r\nb\rc]]></ac:plain-text-body></ac:structured-macro>';
      const mermaid = '<ac:structured-macro ac:name="mermaid"><ac:plain-text-body><![CDATA[x\r\ny]]></ac:plain-text-body></ac:structured-macro>';
      expect(md(`${code}<pre>p\r\nq</pre>${mermaid}`)).toBe('```\na\nb\nc\n```\n\n```\np\nq\n```\n\n{{confluence:macro name="mermaid" #1}}\n\n```mermaid\nx\ny\n```\n\n{{/confluence:macro #1}}');
    });

    it('keeps the code title in the info string and writes noformat without language', () => {
      const code =
        '<ac:structured-macro ac:name="code"><ac:parameter ac:name="title">a.py</ac:parameter><ac:parameter ac:name="language">python</ac:parameter><ac:plain-text-body><![CDATA[x]]></ac:plain-text-body></ac:structured-macro>';
      const noformat = '<ac:structured-macro ac:name="noformat"><ac:plain-text-body><![CDATA[raw *x*]]></ac:plain-text-body></ac:structured-macro>';
      expect(md(code + noformat)).toBe('```python title="a.py"\nx\n```\n\n```\nraw *x*\n```');
    });

    it.each([
      ['info', 'NOTE'],
      ['tip', 'TIP'],
      ['note', 'IMPORTANT'],
      ['warning', 'WARNING'],
    ])('writes %s as a GitHub [!%s] alert', (name, kind) => {
      const storage = `<ac:structured-macro ac:name="${name}"><ac:rich-text-body><p>Body</p></ac:rich-text-body></ac:structured-macro>`;
      expect(md(storage)).toBe(`> [!${kind}]\n> Body`);
    });

    it('carries an alert title as a bold line', () => {
      const storage =
        '<ac:structured-macro ac:name="info"><ac:parameter ac:name="title">Heads up</ac:parameter><ac:rich-text-body><p>Body</p></ac:rich-text-body></ac:structured-macro>';
      expect(md(storage)).toBe('> [!NOTE]\n> **Heads up**\n>\n> Body');
    });

    it('writes a panel as a titled blockquote', () => {
      const storage =
        '<ac:structured-macro ac:name="panel"><ac:parameter ac:name="title">T</ac:parameter><ac:rich-text-body><p>Body</p></ac:rich-text-body></ac:structured-macro>';
      expect(md(storage)).toBe('> **T**\n>\n> Body');
    });

    it('writes expand as details with the body converted inside', () => {
      const storage =
        '<ac:structured-macro ac:name="expand"><ac:parameter ac:name="title">More &amp; more</ac:parameter><ac:rich-text-body><ul><li>x</li></ul></ac:rich-text-body></ac:structured-macro>';
      expect(md(storage)).toBe('<details>\n<summary>More &amp; more</summary>\n\n- x\n\n</details>');
    });

    it('writes status inline with title and colour', () => {
      const storage =
        '<p>State: <ac:structured-macro ac:name="status"><ac:parameter ac:name="colour">Yellow</ac:parameter><ac:parameter ac:name="title">IN PROGRESS</ac:parameter></ac:structured-macro></p>';
      expect(md(storage)).toBe('State: `[IN PROGRESS (Yellow)]`');
    });

    it('writes unknown macros as numbered placeholders with every parameter, escaped', () => {
      const storage =
        '<p><ac:structured-macro ac:name="jira"><ac:parameter ac:name="key">ABC-1</ac:parameter><ac:parameter ac:name="server">System "JIRA" \\</ac:parameter></ac:structured-macro></p>' +
        '<ac:structured-macro ac:name="toc" />';
      expect(md(storage)).toBe(
        '{{confluence:macro name="jira" key="ABC-1" server="System \\"JIRA\\" \\\\" #1}}\n\n{{confluence:macro name="toc" #2}}',
      );
    });

    it('keeps inline placeholders inline', () => {
      const storage = '<p>see <ac:structured-macro ac:name="anchor"><ac:parameter ac:name="">top</ac:parameter></ac:structured-macro> here</p>';
      expect(md(storage)).toBe('see {{confluence:macro name="anchor" _="top" #1}} here');
    });

    it('renders a rich body between opening and closing placeholders', () => {
      const storage =
        '<ac:structured-macro ac:name="excerpt"><ac:parameter ac:name="hidden">true</ac:parameter><ac:rich-text-body><p><strong>Hi</strong></p></ac:rich-text-body></ac:structured-macro>';
      expect(md(storage)).toBe('{{confluence:macro name="excerpt" hidden="true" #1}}\n\n**Hi**\n\n{{/confluence:macro #1}}');
    });

    it('renders a plain-text body as a fence named after the macro', () => {
      const storage = '<ac:structured-macro ac:name="mermaid"><ac:plain-text-body><![CDATA[graph TD;\n  A-->B;]]></ac:plain-text-body></ac:structured-macro>';
      expect(md(storage)).toBe('{{confluence:macro name="mermaid" #1}}\n\n```mermaid\ngraph TD;\n  A-->B;\n```\n\n{{/confluence:macro #1}}');
    });

    it('writes a page reference parameter as SPACE:Title', () => {
      const storage =
        '<ac:structured-macro ac:name="excerpt-include"><ac:parameter ac:name=""><ac:link><ri:page ri:space-key="DOC" ri:content-title="Glossary"/></ac:link></ac:parameter></ac:structured-macro>';
      expect(md(storage)).toBe('{{confluence:macro name="excerpt-include" _="DOC:Glossary" #1}}');
    });

    it('numbers placeholders in document order, including nested ones', () => {
      const storage =
        '<ac:structured-macro ac:name="section"><ac:rich-text-body><ac:structured-macro ac:name="column"><ac:rich-text-body><p>c</p></ac:rich-text-body></ac:structured-macro></ac:rich-text-body></ac:structured-macro><ac:structured-macro ac:name="toc"/>';
      expect(parseMacroPlaceholders(md(storage)).map((p) => [p.ordinal, p.name])).toEqual([
        [1, 'section'],
        [2, 'column'],
        [3, 'toc'],
      ]);
    });
  });

  describe('tasks', () => {
    it('writes task lists with checked state and nested task lists', () => {
      const storage =
        '<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>complete</ac:task-status><ac:task-body>done <strong>it</strong></ac:task-body></ac:task>' +
        '<ac:task><ac:task-id>2</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>todo' +
        '<ac:task-list><ac:task><ac:task-id>3</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>sub</ac:task-body></ac:task></ac:task-list>' +
        '</ac:task-body></ac:task></ac:task-list>';
      expect(md(storage)).toBe('- [x] done **it**\n- [ ] todo\n  - [ ] sub');
    });
  });

  describe('links and media', () => {
    it('links pages to the site when a base URL is given, else to a page: reference', () => {
      const storage = '<p><ac:link><ri:page ri:space-key="DEV" ri:content-title="My Page"/></ac:link></p>';
      expect(md(storage)).toBe('[My Page](page:DEV/My+Page)');
      expect(storageToMarkdown(storage, { baseUrl: 'https://wiki.example.com/' })).toBe('[My Page](https://wiki.example.com/display/DEV/My+Page)');
    });

    it('uses the link body as text and keeps anchors', () => {
      const storage =
        '<p><ac:link ac:anchor="sec"><ri:page ri:content-title="P"/><ac:plain-text-link-body><![CDATA[see [P]]]></ac:plain-text-link-body></ac:link> ' +
        '<ac:link ac:anchor="top"><ac:link-body><em>top</em></ac:link-body></ac:link></p>';
      expect(md(storage)).toBe('[see \\[P\\]](page:P#sec) [*top*](#top)');
    });

    it('links attachments and URLs', () => {
      const storage =
        '<p><ac:link><ri:attachment ri:filename="my file.pdf"/></ac:link> <ac:link><ri:url ri:value="https://x.test/a"/><ac:plain-text-link-body><![CDATA[X]]></ac:plain-text-link-body></ac:link> <a href="https://y.test">Y</a></p>';
      expect(md(storage)).toBe('[my file.pdf](<my file.pdf>) [X](https://x.test/a) [Y](https://y.test)');
    });

    it('writes user links as mentions', () => {
      const storage =
        '<p><ac:link><ri:user ri:account-id="557058:abc"/></ac:link>, <ac:link><ri:user ri:userkey="k1"/><ac:plain-text-link-body><![CDATA[Jane Doe]]></ac:plain-text-link-body></ac:link>, <ac:link><ri:user ri:username="bob"/></ac:link></p>';
      expect(md(storage)).toBe('@user(557058:abc), @Jane Doe, @user(bob)');
    });

    it('writes images with alt, title and caption', () => {
      const storage =
        '<ac:image ac:alt="Diagram" ac:title="Arch"><ri:attachment ri:filename="arch.png"/><ac:caption>The <strong>system</strong></ac:caption></ac:image>' +
        '<p>inline <ac:image><ri:url ri:value="https://x.test/i.png"/></ac:image></p>';
      expect(md(storage)).toBe('![Diagram](arch.png "Arch")\\\n*The **system***\n\ninline ![](https://x.test/i.png)');
    });

    it('keeps an image inline when text follows it, and gives a lone image its own paragraph', () => {
      expect(md('<ul><li><ac:image><ri:attachment ri:filename="a.png" /></ac:image> text</li></ul>')).toBe('- ![](a.png) text');
      expect(md('<ac:image><ri:attachment ri:filename="a.png" /></ac:image><p>next</p>')).toBe('![](a.png)\n\nnext');
    });

    it('writes emoticons as emoji, preferring the emoji fallback', () => {
      expect(md('<p><ac:emoticon ac:name="tick"/> <ac:emoticon ac:name="blue-star" ac:emoji-fallback="🔷"/> <ac:emoticon ac:name="custom"/></p>')).toBe('✅ 🔷 :custom:');
    });

    it('writes dates, inline comment markers and editor placeholders', () => {
      const storage =
        '<p>Due <time datetime="2024-01-31"/> <ac:inline-comment-marker ac:ref="r1">marked</ac:inline-comment-marker> <ac:placeholder>Type here</ac:placeholder></p>';
      expect(md(storage)).toBe('Due 2024-01-31 marked {{confluence:placeholder text="Type here"}}');
    });
  });

  describe('layouts and ADF', () => {
    it('keeps every layout cell in order, between invisible markers that carry the columns', () => {
      const storage =
        '<ac:layout><ac:layout-section ac:type="two_equal"><ac:layout-cell><p>left</p></ac:layout-cell><ac:layout-cell><p>right</p></ac:layout-cell></ac:layout-section><ac:layout-section ac:type="single"><ac:layout-cell><p>below</p></ac:layout-cell></ac:layout-section></ac:layout>';
      expect(md(storage)).toBe(
        [
          '<!-- confluence:layout-section type="two_equal" -->',
          '<!-- confluence:layout-cell -->',
          'left',
          '<!-- confluence:layout-cell -->',
          'right',
          '<!-- confluence:layout-section type="single" -->',
          '<!-- confluence:layout-cell -->',
          'below',
          '<!-- /confluence:layout -->',
        ].join('\n\n'),
      );
    });

    it('writes a section without a type and flattens a layout inside a table cell', () => {
      expect(md('<ac:layout><ac:layout-section><ac:layout-cell><p>x</p></ac:layout-cell></ac:layout-section></ac:layout>')).toBe(
        '<!-- confluence:layout-section -->\n\n<!-- confluence:layout-cell -->\n\nx\n\n<!-- /confluence:layout -->',
      );
      expect(md('<table><tr><td><ac:layout><ac:layout-section><ac:layout-cell><p>x</p></ac:layout-cell></ac:layout-section></ac:layout></td></tr></table>')).toBe(
        '| x |\n| --- |',
      );
    });

    it('uses the ADF fallback for unknown nodes and an alert for panels', () => {
      const decision =
        '<ac:adf-extension><ac:adf-node type="decision-list"><ac:adf-attribute key="local-id">x</ac:adf-attribute></ac:adf-node><ac:adf-fallback><ul><li>Decided</li></ul></ac:adf-fallback></ac:adf-extension>';
      const panel =
        '<ac:adf-extension><ac:adf-node type="panel"><ac:adf-attribute key="panel-type">success</ac:adf-attribute><ac:adf-content><p>ok</p></ac:adf-content></ac:adf-node></ac:adf-extension>';
      expect(md(decision + panel)).toBe('- Decided\n\n> [!TIP]\n> ok');
    });
  });
});

const CORPUS = path.resolve(__dirname, '../../../../shared/storage-corpus');
const corpusFiles = readdirSync(CORPUS).filter((file) => file.endsWith('.xml'));

/** Macros rendered natively, with a check that the rendering is there. */
const RENDERED: Record<string, (markdown: string) => boolean> = {
  code: (markdown) => markdown.includes('```'),
  noformat: (markdown) => markdown.includes('```'),
  info: (markdown) => markdown.includes('> [!NOTE]'),
  tip: (markdown) => markdown.includes('> [!TIP]'),
  note: (markdown) => markdown.includes('> [!IMPORTANT]'),
  warning: (markdown) => markdown.includes('> [!WARNING]'),
  panel: (markdown) => markdown.includes('> '),
  expand: (markdown) => markdown.includes('<details>'),
  status: (markdown) => /`\[[^\]]*\]`/.test(markdown),
};

function elements(root: Element, name: string): Element[] {
  const found: Element[] = [];
  const walk = (element: Element): void => {
    for (const child of element.children) {
      if (isTag(child)) {
        if (child.name === name) {
          found.push(child);
        }
        walk(child);
      }
    }
  };
  walk(root);
  return found;
}

/** The words of a text, for content checks that ignore whitespace and markdown escaping. */
function words(text: string): string[] {
  return text
    .replace(/\\(.)/g, '$1')
    .split(/[\s\u00a0]+/)
    .filter(Boolean);
}

function unescaped(markdown: string): string {
  return markdown.replace(/\\(.)/g, '$1');
}

describe('storageToMarkdown over the storage corpus', () => {
  it('finds the corpus', () => {
    expect(corpusFiles.length).toBeGreaterThanOrEqual(50);
  });

  describe.each(corpusFiles)('%s', (file) => {
    const storage = readFileSync(path.join(CORPUS, file), 'utf8');
    const root = parseStorage(storage);
    const markdown = storageToMarkdown(storage);
    const plain = unescaped(markdown);
    const placeholders = parseMacroPlaceholders(markdown);

    it('converts to non-empty markdown without runs of blank lines outside code', () => {
      expect(markdown.trim()).not.toBe('');
      expect(markdown).toBe(markdown.trimEnd());
      const outsideCode = markdown.replace(/(`{3,})[^\n]*\n[\s\S]*?\n\1/g, 'CODE');
      expect(outsideCode).not.toMatch(/\n\s*\n\s*\n/);
    });

    it('renders or placeholders every macro with its parameters', () => {
      const macros = elements(root, 'ac:structured-macro');
      for (const macro of macros) {
        const name = macro.attribs['ac:name'];
        const rendered = RENDERED[name];
        if (rendered) {
          expect(rendered(markdown)).toBe(true);
        } else {
          const params = elements(macro, 'ac:parameter').filter((param) => param.parent === macro);
          const matching = placeholders.filter((placeholder) => placeholder.name === name);
          expect(matching.length).toBeGreaterThan(0);
          for (const param of params) {
            const key = param.attribs['ac:name'] ?? '';
            expect(matching.some((placeholder) => key in placeholder.params)).toBe(true);
          }
        }
      }
    });

    it('keeps every heading and table cell text', () => {
      const containers = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'th', 'td'].flatMap((name) => elements(root, name));
      for (const element of containers) {
        for (const word of words(visibleText(element))) {
          expect(plain).toContain(word);
        }
      }
    });

    it('keeps every attachment, page title, URL and user', () => {
      for (const attachment of elements(root, 'ri:attachment')) {
        expect(markdown).toContain(attachment.attribs['ri:filename']);
      }
      for (const page of elements(root, 'ri:page')) {
        const title = page.attribs['ri:content-title'];
        const encoded = encodeURIComponent(title).replace(/%20/g, '+');
        expect(plain.includes(title) || markdown.includes(encoded)).toBe(true);
      }
      for (const url of elements(root, 'ri:url')) {
        expect(markdown).toContain(url.attribs['ri:value']);
      }
      for (const user of elements(root, 'ri:user')) {
        const id = user.attribs['ri:account-id'] ?? user.attribs['ri:userkey'] ?? user.attribs['ri:username'];
        expect(markdown).toContain(`@user(${id})`);
      }
    });
  });
});

const INVISIBLE = new Set(['ac:parameter', 'ac:task-id', 'ac:task-uuid', 'ac:task-status', 'ac:adf-attribute']);

/** Text a reader sees in an element: not macro parameters, task metadata or aria-hidden duplicates. */
function visibleText(element: Element): string {
  return element.children
    .map((child) => {
      if (!isTag(child)) {
        return textContent(child);
      }
      return INVISIBLE.has(child.name) || child.attribs['aria-hidden'] === 'true' ? ' ' : ` ${visibleText(child)} `;
    })
    .join('');
}
