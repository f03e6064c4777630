/** A macro of the page that a write leaves out. */
export interface RemovedMacro {
  ordinal: number;
  name: string;
}

/**
 * The new markdown lacks `{{confluence:macro … #n}}` placeholders the page's markdown had: writing it
 * would delete those macros, so the write is refused unless the caller names them as intended removals.
 */
export class PlaceholderRemovalError extends Error {
  constructor(
    readonly removed: RemovedMacro[],
    message = removalMessage(removed),
  ) {
    super(message);
    this.name = 'PlaceholderRemovalError';
  }
}

/**
 * A placeholder's name does not match the page's macro at that ordinal (a renamed or renumbered
 * placeholder): writing it would replace that macro. A kind of removal, so callers refusing removals
 * refuse this too.
 */
export class PlaceholderMismatchError extends PlaceholderRemovalError {
  constructor(readonly mismatched: Array<{ ordinal: number; expected: string; found: string }>) {
    super(
      mismatched.map(({ ordinal, expected }) => ({ ordinal, name: expected })),
      mismatched
        .map(({ ordinal, expected, found }) => `Placeholder #${ordinal} is named "${found}", but macro #${ordinal} on the page is "${expected}".`)
        .join(' ') +
        ' Keep the name and number each {{confluence:macro … #n}} placeholder had in get_page; to add a new macro, give it a number the page does not use.',
    );
    this.name = 'PlaceholderMismatchError';
  }
}

/** The heading given for a section is not on the page. */
export class SectionNotFoundError extends Error {
  constructor(
    readonly heading: string,
    readonly headings: string[],
    message = `No heading "${heading}" on the page. Its headings are: ${headings.length > 0 ? headings.map((text) => `"${text}"`).join(', ') : '(none)'}.`,
  ) {
    super(message);
    this.name = 'SectionNotFoundError';
  }
}

/** Several headings match the one given for a section; a kind of not-found, so callers handle it alike. */
export class AmbiguousSectionError extends SectionNotFoundError {
  constructor(heading: string, readonly matches: string[]) {
    super(
      heading,
      matches,
      `${matches.length} headings match "${heading}": ${matches.map((text) => `"${text}"`).join(', ')}. Give a heading that matches only one, or update the whole page.`,
    );
    this.name = 'AmbiguousSectionError';
  }
}

function removalMessage(removed: RemovedMacro[]): string {
  const listed = removed.map(({ ordinal, name }) => `#${ordinal} (${name})`).join(', ');
  return (
    `The new markdown drops ${removed.length === 1 ? 'a macro' : `${removed.length} macros`} of the page: ${listed}. ` +
    'Keep each {{confluence:macro … #n}} line (and its {{/confluence:macro #n}} closing line, if it has one) where the macro should stay, ' +
    `or pass ${removed.length === 1 ? 'its ordinal' : 'their ordinals'} (${removed.map(({ ordinal }) => ordinal).join(', ')}) as macros to remove on purpose.`
  );
}
