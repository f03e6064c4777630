import { InlineAtomLossError, PlaceholderRemovalError, mergeMarkdownIntoStorage } from './storage-merge';
import { storageToMarkdown } from './storage-to-markdown';

const merge = (storage: string, markdown: string): string => mergeMarkdownIntoStorage(storage, markdown).storage;

/** The page's markdown with one edit applied (fails loudly when the text to replace is not there). */
const edited = (storage: string, from: string, to: string): string => {
  const markdown = storageToMarkdown(storage);
  expect(markdown).toContain(from);
  return markdown.replace(from, to);
};

const status = (title: string, colour: string, id = 's1'): string =>
  `<ac:structured-macro ac:name="status" ac:schema-version="1" ac:macro-id="${id}"><ac:parameter ac:name="colour">${colour}</ac:parameter>` +
  `<ac:parameter ac:name="title">${title}</ac:parameter></ac:structured-macro>`;

describe('edited status lozenges', () => {
  const page = `<p class="p">State ${status('ON TRACK', 'Green')} since Monday</p>`;

  it('keep their macro, id and other parameters when the title changes', () => {
    expect(merge(page, edited(page, '[ON TRACK (Green)]', '[DONE (Green)]'))).toBe(page.replace('>ON TRACK<', '>DONE<'));
  });

  it('take a new colour, subtlety or no colour at all', () => {
    expect(merge(page, edited(page, '[ON TRACK (Green)]', '[LATE (Red, subtle)]'))).toBe(
      page.replace('Green', 'Red').replace('>ON TRACK</ac:parameter>', '>LATE</ac:parameter><ac:parameter ac:name="subtle">true</ac:parameter>'),
    );
    expect(merge(page, edited(page, '[ON TRACK (Green)]', '[PAUSED]'))).toBe(page.replace('<ac:parameter ac:name="colour">Green</ac:parameter>', '').replace('>ON TRACK<', '>PAUSED<'));
  });

  it('read a parenthesised ending that is no status colour as part of the title', () => {
    const result = merge(page, edited(page, '[ON TRACK (Green)]', '[Phase 2 (beta)]'));
    expect(result).toContain('<ac:parameter ac:name="title">Phase 2 (beta)</ac:parameter>');
    expect(result).not.toContain('Green');
  });

  it('go to the lozenge that was edited when another in the paragraph kept its text', () => {
    const two = `<p>${status('A', 'Blue', 'a')} then ${status('B', 'Grey', 'b')}</p>`;
    expect(merge(two, edited(two, '[B (Grey)]', '[C (Grey)]'))).toBe(two.replace('>B<', '>C<'));
    expect(merge(two, edited(two, '[A (Blue)]', '[Z (Blue)]').replace('then', 'and then'))).toBe(two.replace('>A<', '>Z<').replace('then', 'and then'));
    expect(merge(two, '`[C (Grey)]` then `[A (Blue)]`')).toBe(`<p>${status('C', 'Grey', 'b')} then ${status('A', 'Blue', 'a')}</p>`);
  });

  it('are not taken from list items or table rows kept as they were by a new one', () => {
    const list = `<ul><li>a ${status('A', 'Blue')}</li></ul>`;
    expect(merge(list, `${storageToMarkdown(list)}\n- \`[B]\``)).toBe(list.replace('</ul>', '<li><code>[B]</code></li></ul>'));
    const table = `<table><tbody><tr><th>H</th></tr><tr><td>${status('A', 'Blue')}</td></tr></tbody></table>`;
    expect(merge(table, `${storageToMarkdown(table)}\n| \`[B]\` |`)).toBe(table.replace('</tbody>', '<tr><td><code>[B]</code></td></tr></tbody>'));
  });

  it('are refused when the edited text no longer reads as a status, naming the lozenge', () => {
    const markdown = edited(page, '[ON TRACK (Green)]', '[DONE (Green)');
    expect(() => merge(page, markdown)).toThrow(InlineAtomLossError);
    expect(() => merge(page, markdown)).toThrow(PlaceholderRemovalError);
    expect(() => merge(page, markdown)).toThrow('"[DONE (Green)" stands where the page has the status lozenge `[ON TRACK (Green)]`');
  });

  it('are removed when their text is deleted, and stay code when none of the block is unused', () => {
    expect(merge(page, edited(page, '`[ON TRACK (Green)]` ', ''))).toBe('<p class="p">State since Monday</p>');
    expect(merge(page, edited(page, 'since', '`[x]` since'))).toBe(page.replace('since', '<code>[x]</code> since'));
  });
});

describe('edited dates', () => {
  const page = '<p>Due <time datetime="2024-01-31" /> (was 2024-01-15)</p>';

  it('become a <time> again when the new text is an ISO date', () => {
    expect(merge(page, edited(page, '2024-01-31', '2024-02-29'))).toBe(page.replace('2024-01-31', '2024-02-29'));
  });

  it('keep the other attributes of the <time>, and leave plain-text dates plain', () => {
    const storage = '<p>From 2024-01-01 to <time datetime="2024-01-31" class="d" /></p>';
    expect(merge(storage, edited(storage, '2024-01-31', '2024-01-01'))).toBe('<p>From 2024-01-01 to <time datetime="2024-01-01" class="d" /></p>');
  });

  it('are refused when the new text only looks like a date', () => {
    for (const date of ['2024-02-30', '2024-2-3']) {
      expect(() => merge(page, edited(page, '2024-01-31', date))).toThrow(InlineAtomLossError);
      expect(() => merge(page, edited(page, '2024-01-31', date))).toThrow(`"${date}" stands where the page has the date 2024-01-31`);
    }
  });

  it('are removed when their text is deleted', () => {
    expect(merge(page, edited(page, ' 2024-01-31', ''))).toBe('<p>Due (was 2024-01-15)</p>');
  });
});

describe('styled spans', () => {
  it('stay around their text when another part of the paragraph is edited', () => {
    const page = '<p>Bored? A <span style="color: rgb(255,0,0);">red</span> word and <strong><font color="blue">blue</font></strong> one</p>';
    expect(merge(page, edited(page, 'one', 'two'))).toBe(page.replace('one', 'two'));
  });

  it('follow their text as a whole word, in the same order, in headings and cells too', () => {
    const page = '<h2>A <span style="color: red;">red</span> title</h2><table><tbody><tr><td>x <mark>hi</mark> y <mark>hi</mark></td></tr></tbody></table>';
    const markdown = edited(page, 'A red title', 'Another red title').replace('x hi y hi', 'hi x hi');
    expect(merge(page, markdown)).toBe('<h2>Another <span style="color: red;">red</span> title</h2><table><tbody><tr><td><mark>hi</mark> x <mark>hi</mark></td></tr></tbody></table>');
  });

  it('are written as their text when that text was edited', () => {
    const page = '<p>A <span style="color: red;">red</span> word</p>';
    expect(merge(page, edited(page, 'red', 'green'))).toBe('<p>A green word</p>');
  });
});
