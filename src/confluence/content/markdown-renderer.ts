import { isCDATA, isTag, isText, type ChildNode, type Element } from 'domhandler';
import type { LinkOptions } from './confluence-links';
import { emoticonText } from './emoticons';
import { InlineBuffer } from './inline-buffer';
import { formatEditorPlaceholder } from './macro-placeholder';
import { codeFence, codeSpan, escapeLineStart, escapeMarkdownText, quote } from './markdown-syntax';
import { renderAnchorLink, renderConfluenceLink, renderImage } from './markdown-links';
import { renderList, renderTaskList } from './markdown-lists';
import { renderAdfExtension, renderMacroBlock, renderMacroInline } from './markdown-macros';
import { renderLayout } from './markdown-layout';
import { renderTable } from './markdown-table';
import { separateAdjacentLists, type RenderedBlock } from './rendered-block';
import { hasBlockChild, headingLevel, isBlockElement, isMetadata } from './storage-elements';
import { isMacro } from './storage-macro';
import { attr, findDescendant, textContent } from './storage-parser';

const WRAPPERS: Record<string, [string, string]> = {
  strong: ['**', '**'],
  b: ['**', '**'],
  em: ['*', '*'],
  i: ['*', '*'],
  cite: ['*', '*'],
  del: ['~~', '~~'],
  s: ['~~', '~~'],
  strike: ['~~', '~~'],
  u: ['<u>', '</u>'],
  ins: ['<u>', '</u>'],
  sub: ['<sub>', '</sub>'],
  sup: ['<sup>', '</sup>'],
};

const CODE_TAGS = new Set(['code', 'kbd', 'tt', 'samp']);
/** Block elements with a markdown form of their own; every other non-macro block is a see-through container. */
const SELF_RENDERING_BLOCKS = new Set(['ul', 'ol', 'ac:task-list', 'table', 'blockquote', 'pre', 'hr', 'ac:adf-extension', 'ac:layout']);
const CONTAINER_TAGS = new Set(['div', 'p', 'span', 'section', 'ac:layout-cell', 'dt', 'dd', 'li']);

/** Walks a parsed storage document and writes GitHub-flavoured markdown, block by block. */
export class MarkdownRenderer {
  private placeholderCount = 0;
  private cellDepth = 0;
  private readonly placeholderElements = new Map<number, Element>();

  constructor(readonly options: LinkOptions) {}

  /** Allocates the next 1-based placeholder ordinal to a macro. */
  nextOrdinal(macro: Element): number {
    this.placeholderCount += 1;
    this.placeholderElements.set(this.placeholderCount, macro);
    return this.placeholderCount;
  }

  /** True while rendering inside a table cell, where blocks collapse to `<br>`-separated lines. */
  get inCell(): boolean {
    return this.cellDepth > 0;
  }

  /** The macro element the placeholder with this ordinal stands for, from the latest rendering. */
  placeholderElement(ordinal: number): Element | undefined {
    return this.placeholderElements.get(ordinal);
  }

  /** The last placeholder ordinal allocated. */
  get currentOrdinal(): number {
    return this.placeholderCount;
  }

  /** Restarts placeholder numbering, so part of a document re-renders with the ordinals it had in the whole. */
  restartOrdinals(base: number): void {
    this.placeholderCount = base;
  }

  /** Renders nodes as markdown blocks; loose inline content between blocks becomes paragraphs. */
  blocks(nodes: ChildNode[]): string[] {
    return this.sourcedBlocks(nodes).flatMap((block) => block.parts);
  }

  /**
   * Renders nodes as markdown blocks, each with the storage it came from. Containers that add no
   * markdown of their own (div, section, a paragraph holding blocks) are see-through: their blocks
   * are listed in their place, pointing inside the container.
   */
  sourcedBlocks(nodes: ChildNode[]): RenderedBlock[] {
    const out: RenderedBlock[] = [];
    let run = new InlineBuffer();
    let runNodes: ChildNode[] = [];
    let base = this.placeholderCount;
    const flush = (): void => {
      if (runNodes.length > 0) {
        out.push({ parts: [this.paragraph(run)], nodes: runNodes, ordinalBase: base });
      }
      run = new InlineBuffer();
      runNodes = [];
    };
    nodes.forEach((node, index) => {
      const alone = isStandalone(nodes, index, run);
      if (isTag(node) && isBlockElement(node)) {
        flush();
        out.push(...this.sourcedBlock(node));
        return;
      }
      if (alone || runNodes.length === 0) {
        flush();
        base = this.placeholderCount;
      }
      this.inline(node, run);
      runNodes.push(node);
      if (alone) {
        flush();
      }
    });
    flush();
    const visible = out.map((block) => ({ ...block, parts: block.parts.filter((part) => part.trim() !== '') }));
    return separateAdjacentLists(visible.filter((block) => block.parts.length > 0));
  }

  /** Renders a table cell's content as one line, blocks separated by `<br>`. */
  cell(element: Element): string {
    return this.sourcedCell(element)
      .flatMap((block) => block.parts)
      .join('\n')
      .replace(/\n/g, '<br>');
  }

  /** The blocks of a table cell with their sources, rendered as they are inside the cell. */
  sourcedCell(element: Element): RenderedBlock[] {
    this.cellDepth += 1;
    try {
      return this.sourcedBlocks(element.children);
    } finally {
      this.cellDepth -= 1;
    }
  }

  /** Renders nodes into a fresh inline run. */
  inlineRun(nodes: ChildNode[]): InlineBuffer {
    const run = new InlineBuffer();
    for (const node of nodes) {
      this.inline(node, run);
    }
    return run;
  }

