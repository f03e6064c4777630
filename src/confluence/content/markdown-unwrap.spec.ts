import { unindentItem, unquote } from './markdown-unwrap';

describe('markdown inside constructs', () => {
  it('unquotes a blockquote, dropping an alert marker line', () => {
    expect(unquote('> [!NOTE]\n> **T**\n>\n> body\n>  indented', true)).toBe('**T**\n\nbody\n indented');
    expect(unquote('> [!NOTE] is text here\n> x', false)).toBe('[!NOTE] is text here\nx');
  });

  it('unindents a list item by its marker width and reads a task checkbox', () => {
    expect(unindentItem('10. one\n    two\n\n    - sub', false)).toEqual({ body: 'one\ntwo\n\n- sub', checked: false });
    expect(unindentItem('- [x] done\n  - [ ] sub', true)).toEqual({ body: 'done\n- [ ] sub', checked: true });
    expect(unindentItem('- [ ]', true)).toEqual({ body: '', checked: false });
  });
});
