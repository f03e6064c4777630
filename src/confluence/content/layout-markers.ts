/**
 * Invisible HTML-comment markers that carry a page layout through markdown, so an edit inside
 * one column lands back in that column:
 *
 *   <!-- confluence:layout-section type="two_equal" -->
 *   <!-- confluence:layout-cell -->
 *   …blocks of the first column…
 *   <!-- confluence:layout-cell -->
 *   …blocks of the second column…
 *   <!-- /confluence:layout -->
 *
 * A section marker opens a new section (and the layout, for the first one); a cell marker opens
 * a new cell of the current section; the end marker closes the layout.
 */
export type LayoutMarker = { kind: 'section'; type?: string } | { kind: 'cell' } | { kind: 'end' };

/** Opens the next cell of the current section. */
export const LAYOUT_CELL_MARKER = '<!-- confluence:layout-cell -->';
/** Closes the layout. */
export const LAYOUT_END_MARKER = '<!-- /confluence:layout -->';

const SECTION = /^<!--\s*confluence:layout-section(?:\s+type="([^"<>]*)")?\s*-->$/;
const CELL = /^<!--\s*confluence:layout-cell\s*-->$/;
const END = /^<!--\s*\/confluence:layout\s*-->$/;

/** The marker opening a layout section of the given `ac:type`. */
export function formatLayoutSection(type: string | undefined): string {
  return type ? `<!-- confluence:layout-section type="${type.replace(/["<>]/g, '')}" -->` : '<!-- confluence:layout-section -->';
}

/** Reads a layout marker from an HTML block, if it is one. */
export function parseLayoutMarker(html: string): LayoutMarker | undefined {
  const text = html.trim();
  const section = SECTION.exec(text);
  if (section) {
    return { kind: 'section', type: section[1] || undefined };
  }
  if (CELL.test(text)) {
    return { kind: 'cell' };
  }
  return END.test(text) ? { kind: 'end' } : undefined;
}
