import { createTwoFilesPatch } from 'diff';

/**
 * A unified diff between two markdown renderings of a page (for dry runs and version history);
 * the empty string when they are identical.
 */
export function markdownDiff(before: string, after: string, fromLabel: string, toLabel: string): string {
  const from = withFinalNewline(before);
  const to = withFinalNewline(after);
  return from === to ? '' : createTwoFilesPatch(fromLabel, toLabel, from, to, undefined, undefined, { context: 3 });
}

/** Both sides end in a newline, so a missing one at the end is not reported as a change. */
function withFinalNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
