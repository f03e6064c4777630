import type { Element } from 'domhandler';
import type { MergeContext } from './merge-context';
import { compositeKind, mergeComposite, newKind } from './merge-composites';
import { groupUnits, type MarkdownUnit } from './markdown-units';
import { nodesText } from './markdown-unwrap';
import { mergeSequence, plainAffinity } from './sequence-merge';
import type { Level, OldUnit, StorageSource } from './storage-source';
import { StorageWriter } from './storage-writer';

/**
 * Merges markdown into a stretch of the page block by block: unchanged blocks keep their bytes,
 * changed constructs (macros, alerts, lists, tables, layouts, quotes, code) are merged into the
 * original element recursively, everything else is written by the markdown writer with the page's
 * atoms and macros restored.
 */
export class BlockMerger {
  readonly writer: StorageWriter;

  constructor(
    readonly source: StorageSource,
    readonly context: MergeContext,
  ) {
    this.writer = new StorageWriter(context);
  }

  /** Storage for a level's byte range after merging `markdown` into its blocks. */
  level(level: Level, markdown: string): string {
    const lines = markdown.split('\n');
    const units = groupUnits(this.writer.parse(markdown));
    const keys = units.map((unit) => nodesText(unit.nodes, lines));
    const olds = level.units.map((unit) => ({ ...unit, key: unit.markdown }));
    return mergeSequence(this.source.storage, level, olds, keys, {
      affinity: (old, added) => this.affinity(level.units, old, units[added], keys[added]),
      pair: (old, added) => this.pair(level.units[old], units[added], lines, old === 0),
      create: (added) => this.writer.unit(units[added]),
      partner: (added) => this.partner(level.units, units[added]),
      kept: (old) => this.context.keptAsItWas(level.units[old].start, level.units[old].end),
    });
  }

  /** An element with `markdown` merged into the blocks it holds (a self-closing element gains content). */
  into(container: Element, level: Level, markdown: string, startTag?: string): string {
    const inner = this.source.inner(container) ? this.level(level, markdown) : this.writer.document(markdown);
    return this.source.withInner(container, inner, startTag);
  }

  private pair(old: OldUnit, unit: MarkdownUnit, lines: string[], first: boolean): string {
    return this.context.atoms.within(old.start, old.end, () => this.pairWithin(old, unit, lines, first));
  }

  /**
   * A changed block in an old block's place. Loose text that opens its container (`<li>text<ul>…`)
   * stays loose; elsewhere it becomes a paragraph, so it cannot run into loose text before it.
   */
  private pairWithin(old: OldUnit, unit: MarkdownUnit, lines: string[], first: boolean): string {
    const merged = compositeKind(old) === 'leaf' ? undefined : mergeComposite(this, old, unit, lines);
    if (merged !== undefined) {
      return merged;
    }
    if (old.inlineRun && first && (unit.kind === 'paragraph' || (unit.kind === 'macro' && !unit.placeholder?.hasBody))) {
      return this.writer.inlineContent(unit);
    }
    return sameTextBlock(old, unit) ? this.source.withInner(old.element as Element, this.writer.inline(unit.nodes[0])) : this.writer.unit(unit);
  }

  /**
   * The same macro (by ordinal) fits best, then the same kind of construct; a plain block replaces a
   * plain block, the more alike the better (so an edited paragraph keeps its own images and links).
   */
  private affinity(olds: OldUnit[], old: number, unit: MarkdownUnit, text: string): number {
    const partner = this.partner(olds, unit);
    if (partner !== undefined) return partner === old ? 100 : 0;
    const kind = compositeKind(olds[old]);
    if (kind === 'leaf') return plainAffinity(olds[old].markdown, text);
    return kind !== 'macro' && newKind(unit) === kind ? 10 : 0;
  }

  /** The old macro unit a placeholder unit continues, by ordinal. */
  private partner(olds: OldUnit[], unit: MarkdownUnit): number | undefined {
    if (unit.kind !== 'macro' || !unit.placeholder) return undefined;
    const element = this.context.originalMacro(unit.placeholder.ordinal);
    const index = olds.findIndex((old) => old.element !== undefined && old.element === element && compositeKind(old) === 'macro');
    return index >= 0 ? index : undefined;
  }
}

/** A paragraph still a paragraph, a heading still a heading of its level: the element keeps its attributes. */
function sameTextBlock(old: OldUnit, unit: MarkdownUnit): boolean {
  const tag = old.element?.name;
  if (unit.kind === 'paragraph') return tag === 'p';
  return unit.kind === 'heading' && tag === unit.nodes[0].token.tag;
}

