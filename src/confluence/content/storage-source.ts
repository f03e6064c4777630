import { isTag, type ChildNode, type Element } from 'domhandler';
import type { LinkOptions } from './confluence-links';
import { normalizeNewlines } from './markdown-parser';
import { MarkdownRenderer } from './markdown-renderer';
import type { RenderedBlock } from './rendered-block';
import { nodeRange, parseStorage } from './storage-parser';
import { xmlElement } from './storage-xml';

/** One markdown block of the current page and the storage bytes it was rendered from. */
export interface OldUnit {
  markdown: string;
  /** The unit's own bytes, `[start, end)` in the page storage. */
  start: number;
  end: number;
  /** Where new blocks go before / after this unit: outside a paragraph that holds it, else at its edges. */
  before: number;
  after: number;
  /** The block element (undefined for a run of inline nodes, or the separator between two lists). */
  element?: Element;
  /** True for a run of inline nodes, written back without a `<p>` while it stays one paragraph. */
  inlineRun: boolean;
  ordinalBase: number;
}

/** A stretch of the page being merged: its byte range, where content goes when it is empty, and its blocks. */
export interface Level {
  start: number;
  end: number;
  insertAt: number;
  units: OldUnit[];
}

/** Containers that may hold only inline content, so blocks are never inserted inside them. */
const INLINE_CONTAINERS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'summary', 'figcaption']);

/**
 * The current storage of a page, parsed with source positions and rendered to markdown the way
 * get_page shows it, so every markdown block can be traced to the exact bytes that produced it.
 */
export class StorageSource {
  readonly root: Element;
  readonly renderer: MarkdownRenderer;
  /** The page as get_page renders it (line breaks normalised). */
  readonly markdown: string;
  /** The blocks of the whole page. */
  readonly top: Level;

  constructor(
    readonly storage: string,
    readonly link: LinkOptions,
  ) {
    this.root = parseStorage(storage, { positions: true });
    this.renderer = new MarkdownRenderer(link);
    const blocks = this.renderer.sourcedBlocks(this.root.children);
    this.markdown = normalizeNewlines(
      blocks
        .flatMap((block) => block.parts)
        .join('\n\n')
        .trimEnd(),
    );
    this.top = { start: 0, end: storage.length, insertAt: storage.length, units: blocks.map((block) => this.unit(block, this.root)) };
  }

  /** The blocks of `container`'s children (or of `nodes`, its children by default), numbered from `ordinalBase`. */
  level(container: Element, ordinalBase: number, nodes: ChildNode[] = container.children): Level {
    this.renderer.restartOrdinals(ordinalBase);
    const blocks = this.renderer.sourcedBlocks(nodes);
    const inner = this.inner(container);
    const start = inner?.[0] ?? this.range(container)[1];
    return { start, end: inner?.[1] ?? start, insertAt: inner?.[1] ?? start, units: blocks.map((block) => this.unit(block, container)) };
  }

  /** The blocks of a table cell, rendered as inside a cell (lines joined by `<br>` in markdown). */
  cellLevel(cell: Element, ordinalBase: number): Level {
    this.renderer.restartOrdinals(ordinalBase);
    const blocks = this.renderer.sourcedCell(cell);
    const inner = this.inner(cell);
    const start = inner?.[0] ?? this.range(cell)[1];
    return { start, end: inner?.[1] ?? start, insertAt: inner?.[1] ?? start, units: blocks.map((block) => this.unit(block, cell)) };
  }

  /** `[start, end)` of a node in the storage. */
  range(node: ChildNode): [number, number] {
    return nodeRange(node);
  }

  /** The bytes of a node. */
  text(node: ChildNode): string {
    const [start, end] = this.range(node);
    return this.storage.slice(start, end);
  }

  /** `[start, end)` between an element's start and end tags; undefined for a self-closing element. */
  inner(element: Element): [number, number] | undefined {
    if (element.children.length > 0) {
      return [this.range(element.children[0])[0], this.range(element.children[element.children.length - 1])[1]];
    }
    const [start, end] = this.range(element);
    const text = this.storage.slice(start, end);
    if (text.endsWith('/>')) {
      return undefined;
    }
    const at = start + text.lastIndexOf('</');
    return [at, at];
  }

  /** The element with new content between its original tags (a self-closing element gains an end tag). */
  withInner(element: Element, content: string, startTag = this.startTag(element)): string {
    const inner = this.inner(element);
    const [, end] = this.range(element);
    if (!inner) {
      return `${startTag.replace(/\s*\/>$/, '>')}${content}</${element.name}>`;
    }
    return `${startTag}${content}${this.storage.slice(inner[1], end)}`;
  }

  /** An element's original start tag (the whole element when self-closing). */
  startTag(element: Element): string {
    const [start, end] = this.range(element);
    const inner = this.inner(element);
    return this.storage.slice(start, inner ? inner[0] : end);
  }

  /** A start tag rebuilt from the element's attributes, for when one of them has to change. */
  rebuiltStartTag(element: Element, changes: Record<string, string | undefined>): string {
    const attributes: Record<string, string | undefined> = { ...element.attribs, ...changes };
    if (!this.inner(element)) {
      return xmlElement(element.name, attributes);
    }
    const withEndTag = xmlElement(element.name, attributes, '');
    return withEndTag.slice(0, withEndTag.length - `</${element.name}>`.length);
  }

  private unit(block: RenderedBlock, container: Element): OldUnit {
    const markdown = normalizeNewlines(block.parts.join('\n\n'));
    if (block.nodes.length === 0) {
      const at = block.after ? this.unit(block.after, container).end : this.range(container)[0];
      return { markdown, start: at, end: at, before: at, after: at, inlineRun: false, ordinalBase: block.ordinalBase };
    }
    const start = this.range(block.nodes[0])[0];
    const end = this.range(block.nodes[block.nodes.length - 1])[1];
    const outer = inlineContainer(block.nodes[0], container);
    const [before, after] = outer ? this.range(outer) : [start, end];
    const inlineRun = block.element === undefined;
    return { markdown, start, end, before, after, element: block.element, inlineRun, ordinalBase: block.ordinalBase };
  }
}

/** The outermost paragraph-like element between a node and its level's container, if any. */
function inlineContainer(node: ChildNode, container: Element): Element | undefined {
  let outer: Element | undefined;
  for (let parent = node.parent; parent && parent !== container && isTag(parent); parent = parent.parent) {
    if (INLINE_CONTAINERS.has(parent.name)) {
      outer = parent;
    }
  }
  return outer;
}
