import { isTag, type Element } from 'domhandler';
import type { BlockMerger } from './block-merge';
import type { LayoutSectionNodes, MarkdownUnit } from './markdown-units';
import { nodesText } from './markdown-unwrap';
import { attr, childElements } from './storage-parser';
import type { Level, OldUnit, StorageSource } from './storage-source';

/**
 * A changed layout merged section by section and cell by cell (by position, as the markers give
 * them): the layout, section and cell elements keep their attributes, each cell's blocks are merged;
 * sections and cells added at the end are new, those missing at the end are dropped.
 */
export function mergeLayout(merger: BlockMerger, old: OldUnit, unit: MarkdownUnit, lines: string[]): string | undefined {
  const layout = old.element as Element;
  const sections = childElements(layout);
  const wellFormed = sections.every((section) => section.name === 'ac:layout-section' && childElements(section).every((cell) => cell.name === 'ac:layout-cell'));
  if (!wellFormed || !merger.source.inner(layout)) {
    return undefined;
  }
  const levels = layoutCellLevels(merger.source, layout, old.ordinalBase);
  const newSections = unit.sections ?? [];
  let index = 0;
  const content = layout.children
    .map((child) => {
      if (!isTag(child)) return merger.source.text(child);
      const section = newSections[index];
      const merged = section ? mergeSection(merger, child, levels[index], section, lines) : '';
      index += 1;
      return merged;
    })
    .join('');
  const added = newSections.slice(sections.length).map((section) => merger.writer.layoutSection(section));
  return merger.source.withInner(layout, content + added.join(''));
}

/** The blocks of each cell of each section of a layout, numbered as the whole page numbers them. */
export function layoutCellLevels(source: StorageSource, layout: Element, ordinalBase: number): Level[][] {
  source.renderer.restartOrdinals(ordinalBase);
  return childElements(layout).map((section) => childElements(section).map((cell) => source.level(cell, source.renderer.currentOrdinal)));
}

function mergeSection(merger: BlockMerger, section: Element, levels: Level[], next: LayoutSectionNodes, lines: string[]): string {
  const { source } = merger;
  const startTag = attr(section, 'ac:type') === next.type ? source.startTag(section) : source.rebuiltStartTag(section, { 'ac:type': next.type });
  const cells = next.cells.length > 0 ? next.cells : [[]];
  let index = 0;
  const content = section.children
    .map((child) => {
      if (!isTag(child)) return source.text(child);
      const cell = cells[index];
      const merged = cell ? merger.into(child, levels[index], nodesText(cell, lines)) : '';
      index += 1;
      return merged;
    })
    .join('');
  const added = cells.slice(levels.length).map((cell) => merger.writer.layoutCell(cell));
  return source.withInner(section, content + added.join(''), startTag);
}
