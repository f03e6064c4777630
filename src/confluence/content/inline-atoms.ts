import { isTag, type Element } from 'domhandler';
import { standIn, standInIndex } from './atom-stand-ins';
import { InlineBuffer } from './inline-buffer';
import { placeholderAt } from './macro-placeholder';
import { MarkdownRenderer } from './markdown-renderer';
import { isMacro, readMacro } from './storage-macro';
import type { StorageSource } from './storage-source';
import { UseOnce } from './use-once';

/** The atoms whose shown text a caller may edit and that a merge then puts back with the new value. */
export type EditableAtom = 'status' | 'time';

/** One atom of the page: its element and storage, where it is, and whether a merge has put it back already. */
interface Original {
  element: Element;
  storage: string;
  start: number;
  taken: boolean;
}

/** One group of atoms that render to the same markdown, with the originals in document order. */
interface AtomGroup {
  markdown: string;
  originals: UseOnce<Original>;
  /** Whether an original may be repeated once all were used (not comment markers, which wrap text). */
  reusable: boolean;
}

const KEY_LENGTH = 3;
const ATOM_TAGS = new Set(['ac:link', 'ac:image', 'ac:emoticon', 'time']);

/**
 * The inline atoms of a page — images, Confluence links and mentions, links, emoticons, status
 * lozenges, dates, inline comment markers — keyed by the markdown get_page shows for each. When a
 * changed block is written back, every atom whose markdown is still there gets its original storage
 * (with ids, sizes, versions and the rest markdown cannot show) instead of a fresh conversion.
 */
export class AtomTable {
  private readonly groups: AtomGroup[] = [];
  /** Every markdown form to look for with its group, by its first one, two or three characters; longest first. */
  private readonly forms = new Map<string, Array<{ text: string; group: number }>>();
  /** Every original in document order, and the editable ones by kind. */
  private readonly all: UseOnce<Original>;
  private readonly editable: Record<EditableAtom, UseOnce<Original>>;
  private readonly byElement = new Map<Element, Original>();
  /** The byte ranges of the old blocks being rewritten, innermost last: their own atoms are preferred. */
  private readonly scopes: Array<[number, number]> = [];

  constructor(source: StorageSource) {
    const scratch = new MarkdownRenderer(source.link);
    const byMarkdown = new Map<string, Original[]>();
    for (const element of atomElements(source.root)) {
      const run = new InlineBuffer();
      scratch.inline(element, run);
      const markdown = run.content();
      if (markdown === '') continue;
      const original = { element, storage: source.text(element), start: source.range(element)[0], taken: false };
      const group = byMarkdown.get(markdown) ?? [];
      group.push(original);
      byMarkdown.set(markdown, group);
      this.byElement.set(element, original);
    }
    this.groups = [...byMarkdown].map(([markdown, originals]) => ({
      markdown,
      originals: new UseOnce(originals),
      reusable: originals[0].element.name !== 'ac:inline-comment-marker',
    }));
    const originals = [...this.byElement.values()];
    this.all = new UseOnce(originals);
    this.editable = {
      status: new UseOnce(originals.filter((original) => isStatusMacro(original.element))),
      time: new UseOnce(originals.filter((original) => original.element.name === 'time')),
    };
    this.groups.forEach((group, index) => {
      for (const text of markdownForms(group.markdown)) {
        const key = text.slice(0, KEY_LENGTH);
        this.forms.set(key, [...(this.forms.get(key) ?? []), { text, group: index }]);
      }
    });
    this.forms.forEach((forms) => forms.sort((a, b) => b.text.length - a.text.length));
  }

