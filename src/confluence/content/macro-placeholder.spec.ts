import { formatEditorPlaceholder, formatMacroPlaceholder, formatMacroPlaceholderEnd, parseMacroPlaceholders } from './macro-placeholder';
import { storageToMarkdown } from './storage-to-markdown';

describe('macro placeholders', () => {
  it('formats name, parameters in order and ordinal', () => {
    const text = formatMacroPlaceholder(3, 'jira', [
      { name: 'key', value: 'ABC-1' },
      { name: 'server', value: 'System JIRA' },
    ]);
    expect(text).toBe('{{confluence:macro name="jira" key="ABC-1" server="System JIRA" #3}}');
    expect(formatMacroPlaceholderEnd(3)).toBe('{{/confluence:macro #3}}');
  });

  it('round-trips escaped values, the default parameter and newlines', () => {
    const params = [
      { name: '', value: 'anchor' },
      { name: 'q', value: 'say "hi" \\ there\nnext' },
    ];
    const markdown = `text ${formatMacroPlaceholder(1, 'x', params)} more`;
    expect(parseMacroPlaceholders(markdown)).toEqual([
      { ordinal: 1, name: 'x', params: { '': 'anchor', q: 'say "hi" \\ there\nnext' }, hasBody: false },
    ]);
  });

  it('reports which placeholders enclose a body', () => {
    const markdown = [formatMacroPlaceholder(1, 'a', []), 'body', formatMacroPlaceholderEnd(1), formatMacroPlaceholder(2, 'b', [])].join('\n\n');
    expect(parseMacroPlaceholders(markdown).map((p) => [p.name, p.hasBody])).toEqual([
      ['a', true],
      ['b', false],
    ]);
  });

  it('ignores escaped look-alikes and editor placeholders', () => {
    const markdown = `\\{{confluence:macro name="x" #1}} ${formatEditorPlaceholder('Type here', 'mention')}`;
    expect(parseMacroPlaceholders(markdown)).toEqual([]);
    expect(formatEditorPlaceholder('Type "here"')).toBe('{{confluence:placeholder text="Type \\"here\\""}}');
  });

  it('parses placeholders back out of converted markdown, including inside table cells', () => {
    const storage =
      '<table><tr><th>k</th></tr><tr><td><ac:structured-macro ac:name="jira"><ac:parameter ac:name="jqlQuery">a | b</ac:parameter></ac:structured-macro></td></tr></table>' +
      '<ac:structured-macro ac:name="children"><ac:parameter ac:name="sort">creation</ac:parameter></ac:structured-macro>';
    expect(parseMacroPlaceholders(storageToMarkdown(storage))).toEqual([
      { ordinal: 1, name: 'jira', params: { jqlQuery: 'a | b' }, hasBody: false },
      { ordinal: 2, name: 'children', params: { sort: 'creation' }, hasBody: false },
    ]);
  });
});