  /** Writes a finished inline run as a paragraph, escaping what would read as block syntax. */
  paragraph(run: InlineBuffer): string {
    const lines = run.content().split('\n').map(escapeLineStart);
    return lines.join(this.inCell ? '\n' : '\\\n');
  }

  /** A container adds no markdown of its own; a block element that renders itself is not one. */
  private sourcedBlock(element: Element): RenderedBlock[] {
    if (this.isContainer(element)) {
      return this.sourcedBlocks(element.children);
    }
    const ordinalBase = this.placeholderCount;
    return [{ parts: this.block(element), nodes: [element], element, ordinalBase }];
  }

  private isContainer(element: Element): boolean {
    if (headingLevel(element) > 0 || isMacro(element)) {
      return false;
    }
    if (element.name === 'p') {
      return hasBlockChild(element);
    }
    return element.name === 'ac:layout' ? this.inCell : !SELF_RENDERING_BLOCKS.has(element.name);
  }

  private block(element: Element): string[] {
    const level = headingLevel(element);
    if (level > 0) {
      const text = this.inlineRun(element.children).content().replace(/\s*\n\s*/g, ' ');
      return text ? [`${'#'.repeat(level)} ${text.replace(/(\s)(#+)$/, '$1\\$2')}`] : [];
    }
    return this.structuralBlock(element);
  }

  private structuralBlock(element: Element): string[] {
    switch (element.name) {
      case 'p':
        return hasBlockChild(element) ? this.blocks(element.children) : [this.paragraph(this.inlineRun(element.children))];
      case 'ul':
      case 'ol':
        return [renderList(element, this)];
      case 'ac:task-list':
        return [renderTaskList(element, this)];
      case 'table':
        return renderTable(element, this);
      case 'blockquote':
        return [quote(this.blocks(element.children))];
      case 'pre':
        return [codeFence(textContent(element), '')];
      case 'hr':
        return ['---'];
      case 'ac:adf-extension':
        return renderAdfExtension(element, this);
      case 'ac:layout':
        return this.inCell ? this.blocks(element.children) : renderLayout(element, this);
      default:
        return isMacro(element) ? renderMacroBlock(element, this) : this.blocks(element.children);
    }
  }

  /** Renders one node into an inline run. */
  inline(node: ChildNode, run: InlineBuffer): void {
    if (isText(node)) {
      run.text(node.data, escapeMarkdownText);
    } else if (isCDATA(node)) {
      run.text(textContent(node), escapeMarkdownText);
    } else if (isTag(node) && !isMetadata(node) && !isHidden(node)) {
      this.inlineElement(node, run);
    }
  }

  private inlineElement(element: Element, run: InlineBuffer): void {
    const wrapper = WRAPPERS[element.name];
    if (wrapper) {
      run.wrapped(this.inlineRun(element.children), wrapper[0], wrapper[1]);
    } else if (CODE_TAGS.has(element.name)) {
      const code = textContent(element).replace(/[ \t\n\r\f]+/g, ' ');
      run.raw(code.trim() ? codeSpan(code) : '');
    } else if (isBlockElement(element)) {
      this.blockInInline(element, run);
    } else {
      this.specialInline(element, run);
    }
  }

  private specialInline(element: Element, run: InlineBuffer): void {
    switch (element.name) {
      case 'br':
        return run.lineBreak();
      case 'a':
        return renderAnchorLink(element, this, run);
      case 'ac:link':
        return renderConfluenceLink(element, this, run);
      case 'ac:image':
        return renderImage(element, this, run);
      case 'ac:emoticon':
        return run.raw(emoticonText(element));
      case 'math':
        return renderMath(element, run);
      case 'time':
        return run.text(attr(element, 'datetime') ?? textContent(element), escapeMarkdownText);
      case 'ac:placeholder':
        return run.raw(formatEditorPlaceholder(textContent(element).trim(), attr(element, 'ac:type')));
      default:
        return isMacro(element) ? renderMacroInline(element, this, run) : run.append(this.inlineRun(element.children));
    }
  }

  /** A block found inside inline content keeps its content on lines of its own. */
  private blockInInline(element: Element, run: InlineBuffer): void {
    run.endLine();
    if (CONTAINER_TAGS.has(element.name) && !hasBlockChild(element)) {
      run.append(this.inlineRun(element.children));
    } else {
      run.raw(this.block(element).join('\n'));
    }
    run.endLine();
  }
}

/** An image with no text around it before the next block is laid out as its own paragraph. */
function isStandalone(nodes: ChildNode[], index: number, run: InlineBuffer): boolean {
  const node = nodes[index];
  if (!isTag(node) || node.name !== 'ac:image' || !run.isBlank()) {
    return false;
  }
  const next = nodes.slice(index + 1).find((sibling) => !(isText(sibling) && sibling.data.trim() === ''));
  return next === undefined || (isTag(next) && isBlockElement(next));
}

/** Elements marked `aria-hidden` duplicate visible content (KaTeX's rendered HTML beside its MathML). */
function isHidden(element: Element): boolean {
  return attr(element, 'aria-hidden') === 'true';
}

/** MathML → its TeX annotation between `$`, else its text. */
function renderMath(element: Element, run: InlineBuffer): void {
  const tex = findDescendant(element, (node) => node.name === 'annotation' && attr(node, 'encoding') === 'application/x-tex');
  run.text(tex ? `$${textContent(tex).trim()}$` : textContent(element), escapeMarkdownText);
}
