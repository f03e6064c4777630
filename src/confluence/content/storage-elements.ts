import { isTag, type ChildNode, type Element } from 'domhandler';
import { isMacro, readMacro } from './storage-macro';

const BLOCK_TAGS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'blockquote',
  'pre', 'hr', 'section', 'article', 'header', 'footer', 'nav', 'aside', 'main', 'figure', 'figcaption',
  'details', 'summary', 'html', 'body', 'center', 'address', 'fieldset', 'form',
  'ac:layout', 'ac:layout-section', 'ac:layout-cell', 'ac:task-list', 'ac:adf-extension', 'ac:adf-node',
  'ac:adf-content', 'ac:adf-fallback', 'ac:rich-text-body',
]);

/** Macros that always occupy their own block, even without a body. */
const BLOCK_MACROS = new Set(['code', 'noformat', 'info', 'tip', 'note', 'warning', 'panel', 'expand']);

/** Storage metadata that is never content. */
const METADATA_TAGS = new Set([
  'ac:parameter', 'ac:default-parameter', 'ac:adf-attribute', 'ac:task-id', 'ac:task-uuid', 'ac:task-status',
  'colgroup', 'col', 'script', 'style', 'head', 'title',
]);

/** Whether an element starts its own block rather than flowing inside a paragraph. */
export function isBlockElement(element: Element): boolean {
  if (isMacro(element)) {
    const macro = readMacro(element);
    return BLOCK_MACROS.has(macro.name) || macro.richBody !== undefined || macro.plainBody !== undefined;
  }
  return BLOCK_TAGS.has(element.name);
}

/** Whether any direct child is a block element, so the parent must be laid out as blocks. */
export function hasBlockChild(element: Element): boolean {
  return element.children.some((child) => isTag(child) && isBlockElement(child));
}

/** Whether an element only carries metadata and renders to nothing. */
export function isMetadata(node: ChildNode): boolean {
  return isTag(node) && METADATA_TAGS.has(node.name);
}

/** Heading level 1–6 of an `h1`…`h6` element, else 0. */
export function headingLevel(element: Element): number {
  const match = /^h([1-6])$/.exec(element.name);
  return match ? Number(match[1]) : 0;
}
