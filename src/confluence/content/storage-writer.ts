import { InlineWriter, type InlineOptions } from './inline-writer';
import { codeMacro } from './code-macro';
import { macroStorage, type MacroBody } from './macro-storage';
import { parseInlineMarkdown, parseMarkdown } from './markdown-parser';
import { blockTree, type BlockNode } from './markdown-tree';
import { groupUnits, type LayoutSectionNodes, type MarkdownUnit } from './markdown-units';
import { xmlElement, xmlText } from './storage-xml';
import type { WriteContext } from './write-context';

/** GitHub alert kinds and the Confluence admonition macro each becomes (the reverse of markdown-macros.ts). */
const ALERT_MACROS: Record<string, string> = { NOTE: 'info', TIP: 'tip', IMPORTANT: 'note', WARNING: 'warning', CAUTION: 'warning' };
const DEFAULT_EXPAND_TITLE = 'Click here to expand...';
const CELL_BREAK = /<br\s*\/?>/i;

/** Converts parsed markdown blocks to storage. */
export class StorageWriter {
  constructor(
    readonly context: WriteContext,
    private readonly options: InlineOptions = {},
  ) {}

  /** Storage for a markdown document (or a body inside a macro, cell, item…). */
  document(markdown: string): string {
    return this.blocks(this.parse(markdown));
  }

  /** The top-level blocks of markdown, parsed with the context's atom substitution. */
  parse(markdown: string): BlockNode[] {
    return blockTree(parseMarkdown(markdown, this.context.parseEnv));
  }

  /** Storage for sibling blocks. */
  blocks(nodes: BlockNode[]): string {
    return groupUnits(nodes)
      .map((unit) => this.unit(unit))
      .join('');
  }

  /** The same writer for the inside of a table cell. */
  forCell(): StorageWriter {
    return new StorageWriter(this.context, { cell: true });
  }

  /** Storage for inline content. */
  inline(node: BlockNode): string {
    return new InlineWriter(this.context, this.options).write(node.inline?.children ?? []);
  }

  /** Storage for one unit. */
  unit(unit: MarkdownUnit): string {
    const node = unit.nodes[0];
    switch (unit.kind) {
      case 'paragraph':
      case 'html':
        return `<p>${this.paragraphContent(unit)}</p>`;
      case 'heading':
        return `<${node.token.tag}>${this.inline(node)}</${node.token.tag}>`;
      case 'list':
        return this.list(node);
      case 'tasks':
        return this.taskList(node);
      case 'table':
        return this.table(node);
      case 'quote':
        return `<blockquote>${this.blocks(node.children)}</blockquote>`;
      case 'alert':
        return this.alert(node);
      case 'code':
        return codeMacro(node.token.info ?? '', node.token.content);
      case 'details':
        return this.details(unit);
      case 'macro':
        return unit.placeholder?.hasBody ? this.context.macro(unit.placeholder, this.macroBody(unit)) : `<p>${this.inlineContent(unit)}</p>`;
      case 'layout':
        return this.layout(unit);
      case 'hr':
        return '<hr />';
      default:
        return '';
    }
  }

  /**
   * What a paragraph-like unit holds, without the `<p>`: the inline content of a paragraph, or the macro
   * of a placeholder without a body standing alone (kept in a paragraph of its own so that two of them
   * in a row read back as two).
   */
  inlineContent(unit: MarkdownUnit): string {
    return unit.kind === 'macro' && unit.placeholder ? this.context.macro(unit.placeholder, undefined) : this.inline(unit.nodes[0]);
  }

  /** The body of a macro placeholder unit: a plain-text body for a fence named after the macro, else rich text. */
  private macroBody(unit: MarkdownUnit): MacroBody | undefined {
    if (!unit.placeholder?.hasBody) return undefined;
    return unit.plainBody !== undefined ? { kind: 'plain', text: unit.plainBody } : { kind: 'rich', storage: this.blocks(unit.body ?? []) };
  }

  /** An item's blocks: a lone leading paragraph is written inline (`<li>text</li>`), as the reader reads it back. */
  itemContent(children: BlockNode[]): string {
    const units = groupUnits(children);
    const paragraphs = units.filter((unit) => unit.kind === 'paragraph' || unit.kind === 'html');
    if (paragraphs.length === 1 && units[0] === paragraphs[0]) {
      return this.paragraphContent(units[0]) + units.slice(1).map((unit) => this.unit(unit)).join('');
    }
    return units.map((unit) => this.unit(unit)).join('');
  }

  /** The inline content of a paragraph, or of raw HTML written as escaped text. */
  private paragraphContent(unit: MarkdownUnit): string {
    const node = unit.nodes[0];
    if (unit.kind !== 'html') return this.inline(node);
    return node.token.content
      .trim()
      .split('\n')
      .map((line) => xmlText(line.trim()))
      .join('<br />');
  }

