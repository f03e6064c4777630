import { markdownDiff } from './markdown-diff';

describe('markdownDiff', () => {
  it('is empty when nothing changed', () => {
    expect(markdownDiff('# A\n\ntext', '# A\n\ntext', 'v1', 'v2')).toBe('');
  });

  it('is a unified diff with both labels and the changed lines', () => {
    expect(markdownDiff('# A\n\nold\n\nsame', '# A\n\nnew\n\nsame', 'page v1', 'page v2')).toBe(
      ['===================================================================', '--- page v1', '+++ page v2', '@@ -1,5 +1,5 @@', ' # A', ' ', '-old', '+new', ' ', ' same', ''].join('\n'),
    );
  });

  it('does not report a missing final newline as a change', () => {
    expect(markdownDiff('a', 'a\n', 'x', 'y')).toBe('');
  });
});
