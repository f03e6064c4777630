import type { LinkOptions } from './confluence-links';
import type { MacroPlaceholder } from './macro-placeholder';
import { macroStorage, type MacroBody } from './macro-storage';
import type { ParseEnv } from './markdown-parser';
import { freshStatus } from './status-lozenge';

/** What an original `ac:link` keeps that its markdown cannot show: the `ri:` resource (ids, versions) and anchor. */
export interface OriginalLink {
  resource: string;
  anchor?: string;
}

/**
 * Everything the markdown writer may take from the page being edited. A fresh conversion has
 * nothing to restore; a merge (storage-merge.ts) restores the page's macros, atoms and link resources.
 */
export interface WriteContext {
  readonly link: LinkOptions;
  /** Parse input: the merge's inline atom substitution. */
  readonly parseEnv: ParseEnv;
  /** Storage for a macro placeholder, with the body written in markdown (if it has one). */
  macro(placeholder: MacroPlaceholder, body: MacroBody | undefined): string;
  /** The original storage of an inline atom stand-in. */
  atomStorage(standIn: string): string | undefined;
  /** The markdown an atom stand-in replaced, for places that hold only text (code, link targets, alt text). */
  atomMarkdown(standIn: string): string | undefined;
  /** What the page's own link to this markdown target carried, if it has one. */
  originalLink(target: string): OriginalLink | undefined;
  /** Storage for a code span that reads as a status lozenge (status-lozenge.ts), or undefined to write it as code. */
  statusLozenge(code: string): string | undefined;
  /** Storage for a run of plain text, `write` writing text as it is; a merge puts the page's edited dates and styled spans back in it. */
  plainText(text: string, write: (text: string) => string): string;
  /** A task id not used elsewhere on the page. */
  nextTaskId(): string;
}

/** The context of a conversion with no page to preserve: every placeholder becomes a new macro. */
export class FreshContext implements WriteContext {
  readonly parseEnv: ParseEnv = {};
  private taskIds = 0;

  constructor(readonly link: LinkOptions = {}) {}

  macro(placeholder: MacroPlaceholder, body: MacroBody | undefined): string {
    return macroStorage(placeholder.name, Object.entries(placeholder.params), body);
  }

  atomStorage(): string | undefined {
    return undefined;
  }

  atomMarkdown(): string | undefined {
    return undefined;
  }

  originalLink(): OriginalLink | undefined {
    return undefined;
  }

  statusLozenge(code: string): string | undefined {
    return freshStatus(code);
  }

  plainText(text: string, write: (text: string) => string): string {
    return write(text);
  }

  nextTaskId(): string {
    this.taskIds += 1;
    return String(this.taskIds);
  }
}
