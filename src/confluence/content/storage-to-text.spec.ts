import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { storageToText } from './storage-to-text';

describe('storageToText', () => {
  it('writes headings and paragraphs as lines without markup', () => {
    expect(storageToText('<h1>Title</h1><p>Some <strong>bold</strong> and <em>x_y*</em> &amp; more&nbsp;text</p>')).toBe(
      'Title\n\nSome bold and x_y* & more text',
    );
  });

  it('writes list items with "- " and nested items indented', () => {
    expect(storageToText('<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>')).toBe('- a\n  - b\n- c');
  });

  it('separates table cells with " | " and rows with newlines', () => {
    expect(storageToText('<table><tr><th>H1</th><th>H2</th></tr><tr><td><p>a</p><p>b</p></td><td>c</td></tr></table>')).toBe('H1 | H2\na b | c');
  });

  it('keeps code verbatim', () => {
    const storage = '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[if (a < b) {\n  x();\n}]]></ac:plain-text-body></ac:structured-macro>';
    expect(storageToText(storage)).toBe('if (a < b) {\n  x();\n}');
  });

  it('shows macro bodies, status titles and [name] for macros without a body', () => {
    const storage =
      '<ac:structured-macro ac:name="info"><ac:rich-text-body><p>Heads up</p></ac:rich-text-body></ac:structured-macro>' +
      '<p>State <ac:structured-macro ac:name="status"><ac:parameter ac:name="title">DONE</ac:parameter></ac:structured-macro></p>' +
      '<ac:structured-macro ac:name="toc"><ac:parameter ac:name="maxLevel">2</ac:parameter></ac:structured-macro>';
    expect(storageToText(storage)).toBe('Heads up\n\nState [DONE]\n\n[toc]');
  });

  it('writes links as their text, users as mentions, emoticons as emoji and tasks with checkboxes', () => {
    const storage =
      '<p><ac:link><ri:page ri:content-title="Home"/></ac:link> <ac:link><ri:user ri:account-id="42"/></ac:link> <ac:emoticon ac:name="smile"/> <a href="https://x.test">site</a></p>' +
      '<ac:task-list><ac:task><ac:task-status>complete</ac:task-status><ac:task-body>ship</ac:task-body></ac:task></ac:task-list>';
    expect(storageToText(storage)).toBe('Home @user(42) 🙂 site\n\n- [x] ship');
  });

  it('writes the corpus without markup characters from the storage', () => {
    const corpus = path.resolve(__dirname, '../../../../shared/storage-corpus');
    for (const file of readdirSync(corpus).filter((name) => name.endsWith('.xml'))) {
      const text = storageToText(readFileSync(path.join(corpus, file), 'utf8'));
      expect(text.trim()).not.toBe('');
      expect(text).not.toMatch(/<\/?(?:ac|ri):/);
      expect(text).not.toContain('{{confluence:');
    }
  });
});