  /**
   * Replaces every atom's markdown in a paragraph's inline source with its stand-in, scanning left to
   * right for the longest form at each position where markdown reads it as that atom: not after a
   * backslash (escaped), a link not after `!` (an image), a form with backticks not after an odd number
   * of backticks (which would pair with its own). Placeholders are left alone.
   */
  substitute(source: string): string {
    let out = '';
    let backticks = 0;
    for (let i = 0; i < source.length; ) {
      const placeholder = source[i] === '{' ? placeholderAt(source, i) : undefined;
      const form = placeholder ? undefined : this.formAt(source, i);
      const before = source[i - 1];
      const fits = form && before !== '\\' && !(before === '!' && form.text.startsWith('[')) && !(form.text.includes('`') && backticks % 2 === 1);
      if (placeholder) {
        out += source.slice(i, i + placeholder.length);
        i += placeholder.length;
      } else if (form && fits) {
        out += standIn(form.group);
        i += form.text.length;
      } else {
        backticks += source[i] === '`' && before !== '\\' ? 1 : 0;
        out += source[i];
        i += 1;
      }
    }
    return out;
  }

  /**
   * The original storage for a stand-in: the first unused one inside the block being rewritten, else
   * the first unused one, else (for a reusable atom) the last one; undefined for a comment marker whose
   * originals are all used.
   */
  take(char: string): string | undefined {
    const group = this.groups[standInIndex(char)];
    if (!group) return undefined;
    const scope = this.block;
    const chosen = (scope && group.originals.first(scope[0], scope[1])) || group.originals.first();
    if (chosen) {
      chosen.taken = true;
      return chosen.storage;
    }
    return group.reusable ? group.originals.items[group.originals.items.length - 1].storage : undefined;
  }

  /**
   * The first status lozenge or date of the block being rewritten that was not put back: one whose
   * shown text the caller edited, and that the edited text may take the place of.
   */
  unused(kind: EditableAtom): Element | undefined {
    const block = this.block;
    return block ? this.editable[kind].first(block[0], block[1])?.element : undefined;
  }

  /** Marks an atom found by {@link unused} as put back. */
  claim(element: Element): void {
    const original = this.byElement.get(element);
    if (original) original.taken = true;
  }

  /** Marks the atoms within `[start, end)`, bytes kept as they were, as put back, so no rewritten block takes them again. */
  keep(start: number, end: number): void {
    this.all.takeAll(start, end);
  }

  /** The byte range of the innermost old block being rewritten, if any. */
  get block(): [number, number] | undefined {
    return this.scopes[this.scopes.length - 1];
  }

  /** Runs `write` preferring the atoms that lie within `[start, end)` (the old block a new one replaces). */
  within<T>(start: number, end: number, write: () => T): T {
    this.scopes.push([start, end]);
    try {
      return write();
    } finally {
      this.scopes.pop();
    }
  }

  /** The markdown a stand-in replaced. */
  markdown(char: string): string | undefined {
    return this.groups[standInIndex(char)]?.markdown;
  }

  private formAt(text: string, position: number): { text: string; group: number } | undefined {
    let best: { text: string; group: number } | undefined;
    for (let length = KEY_LENGTH; length >= 1; length -= 1) {
      const found = this.forms.get(text.slice(position, position + length))?.find((form) => text.startsWith(form.text, position));
      if (found && (!best || found.text.length > best.text.length)) best = found;
    }
    return best;
  }
}

/** An atom's markdown as it may appear in a paragraph's source: a line break inside it (image caption) is `\` + newline, or `<br>` in a cell. */
function markdownForms(markdown: string): string[] {
  if (!markdown.includes('\n')) return [markdown];
  return [markdown.replace(/\n/g, '\\\n'), markdown.replace(/\n/g, '<br>')];
}

/** Atom elements in document order, outer before inner; macro parameters are not content and are skipped. */
function atomElements(root: Element): Element[] {
  const found: Element[] = [];
  const walk = (element: Element): void => {
    for (const child of element.children) {
      if (!isTag(child) || child.name === 'ac:parameter' || child.name === 'ac:default-parameter') continue;
      if (isAtom(child)) found.push(child);
      walk(child);
    }
  };
  walk(root);
  return found;
}

/** Whether an element is one of the atoms the table keeps (its markdown is swapped whole for a stand-in). */
export function isAtom(element: Element): boolean {
  if (ATOM_TAGS.has(element.name) || element.name === 'ac:inline-comment-marker') return true;
  if (element.name === 'a') return element.attribs.href !== undefined;
  return isStatusMacro(element);
}

function isStatusMacro(element: Element): boolean {
  return isMacro(element) && readMacro(element).name === 'status';
}
