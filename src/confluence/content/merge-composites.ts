import type { Element } from 'domhandler';
import type { BlockMerger } from './block-merge';
import { mergeLayout } from './merge-layout';
import { mergeList } from './merge-lists';
import { mergeTable } from './merge-tables';
import { normalizeNewlines } from './markdown-parser';
import type { MarkdownUnit } from './markdown-units';
import { blockShape } from './markdown-tree';
import { nodesText, textBetween, unquote } from './markdown-unwrap';
import { macroParams, restoreMacro, type RestoredBody } from './original-macro';
import { attr, childElements, findChild, textContent } from './storage-parser';
import { isMacro, macroParam, readMacro } from './storage-macro';
import type { OldUnit } from './storage-source';
import { codeInfo } from './code-macro';

/** Confluence admonition macros and Cloud ADF panel types by the GitHub alert the reader shows them as. */
const ALERT_KINDS: Record<string, string> = { info: 'NOTE', tip: 'TIP', note: 'IMPORTANT', warning: 'WARNING' };
const ADF_PANEL_KINDS: Record<string, string> = { info: 'NOTE', note: 'IMPORTANT', success: 'TIP', warning: 'WARNING', error: 'CAUTION' };
const DEFAULT_EXPAND_TITLE = 'Click here to expand...';

/** The construct an old block is, for pairing it with a changed block; `leaf` blocks are simply rewritten. */
export function compositeKind(old: OldUnit): string {
  const element = old.element;
  if (!element) return 'leaf';
  if (isMacro(element)) {
    const name = readMacro(element).name;
    if (name === 'code' || name === 'noformat') return 'code';
    if (ALERT_KINDS[name]) return `alert:${ALERT_KINDS[name]}`;
    if (name === 'panel') return 'quote';
    return name === 'expand' ? 'expand' : 'macro';
  }
  switch (element.name) {
    case 'ul':
      return 'bullet';
    case 'ol':
      return 'ordered';
    case 'ac:task-list':
      return 'tasks';
    case 'table':
      return findChild(element, 'caption') ? 'leaf' : 'table';
    case 'blockquote':
      return 'quote';
    case 'ac:layout':
      return 'layout';
    case 'ac:adf-extension': {
      const kind = adfPanelKind(element);
      return kind ? `alert:${kind}` : 'leaf';
    }
    default:
      return 'leaf';
  }
}

/** The construct a markdown unit is, in compositeKind's terms. */
export function newKind(unit: MarkdownUnit): string {
  switch (unit.kind) {
    case 'list':
      return unit.nodes[0].type === 'bullet_list' ? 'bullet' : 'ordered';
    case 'alert':
      return `alert:${(unit.nodes[0].token.meta as { alert: string }).alert}`;
    case 'details':
      return 'expand';
    case 'tasks':
    case 'table':
    case 'quote':
    case 'code':
    case 'macro':
    case 'layout':
      return unit.kind;
    default:
      return 'block';
  }
}

/** Storage for a changed construct merged into the page's original one; undefined when it cannot be. */
export function mergeComposite(merger: BlockMerger, old: OldUnit, unit: MarkdownUnit, lines: string[]): string | undefined {
  const element = old.element as Element;
  const kind = compositeKind(old);
  if (kind === 'code') return mergeCode(merger, element, unit);
  if (kind === 'macro') return mergeMacro(merger, old, unit, lines);
  if (kind === 'expand') return mergeExpand(merger, old, unit, lines);
  if (kind === 'layout') return mergeLayout(merger, old, unit, lines);
  if (kind === 'table') return mergeTable(merger, old, unit, lines);
  if (kind === 'bullet' || kind === 'ordered' || kind === 'tasks') return mergeList(merger, old, unit, lines);
  const inner = unquote(nodesText(unit.nodes, lines), unit.kind === 'alert');
  if (blockShape(merger.writer.parse(inner)) !== blockShape(unit.nodes[0].children)) return undefined;
  if (element.name === 'ac:adf-extension') return mergeAdfPanel(merger, old, inner);
  if (element.name === 'blockquote') return merger.into(element, merger.source.level(element, old.ordinalBase), inner);
  return mergeAdmonition(merger, old, inner);
}

/** info/tip/note/warning/panel: the title from a leading bold line (if the macro had a title), the body merged. */
function mergeAdmonition(merger: BlockMerger, old: OldUnit, inner: string): string {
  const element = old.element as Element;
  const params = macroParams(element);
  const oldTitle = params.title?.trim();
  let body = inner;
  if (oldTitle) {
    const split = splitTitle(merger, inner);
    body = split ? split.body : inner;
    if (split?.title !== oldTitle) {
      setParam(params, 'title', split?.title);
    }
  }
  return restoreMacro(merger.source, element, params, richBody(merger, element, old.ordinalBase, body));
}

