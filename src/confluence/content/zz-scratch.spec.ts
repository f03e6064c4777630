import { mergeMarkdownIntoStorage } from './storage-merge';
import { storageToMarkdown } from './storage-to-markdown';
import { markdownToStorage } from './markdown-to-storage';
import { replaceSection } from './replace-section';
const show = (s: string, from: string, to: string) => {
  const md = storageToMarkdown(s);
  const out = mergeMarkdownIntoStorage(s, md.replace(from, to)).storage;
  console.log(JSON.stringify({ md, out }, null, 1));
};
it('x', () => {
  show('<p>State <ac:structured-macro ac:name="status" ac:macro-id="s1"><ac:parameter ac:name="colour">Green</ac:parameter><ac:parameter ac:name="title">ON TRACK</ac:parameter></ac:structured-macro> now</p>', 'ON TRACK', 'DONE');
  show('<p>Due <time datetime="2024-01-31" /> ok</p>', '2024-01-31', '2024-02-29');
  show('<p>Due <time datetime="2024-01-31">31 Jan</time> ok</p>', 'ok', 'fine');
  show('<p>A <span style="color: rgb(255,0,0);">red</span> word and more</p>', 'more', 'less');
  show('<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[a\r\nb]]></ac:plain-text-body></ac:structured-macro><p>x</p>', 'x', 'y');
  show('<h2>A</h2>\n<p>one</p>\n<p>two</p>\n<h2>B</h2>', '', '');
  console.log(JSON.stringify(replaceSection('<h2>A</h2>\n<p>one</p>\n<p>two</p>\n<h2>B</h2>', 'A', 'new', { format: 'markdown' }).storage));
  console.log(JSON.stringify(replaceSection('<h2>A</h2>\n<p>one</p>\n<p>two</p>\n<h2>B</h2>', 'A', '', { format: 'markdown' }).storage));
  console.log(JSON.stringify(mergeMarkdownIntoStorage('<h2>A</h2>\n<p>one</p>\n<p>two</p>\n<h2>B</h2>', '## A\n\n## B').storage));
  console.log(markdownToStorage('`[DONE (Green)]` and `[x]`'));
});
