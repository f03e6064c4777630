import type { Element } from 'domhandler';
import { formatLayoutSection, LAYOUT_CELL_MARKER, LAYOUT_END_MARKER } from './layout-markers';
import type { MarkdownRenderer } from './markdown-renderer';
import { attr, childElements } from './storage-parser';

/**
 * `ac:layout` → its cells' blocks in order, between the invisible markers of layout-markers.ts,
 * so the columns survive an edit of the page's markdown.
 */
export function renderLayout(layout: Element, renderer: MarkdownRenderer): string[] {
  const out: string[] = [];
  for (const child of childElements(layout)) {
    if (child.name !== 'ac:layout-section') {
      out.push(...renderer.blocks([child]));
      continue;
    }
    out.push(formatLayoutSection(attr(child, 'ac:type')));
    for (const cell of childElements(child)) {
      if (cell.name === 'ac:layout-cell') {
        out.push(LAYOUT_CELL_MARKER);
      }
      out.push(...renderer.blocks(cell.name === 'ac:layout-cell' ? cell.children : [cell]));
    }
  }
  return out.length > 0 ? [...out, LAYOUT_END_MARKER] : [];
}
