import { diffArrays } from 'diff';
import type { Element } from 'domhandler';
import type { BlockMerger } from './block-merge';
import { normalizeNewlines } from './markdown-parser';
import { tableGrid, tableRows } from './markdown-table';
import type { BlockNode } from './markdown-tree';
import type { MarkdownUnit } from './markdown-units';
import { mergeSequence, plainAffinity } from './sequence-merge';
import { hasBlockChild } from './storage-elements';
import type { OldUnit } from './storage-source';

interface OldCell {
  cell: Element;
  text: string;
  ordinalBase: number;
}

/** A run of cell lines that did not match an old block, or an old block kept as it was. */
interface CellItem {
  key: string;
  lines: string[];
}

const CELL_BREAK = /<br\s*\/?>/i;

/**
 * A changed table merged row by row and cell by cell: the table, row and cell elements keep their
 * attributes (widths, colours, spans, colgroup), unchanged cells keep their bytes, changed cells keep
 * every unchanged block inside them.
 */
export function mergeTable(merger: BlockMerger, old: OldUnit, unit: MarkdownUnit, _lines: string[]): string | undefined {
  const table = old.element as Element;
  const inner = merger.source.inner(table);
  if (!inner) return undefined;
  const rows = tableRows(table);
  const grid = oldGrid(merger, rows, old.ordinalBase);
  const width = Math.max(0, ...grid.map((row) => row.length));
  const newRows = unit.nodes[0].children.flatMap((group) => group.children);
  const newCells = newRows.map((row) => row.children.map((cell) => cell.inline?.content ?? ''));
  const olds = rows.map((row, index) => {
    const [start, end] = merger.source.range(row);
    const texts = Array.from({ length: width }, (_, slot) => grid[index][slot]?.text ?? '');
    return { key: texts.join('\u0000'), start, end, before: start, after: end };
  });
  const keys = newCells.map((cells) => cells.join('\u0000'));
  const content = mergeSequence(merger.source.storage, { start: inner[0], end: inner[1], insertAt: inner[1] }, olds, keys, {
    affinity: (index, added) => plainAffinity(olds[index].key, keys[added]),
    pair: (index, added) => mergeRow(merger, rows[index], grid[index], newRows[added], newCells[added]),
    create: (added) => merger.writer.row(newRows[added]),
    kept: (index) => merger.context.keptAsItWas(olds[index].start, olds[index].end),
  });
  return merger.source.withInner(table, content);
}

/** Each row's slots: the cell starting there with its markdown and placeholder numbering, in reading order. */
function oldGrid(merger: BlockMerger, rows: Element[], ordinalBase: number): Array<Array<OldCell | undefined>> {
  const { renderer } = merger.source;
  renderer.restartOrdinals(ordinalBase);
  return tableGrid(rows).map((slots) =>
    slots.map((cell) => {
      if (!cell) return undefined;
      const base = renderer.currentOrdinal;
      return { cell, text: normalizeNewlines(renderer.cell(cell)), ordinalBase: base };
    }),
  );
}

function mergeRow(merger: BlockMerger, row: Element, slots: Array<OldCell | undefined>, newRow: BlockNode, cells: string[]): string {
  if (slots.some((slot, index) => slot === undefined && (cells[index] ?? '').trim() !== '')) {
    return merger.writer.row(newRow);
  }
  slots.forEach((old, slot) => {
    if (old && cells[slot] === old.text) merger.context.keptAsItWas(...merger.source.range(old.cell));
  });
  const content = row.children
    .map((child) => {
      const slot = slots.findIndex((candidate) => candidate?.cell === child);
      if (slot < 0) return merger.source.text(child);
      if (slot >= cells.length) return '';
      const old = slots[slot] as OldCell;
      return cells[slot] === old.text ? merger.source.text(child) : mergeCell(merger, old, cells[slot]);
    })
    .join('');
  const added = newRow.children.slice(slots.length).map((cell) => `<${cell.type}>${merger.writer.cell(cell.inline?.content ?? '')}</${cell.type}>`);
  return merger.source.withInner(row, content + added.join(''));
}

/**
 * A changed cell, line by line (the reader joins a cell's blocks with `<br>`): every old block whose
 * lines are all still there, together, keeps its bytes; the other lines are written as new blocks.
 */
function mergeCell(merger: BlockMerger, old: OldCell, content: string): string {
  const [start, end] = merger.source.range(old.cell);
  return merger.context.atoms.within(start, end, () => mergeCellContent(merger, old, content));
}

function mergeCellContent(merger: BlockMerger, old: OldCell, content: string): string {
  const { source } = merger;
  const level = source.cellLevel(old.cell, old.ordinalBase);
  const items = cellItems(
    level.units.map((unit) => unit.markdown),
    content.split(CELL_BREAK),
  );
  if (!source.inner(old.cell)) {
    return source.withInner(old.cell, items.map((item) => cellRun(merger, old.cell, item.lines, undefined)).join(''));
  }
  const olds = level.units.map((unit) => ({ ...unit, key: unit.markdown }));
  const inner = mergeSequence(source.storage, level, olds, items.map((item) => item.key), {
    affinity: (index, added) => plainAffinity(olds[index].key, items[added].lines.join('\n')),
    pair: (index, added) => cellRun(merger, old.cell, items[added].lines, level.units[index].inlineRun),
    create: (added) => cellRun(merger, old.cell, items[added].lines, undefined),
    kept: (index) => merger.context.keptAsItWas(olds[index].start, olds[index].end),
  });
  return source.withInner(old.cell, inner);
}

/** The new lines of a cell as kept old blocks (keyed by their markdown) and runs of other lines (unique keys). */
function cellItems(blocks: string[], lines: string[]): CellItem[] {
  const owners = blocks.flatMap((block, index) => block.split('\n').map(() => index));
  const firstLine = blocks.map((_, index) => owners.indexOf(index));
  const kept = new Set<number>();
  const changes = diffArrays(
    blocks.flatMap((block) => block.split('\n')),
    lines,
  );
  let oldLine = 0;
  for (const change of changes) {
    const count = change.count ?? change.value.length;
    if (!change.added && !change.removed) {
      blocks.forEach((block, index) => {
        const first = firstLine[index];
        if (first >= oldLine && first + block.split('\n').length <= oldLine + count) kept.add(index);
      });
    }
    oldLine += change.added ? 0 : count;
  }
  const items: CellItem[] = [];
  let run: string[] | undefined;
  let newLine = 0;
  oldLine = 0;
  for (const change of changes) {
    const count = change.count ?? change.value.length;
    for (let i = 0; i < count; i += 1) {
      const owner = change.added ? undefined : owners[oldLine + i];
      if (!change.added && !change.removed && owner !== undefined && kept.has(owner)) {
        if (firstLine[owner] === oldLine + i) items.push({ key: blocks[owner], lines: [] });
        run = undefined;
      } else if (!change.removed) {
        if (!run) {
          run = [];
          items.push({ key: `\u0001${items.length}`, lines: run });
        }
        run.push(lines[newLine + i]);
      }
    }
    oldLine += change.added ? 0 : count;
    newLine += change.removed ? 0 : count;
  }
  return items;
}

/** New cell lines as storage: one paragraph stays inline where the cell (or the block it replaces) was inline. */
function cellRun(merger: BlockMerger, cell: Element, lines: string[], replacesInlineRun: boolean | undefined): string {
  return merger.writer.cell(lines.join('<br>'), !(replacesInlineRun ?? !hasBlockChild(cell)));
}
