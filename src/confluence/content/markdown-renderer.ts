import { isCDATA, isTag, isText, type ChildNode, type Element } from 'domhandler';
import type { LinkOptions } from './confluence-links';
import { emoticonText } from './emoticons';
import { InlineBuffer } from './inline-buffer';
import { formatEditorPlaceholder } from './macro-placeholder';
import { codeFence, codeSpan, escapeLineStart, escapeMarkdownText, quote } from './markdown-syntax';
import { renderAnchorLink, renderConfluenceLink, renderImage } from './markdown-links';
import { renderList, renderTaskList } from './markdown-lists';
import { renderAdfExtension, renderMacroBlock, renderMacroInline } from './markdown-macros';
import { renderTable } from './markdown-table';
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
const CONTAINER_TAGS = new Set(['div', 'p', 'span', 'section', 'ac:layout-cell', 'dt', 'dd', 'li']);

/** Walks a parsed storage document and writes GitHub-flavoured markdown, block by block. */
export class MarkdownRenderer {
  private placeholderCount = 0;
  private cellDepth = 0;

  constructor(readonly options: LinkOptions) {}

  /** Allocates the next 1-based placeholder ordinal. */
  nextOrdinal(): number {
    this.placeholderCount += 1;
    return this.placeholderCount;
  }

  /** True while rendering inside a table cell, where blocks collapse to `<br>`-separated lines. */
  get inCell(): boolean {
    return this.cellDepth > 0;
  }

  /** Renders nodes as markdown blocks; loose inline content between blocks becomes paragraphs. */
  blocks(nodes: ChildNode[]): string[] {
    const out: string[] = [];
    let run = new InlineBuffer();
    for (const node of nodes) {
      if (isTag(node) && (isBlockElement(node) || isStandaloneImage(node, run))) {
        out.push(this.paragraph(run));
        run = new InlineBuffer();
        out.push(...this.block(node));
      } else {
        this.inline(node, run);
      }
    }
    out.push(this.paragraph(run));
    return separateAdjacentLists(out.filter((block) => block.trim() !== ''));
  }

  /** Renders a table cell's content as one line, blocks separated by `<br>`. */
  cell(element: Element): string {
    this.cellDepth += 1;
    try {
      return this.blocks(element.children).join('\n').replace(/\n/g, '<br>');
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
      case 'ac:image':
        return [this.paragraph(this.inlineRun([element]))];
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

/** An image that starts a block of its own (not preceded by text) is laid out as its own paragraph. */
function isStandaloneImage(element: Element, run: InlineBuffer): boolean {
  return element.name === 'ac:image' && run.isBlank();
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

const BULLET_ITEM = /^[-*+] /;
const ORDERED_ITEM = /^\d+[.)] /;

function listKind(block: string): 'bullet' | 'ordered' | undefined {
  if (BULLET_ITEM.test(block)) return 'bullet';
  return ORDERED_ITEM.test(block) ? 'ordered' : undefined;
}

/**
 * Two lists of the same kind in a row would read back as one list in markdown;
 * an empty HTML comment between them keeps them apart, as they are in the page.
 */
function separateAdjacentLists(blocks: string[]): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    const previous = out[out.length - 1];
    const kind = listKind(block);
    if (previous !== undefined && kind !== undefined && listKind(previous) === kind) out.push('<!-- -->');
    out.push(block);
  }
  return out;
}
