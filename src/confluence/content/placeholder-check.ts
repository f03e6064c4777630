import { PlaceholderMismatchError, PlaceholderRemovalError, type RemovedMacro } from './merge-errors';
import type { PlaceholderSyntax } from './macro-placeholder';
import { parseMarkdown, type Token } from './markdown-parser';

/** Which placeholder ordinals the caller removes on purpose: a list, or all of them. */
export type AllowRemoved = number[] | 'all';

/** The macro placeholders of markdown by ordinal (placeholders inside code are text, not placeholders). */
function markdownPlaceholders(markdown: string): Map<number, string> {
  const found = new Map<number, string>();
  const visit = (tokens: Token[]): void => {
    for (const token of tokens) {
      if (token.type === 'confluence_macro') {
        const { placeholder } = token.meta as Extract<PlaceholderSyntax, { kind: 'macro' }>;
        if (!found.has(placeholder.ordinal)) found.set(placeholder.ordinal, placeholder.name);
      }
      visit(token.children ?? []);
    }
  };
  visit(parseMarkdown(markdown));
  return found;
}

/**
 * Checks new markdown against the placeholders the page's markdown had (ordinal → macro name):
 * a placeholder renamed is refused, a placeholder missing is refused unless allowed. Returns the
 * macros removed on purpose.
 */
export function checkPlaceholders(expected: Map<number, string>, markdown: string, allowRemoved: AllowRemoved | undefined): RemovedMacro[] {
  const found = markdownPlaceholders(markdown);
  const mismatched = [...found]
    .filter(([ordinal, name]) => expected.has(ordinal) && expected.get(ordinal) !== name)
    .map(([ordinal, name]) => ({ ordinal, expected: expected.get(ordinal) as string, found: name }));
  if (mismatched.length > 0) {
    throw new PlaceholderMismatchError(mismatched);
  }
  const removed = [...expected].filter(([ordinal]) => !found.has(ordinal)).map(([ordinal, name]) => ({ ordinal, name }));
  const refused = removed.filter(({ ordinal }) => allowRemoved !== 'all' && !(allowRemoved ?? []).includes(ordinal));
  if (refused.length > 0) {
    throw new PlaceholderRemovalError(refused);
  }
  return removed;
}
