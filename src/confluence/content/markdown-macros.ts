import type { Element } from 'domhandler';
import type { InlineBuffer } from './inline-buffer';
import { formatMacroPlaceholder, formatMacroPlaceholderEnd } from './macro-placeholder';
import type { MarkdownRenderer } from './markdown-renderer';
import { codeFence, codeSpan, escapeHtml, escapeMarkdownText, quote } from './markdown-syntax';
import { macroParam, readMacro, type StorageMacro } from './storage-macro';
import { statusText } from './status-lozenge';
import { attr, childElements, findChild, textContent } from './storage-parser';

/** Confluence admonition macros and the GitHub alert each becomes. */
const ALERTS: Record<string, string> = { info: 'NOTE', tip: 'TIP', note: 'IMPORTANT', warning: 'WARNING' };

/** Cloud ADF panel types and the GitHub alert each becomes. */
const ADF_PANELS: Record<string, string> = {
  info: 'NOTE',
  note: 'IMPORTANT',
  success: 'TIP',
  warning: 'WARNING',
  error: 'CAUTION',
};

const DEFAULT_EXPAND_TITLE = 'Click here to expand...';

/** Renders a macro that stands as its own block. */
export function renderMacroBlock(element: Element, renderer: MarkdownRenderer): string[] {
  const macro = readMacro(element);
  const body = (): string[] => (macro.richBody ? renderer.blocks(macro.richBody.children) : []);
  if (macro.name === 'code' || macro.name === 'noformat') {
    return [codeBlock(macro)];
  }
  if (ALERTS[macro.name]) {
    return [alert(ALERTS[macro.name], macroParam(macro, 'title'), body())];
  }
  if (macro.name === 'panel') {
    return [quote([...titleLine(macroParam(macro, 'title')), ...body()])];
  }
  if (macro.name === 'expand') {
    return [details(macroParam(macro, 'title') || DEFAULT_EXPAND_TITLE, body())];
  }
  return placeholderBlocks(element, macro, renderer);
}

/** Renders a macro that flows inside a paragraph: status lozenges, or a placeholder. */
export function renderMacroInline(element: Element, renderer: MarkdownRenderer, run: InlineBuffer): void {
  const macro = readMacro(element);
  if (macro.name === 'status') {
    run.raw(codeSpan(statusText(macro)));
  } else {
    run.raw(formatMacroPlaceholder(renderer.nextOrdinal(element), macro.name, macro.params));
  }
}

/** `ac:adf-extension` → a GitHub alert for panels, else the fallback markup, else the ADF content. */
export function renderAdfExtension(extension: Element, renderer: MarkdownRenderer): string[] {
  const node = findChild(extension, 'ac:adf-node');
  const content = node ? findChild(node, 'ac:adf-content') : undefined;
  const panelKind = node && attr(node, 'type') === 'panel' ? ADF_PANELS[adfAttribute(node, 'panel-type') ?? ''] : undefined;
  if (content && panelKind) {
    return [alert(panelKind, undefined, renderer.blocks(content.children))];
  }
  const fallback = findChild(extension, 'ac:adf-fallback');
  const source = fallback ?? content;
  return source ? renderer.blocks(source.children) : [];
}

function codeBlock(macro: StorageMacro): string {
  const code = macro.plainBody ?? (macro.richBody ? textContent(macro.richBody) : '');
  const language = macro.name === 'code' ? (macroParam(macro, 'language') ?? '').trim() : '';
  const title = macroParam(macro, 'title');
  const info = title ? `${language || 'text'} title="${title.replace(/["\\]/g, '\\$&')}"` : language;
  return codeFence(code, info);
}

/** A GitHub alert: the marker line, then the title (as a bold line) or the first body block directly under it. */
function alert(kind: string, title: string | undefined, body: string[]): string {
  const marker = `[!${kind}]`;
  const first = [...titleLine(title), ...body][0];
  const rest = [...titleLine(title), ...body].slice(1);
  return quote([first === undefined ? marker : `${marker}\n${first}`, ...rest]);
}

function titleLine(title: string | undefined): string[] {
  return title?.trim() ? [`**${escapeMarkdownText(title.trim())}**`] : [];
}

function details(title: string, body: string[]): string {
  return [`<details>\n<summary>${escapeHtml(title)}</summary>`, ...body, '</details>'].join('\n\n');
}

function placeholderBlocks(element: Element, macro: StorageMacro, renderer: MarkdownRenderer): string[] {
  const ordinal = renderer.nextOrdinal(element);
  const opening = formatMacroPlaceholder(ordinal, macro.name, macro.params);
  if (macro.plainBody !== undefined) {
    return [opening, codeFence(macro.plainBody, macro.name), formatMacroPlaceholderEnd(ordinal)];
  }
  if (macro.richBody) {
    return [opening, ...renderer.blocks(macro.richBody.children), formatMacroPlaceholderEnd(ordinal)];
  }
  return [opening];
}

function adfAttribute(node: Element, key: string): string | undefined {
  const attribute = childElements(node).find((child) => child.name === 'ac:adf-attribute' && attr(child, 'key') === key);
  return attribute ? textContent(attribute).trim() : undefined;
}