function mergeExpand(merger: BlockMerger, old: OldUnit, unit: MarkdownUnit, lines: string[]): string {
  const element = old.element as Element;
  const params = macroParams(element);
  const summary = unit.summary ?? '';
  if (summary !== (params.title || DEFAULT_EXPAND_TITLE)) {
    setParam(params, 'title', summary && summary !== DEFAULT_EXPAND_TITLE ? summary : undefined);
  }
  const inner = unit.innerMarkdown ?? textBetween(unit.nodes, lines);
  return restoreMacro(merger.source, element, params, richBody(merger, element, old.ordinalBase, inner));
}

/**
 * A placeholder macro: parameters from the placeholder, body merged (rich) or replaced (plain), ids
 * kept. One whose body was taken away stands in a paragraph of its own, as the writer puts it.
 */
function mergeMacro(merger: BlockMerger, old: OldUnit, unit: MarkdownUnit, lines: string[]): string {
  const element = old.element as Element;
  const placeholder = unit.placeholder;
  if (!placeholder) return merger.writer.unit(unit);
  const macro = readMacro(element);
  let body: RestoredBody;
  if (placeholder.hasBody && unit.plainBody !== undefined) {
    const same = macro.plainBody !== undefined && normalizeNewlines(macro.plainBody) === unit.plainBody;
    body = same ? { kind: 'original' } : { kind: 'plain', text: unit.plainBody };
  } else if (placeholder.hasBody) {
    body = richBody(merger, element, placeholder.ordinal, textBetween(unit.nodes, lines));
  }
  const restored = restoreMacro(merger.source, element, placeholder.params, body, merger.context.startTag(placeholder.ordinal, element));
  return placeholder.hasBody ? restored : `<p>${restored}</p>`;
}

/** code/noformat: language and title from the fence, other parameters (line numbers, theme…) kept. */
function mergeCode(merger: BlockMerger, element: Element, unit: MarkdownUnit): string {
  const macro = readMacro(element);
  const params = macroParams(element);
  const fence = unit.nodes[0].token;
  const { language, title } = codeInfo(fence.info);
  const oldLanguage = (macroParam(macro, 'language') ?? '').trim();
  const oldTitle = macroParam(macro, 'title') || undefined;
  const newLanguage = !oldLanguage && title !== undefined && language === 'text' ? '' : language;
  if (macro.name === 'code' && newLanguage !== oldLanguage) setParam(params, 'language', newLanguage || undefined);
  if (title !== oldTitle) setParam(params, 'title', title);
  const text = fence.content.replace(/\n$/, '');
  const oldText = macro.plainBody ?? (macro.richBody ? textContent(macro.richBody) : undefined);
  const same = oldText !== undefined && normalizeNewlines(oldText) === text;
  return restoreMacro(merger.source, element, params, same ? { kind: 'original' } : { kind: 'plain', text });
}

/** A Cloud ADF panel: its content merged in place, the ADF node and fallback around it kept. */
function mergeAdfPanel(merger: BlockMerger, old: OldUnit, inner: string): string | undefined {
  const node = findChild(old.element as Element, 'ac:adf-node');
  const content = node ? findChild(node, 'ac:adf-content') : undefined;
  if (!content) return undefined;
  const [start, end] = merger.source.range(content);
  const merged = merger.into(content, merger.source.level(content, old.ordinalBase), inner);
  return merger.source.storage.slice(old.start, start) + merged + merger.source.storage.slice(end, old.end);
}

/** The body of a macro: merged into its rich-text body, or a new one when it had none. */
function richBody(merger: BlockMerger, element: Element, ordinalBase: number, markdown: string): RestoredBody {
  const body = findChild(element, 'ac:rich-text-body');
  if (!body) {
    return { kind: 'rich', storage: merger.writer.document(markdown) };
  }
  const level = merger.source.level(body, ordinalBase);
  return merger.source.inner(body)
    ? { kind: 'inner', storage: merger.level(level, markdown) }
    : { kind: 'rich', storage: merger.writer.document(markdown) };
}

/** A leading paragraph that is one bold run is the title (the reader's convention); the rest is the body. */
function splitTitle(merger: BlockMerger, markdown: string): { title: string; body: string } | undefined {
  const nodes = merger.writer.parse(markdown);
  const title = nodes.length > 0 ? merger.writer.alertTitle(nodes) : undefined;
  if (title === undefined) return undefined;
  const lines = markdown.split('\n');
  return { title, body: lines.slice(nodes[0].token.map?.[1] ?? 1).join('\n').replace(/^(?:[ \t]*\n)+/, '').trimEnd() };
}

function setParam(params: Record<string, string>, name: string, value: string | undefined): void {
  if (value === undefined || value === '') {
    delete params[name];
  } else {
    params[name] = value;
  }
}

function adfPanelKind(extension: Element): string | undefined {
  const node = findChild(extension, 'ac:adf-node');
  if (!node || attr(node, 'type') !== 'panel' || !findChild(node, 'ac:adf-content')) return undefined;
  const type = childElements(node).find((child) => child.name === 'ac:adf-attribute' && attr(child, 'key') === 'panel-type');
  return ADF_PANEL_KINDS[type ? textContent(type).trim() : ''];
}