  /** A new `ac:task` (the merge keeps the ids of tasks it already had). */
  task(item: BlockNode): string {
    const checked = (item.token.meta as { checked?: boolean } | null)?.checked === true;
    const status = checked ? 'complete' : 'incomplete';
    return `<ac:task><ac:task-id>${this.context.nextTaskId()}</ac:task-id><ac:task-status>${status}</ac:task-status><ac:task-body>${this.itemContent(item.children)}</ac:task-body></ac:task>`;
  }

  /** A new table row; the header row of a markdown table is written with `th` cells. */
  row(row: BlockNode): string {
    const cells = row.children.map((cell) => `<${cell.type}>${this.cell(cell.inline?.content ?? '')}</${cell.type}>`);
    return `<tr>${cells.join('')}</tr>`;
  }

  /**
   * A table cell's content. One line is inline content, as in any GFM table; several lines separated by
   * `<br>` are how the reader writes a cell's blocks, so they are read as blocks (a list stays a list),
   * a single paragraph written inline unless `paragraph` asks for a `<p>`.
   */
  cell(content: string, paragraph = false): string {
    const lines = content.split(CELL_BREAK);
    const writer = this.forCell();
    if (lines.length === 1) {
      const inline = new InlineWriter(this.context, { cell: true }).write(parseInlineMarkdown(content, this.context.parseEnv)[0]?.children ?? []);
      return paragraph ? `<p>${inline}</p>` : inline;
    }
    const nodes = writer.parse(lines.join('\n'));
    const units = groupUnits(nodes);
    return units.length === 1 && units[0].kind === 'paragraph' && !paragraph ? writer.inline(units[0].nodes[0]) : writer.blocks(nodes);
  }

  /** The alert title convention of the reader: a first paragraph that is one bold run. */
  alertTitle(children: BlockNode[]): string | undefined {
    const inline = children[0]?.type === 'paragraph' ? (children[0].inline?.children ?? []) : [];
    const tokens = inline.filter((token) => !(token.type === 'text' && token.content === ''));
    const whole = tokens.length > 2 && tokens[0].type === 'strong_open' && tokens[tokens.length - 1].type === 'strong_close';
    const closes = tokens.filter((token) => token.type === 'strong_close').length;
    return whole && closes === 1 ? new InlineWriter(this.context).plain(tokens).trim() : undefined;
  }

  private list(node: BlockNode): string {
    const start = Number(node.token.attrGet('start') ?? '1');
    const items = node.children.map((item) => `<li>${this.itemContent(item.children)}</li>`).join('');
    return xmlElement(node.token.tag, { start: start !== 1 ? String(start) : undefined }, items);
  }

  private taskList(node: BlockNode): string {
    return `<ac:task-list>${node.children.map((item) => this.task(item)).join('')}</ac:task-list>`;
  }

  private table(node: BlockNode): string {
    const rows = node.children.flatMap((group) => group.children).map((row) => this.row(row));
    return `<table><tbody>${rows.join('')}</tbody></table>`;
  }

  private alert(node: BlockNode): string {
    const kind = (node.token.meta as { alert: string }).alert;
    const title = this.alertTitle(node.children);
    const body = this.blocks(title === undefined ? node.children : node.children.slice(1));
    const params: Array<[string, string]> = title ? [['title', title]] : [];
    return macroStorage(ALERT_MACROS[kind] ?? 'info', params, { kind: 'rich', storage: body });
  }

  private details(unit: MarkdownUnit): string {
    const body = unit.innerMarkdown !== undefined ? this.document(unit.innerMarkdown) : this.blocks(unit.body ?? []);
    const title = unit.summary && unit.summary !== DEFAULT_EXPAND_TITLE ? unit.summary : undefined;
    return macroStorage('expand', title ? [['title', title]] : [], { kind: 'rich', storage: body });
  }

  /** A new layout section; a section always has at least one cell. */
  layoutSection(section: LayoutSectionNodes): string {
    const cells = (section.cells.length > 0 ? section.cells : [[]]).map((cell) => this.layoutCell(cell));
    return xmlElement('ac:layout-section', { 'ac:type': section.type }, cells.join(''));
  }

  /** A new layout cell. */
  layoutCell(cell: BlockNode[]): string {
    return `<ac:layout-cell>${this.blocks(cell)}</ac:layout-cell>`;
  }

  private layout(unit: MarkdownUnit): string {
    return `<ac:layout>${(unit.sections ?? []).map((section) => this.layoutSection(section)).join('')}</ac:layout>`;
  }
}
