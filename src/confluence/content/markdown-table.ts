import { isTag, type Element } from 'domhandler';
import { escapeTableCell } from './markdown-syntax';
import type { MarkdownRenderer } from './markdown-renderer';
import { attr, childElements, findChild } from './storage-parser';

const ROW_GROUPS = new Set(['thead', 'tbody', 'tfoot']);
const CELL_TAGS = new Set(['th', 'td']);

/**
 * `table` → GFM pipe table. The first row is the header. Block content inside cells (paragraphs,
 * lists, nested tables, macros) is kept as `<br>`-separated lines; a cell spanning several columns
 * or rows keeps its content in its first slot and leaves the spanned slots empty.
 */
export function renderTable(table: Element, renderer: MarkdownRenderer): string[] {
  const caption = findChild(table, 'caption');
  const captionBlocks = caption ? renderer.blocks(caption.children) : [];
  const grid = buildGrid(tableRows(table), renderer);
  if (grid.length === 0) {
    return captionBlocks;
  }
  const width = Math.max(...grid.map((row) => row.length));
  const lines = grid.map((row) => formatRow(row, width));
  lines.splice(1, 0, formatRow(Array.from({ length: width }, () => '---'), width));
  return [...captionBlocks, lines.join('\n')];
}

/** The rows of a table, whether directly inside it or inside thead/tbody/tfoot; nested tables excluded. */
export function tableRows(table: Element): Element[] {
  return childElements(table).flatMap((child) => {
    if (child.name === 'tr') {
      return [child];
    }
    return ROW_GROUPS.has(child.name) ? childElements(child).filter((row) => row.name === 'tr') : [];
  });
}

/** The grid of a table: per row, the cell whose first slot each column is (undefined where a span covers it). */
export function tableGrid(rows: Element[]): Array<Array<Element | undefined>> {
  const pendingRows: number[] = [];
  return rows.map((row) => {
    const slots: Array<Element | undefined> = [];
    let column = 0;
    const skipSpanned = (): void => {
      while ((pendingRows[column] ?? 0) > 0) {
        pendingRows[column] -= 1;
        slots[column] = undefined;
        column += 1;
      }
    };
    for (const cell of row.children.filter((child): child is Element => isTag(child) && CELL_TAGS.has(child.name))) {
      skipSpanned();
      const colspan = span(cell, 'colspan');
      const rowspan = span(cell, 'rowspan');
      for (let offset = 0; offset < colspan; offset += 1) {
        slots[column + offset] = offset === 0 ? cell : undefined;
        pendingRows[column + offset] = rowspan - 1;
      }
      column += colspan;
    }
    while (column < pendingRows.length) {
      skipSpanned();
      column += 1;
    }
    return Array.from(slots);
  });
}

function buildGrid(rows: Element[], renderer: MarkdownRenderer): string[][] {
  return tableGrid(rows).map((slots) => slots.map((cell) => (cell ? escapeTableCell(renderer.cell(cell)) : '')));
}

function span(cell: Element, name: string): number {
  const value = Number.parseInt(attr(cell, name) ?? '1', 10);
  return Number.isFinite(value) && value > 1 ? Math.min(value, 1000) : 1;
}

function formatRow(cells: string[], width: number): string {
  const padded = Array.from({ length: width }, (_, index) => cells[index] ?? '');
  return `| ${padded.join(' | ')} |`;
}
