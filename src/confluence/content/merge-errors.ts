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

/** An inline element of the page that a write would lose: a status lozenge or a date whose edited text cannot be read back. */
export interface LostInline {
  kind: 'status' | 'date';
  /** The text get_page showed for it (`[ON TRACK (Green)]`, `2024-01-31`). */
  shown: string;
  /** The text that took its place in the new markdown. */
  found: string;
}

/**
 * An edited status lozenge or date no longer reads as one (`` `[DONE (Green)` ``, `2024-02-30`):
 * writing it would turn the page's macro or `<time>` into plain text. A kind of removal, so callers
 * refusing removals refuse this too; the caller either fixes the text or deletes it to remove the element.
 */
export class InlineAtomLossError extends PlaceholderRemovalError {
  constructor(readonly lost: LostInline) {
    super([], lossMessage(lost));
    this.name = 'InlineAtomLossError';
  }
}

/**
 * Storage that cannot be merged safely: the storage-format content given for a section, or the page's
 * current storage, is not well-formed XHTML (an unclosed tag, a bare `<` or `&`).
 */
export class InvalidStorageError extends Error {
  constructor(
    readonly source: 'content' | 'page',
    readonly problem: string,
  ) {
    super(
      source === 'content'
        ? `The section content is not well-formed storage: ${problem}. Close every tag, write < and & in text as &lt; and &amp;, or send the content as markdown.`
        : `The page's current storage is not well-formed (${problem}), so its sections cannot be found safely. Update the whole page body instead (in storage format, to repair it).`,
    );
    this.name = 'InvalidStorageError';
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

function lossMessage({ kind, shown, found }: LostInline): string {
  const [what, shape] =
    kind === 'status'
      ? [`the status lozenge \`${shown}\``, 'a status: write it as `[TITLE]`, `[TITLE (Colour)]` or `[TITLE (Colour, subtle)]`']
      : [`the date ${shown}`, 'a date: write it as YYYY-MM-DD'];
  return `"${found}" stands where the page has ${what}, but it does not read as ${shape}, or delete it to remove the ${kind} on purpose.`;
}
