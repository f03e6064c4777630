import { isTag, type Element } from 'domhandler';
import type { LinkOptions } from './confluence-links';
import { linkedResource, resourceTarget } from './confluence-links';
import { EditedAtoms } from './edited-atoms';
import type { AtomTable } from './inline-atoms';
import { macroStorage, type MacroBody } from './macro-storage';
import { PlaceholderMismatchError } from './merge-errors';
import { readMacro } from './storage-macro';
import type { MacroPlaceholder } from './macro-placeholder';
import type { ParseEnv } from './markdown-parser';
import { restoreMacro } from './original-macro';
import { attr, textContent } from './storage-parser';
import type { StorageSource } from './storage-source';
import { StyledSpans } from './styled-spans';
import type { OriginalLink, WriteContext } from './write-context';

/**
 * The writer's context during a merge: placeholders become the page's own macros again, atoms get
 * their original storage (edited status lozenges and dates too), styled spans go back around their
 * text, links keep their original resources, new tasks get unused ids.
 */
export class MergeContext implements WriteContext {
  readonly parseEnv: ParseEnv;
  readonly link: LinkOptions;
  private readonly links = new Map<string, OriginalLink>();
  private readonly restored = new Set<number>();
  private readonly edited: EditedAtoms;
  private readonly spans: StyledSpans;
  private taskId: number;

  constructor(
    private readonly source: StorageSource,
    readonly atoms: AtomTable,
  ) {
    this.link = source.link;
    this.parseEnv = { substitute: (text) => atoms.substitute(text) };
    this.taskId = collectLinks(source, this.links);
    this.edited = new EditedAtoms(source, atoms);
    this.spans = new StyledSpans(source, atoms);
  }

  macro(placeholder: MacroPlaceholder, body: MacroBody | undefined): string {
    const element = this.originalMacro(placeholder.ordinal);
    if (!element) {
      return macroStorage(placeholder.name, Object.entries(placeholder.params), body);
    }
    const expected = readMacro(element).name;
    if (expected !== placeholder.name) {
      throw new PlaceholderMismatchError([{ ordinal: placeholder.ordinal, expected, found: placeholder.name }]);
    }
    return restoreMacro(this.source, element, placeholder.params, body, this.startTag(placeholder.ordinal, element));
  }

  /** Old bytes kept as they were: the macros and atoms in them stay there, so a copy elsewhere gets no ids and no block takes them again. */
  keptAsItWas(start: number, end: number): void {
    this.atoms.keep(start, end);
    this.edited.keep(start, end);
    this.spans.keep(start, end);
    for (let ordinal = 1; this.originalMacro(ordinal); ordinal += 1) {
      const [from, to] = this.source.range(this.originalMacro(ordinal) as Element);
      if (from >= start && to <= end) this.restored.add(ordinal);
    }
  }

  /** The page's macro at an ordinal, if the placeholder names one. */
  originalMacro(ordinal: number): Element | undefined {
    return this.source.renderer.placeholderElement(ordinal);
  }

  /** The original start tag the first time a macro is restored; a copy loses its macro id so ids stay unique. */
  startTag(ordinal: number, element: Element): string {
    const first = !this.restored.has(ordinal);
    this.restored.add(ordinal);
    return first || attr(element, 'ac:macro-id') === undefined
      ? this.source.startTag(element)
      : this.source.rebuiltStartTag(element, { 'ac:macro-id': undefined });
  }

  atomStorage(char: string): string | undefined {
    return this.atoms.take(char);
  }

  atomMarkdown(char: string): string | undefined {
    return this.atoms.markdown(char);
  }

  originalLink(target: string): OriginalLink | undefined {
    return this.links.get(target);
  }

  statusLozenge(code: string): string | undefined {
    return this.edited.status(code);
  }

  plainText(text: string, write: (text: string) => string): string {
    return this.spans.place(text, (part) => this.edited.dates(part, write));
  }

  nextTaskId(): string {
    this.taskId += 1;
    return String(this.taskId);
  }
}

/** Records each `ac:link`'s resource under its markdown target; returns the highest numeric task id. */
function collectLinks(source: StorageSource, links: Map<string, OriginalLink>): number {
  let taskId = 0;
  const walk = (element: Element): void => {
    for (const child of element.children.filter(isTag)) {
      if (child.name === 'ac:task-id') {
        taskId = Math.max(taskId, Number.parseInt(textContent(child), 10) || 0);
      }
      const resource = child.name === 'ac:link' ? linkedResource(child) : undefined;
      if (resource && resource.name !== 'ri:user') {
        const anchor = attr(child, 'ac:anchor');
        const target = resourceTarget(resource, anchor, source.link);
        if (!links.has(target)) links.set(target, { resource: source.text(resource), anchor });
      }
      walk(child);
    }
  };
  walk(source.root);
  return taskId;
}
