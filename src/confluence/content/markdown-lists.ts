import { isTag, isText, type ChildNode, type Element } from 'domhandler';
import type { MarkdownRenderer } from './markdown-renderer';
import { attr, findChild, textContent } from './storage-parser';

const LIST_START = /^(?:[-*+]|\d+[.)])(?: |$)/;

/** One item of a list and everything that belongs to it (stray nodes after it included). */
export interface ListEntry {
  item?: Element;
  content: ChildNode[];
}

/** `ul`/`ol` → markdown list; nested lists and paragraphs stay inside their item. */
export function renderList(list: Element, renderer: MarkdownRenderer): string {
  const ordered = list.name === 'ol';
  const start = Number.parseInt(attr(list, 'start') ?? '1', 10);
  const first = Number.isFinite(start) ? start : 1;
  return groupItems(list, 'li')
    .map((entry, index) => {
      const marker = ordered ? `${first + index}.` : '-';
      return listItem(`${marker} `, marker.length + 1, renderer.blocks(entry.content));
    })
    .join('\n');
}

/** `ac:task-list` → GitHub task list (`- [ ]` / `- [x]`), nested task lists included. */
export function renderTaskList(list: Element, renderer: MarkdownRenderer): string {
  return groupItems(list, 'ac:task')
    .map((entry) => listItem(isComplete(entry.item) ? '- [x] ' : '- [ ] ', 2, renderer.blocks(entry.content)))
    .join('\n');
}

/** One list item: the marker, then the item's blocks indented under it. */
export function listItem(marker: string, indentWidth: number, blocks: string[]): string {
  const body = itemBody(blocks);
  if (!body) {
    return marker.trimEnd();
  }
  const indent = ' '.repeat(indentWidth);
  const lines = body.split('\n').map((line, index) => (index === 0 || line === '' ? line : `${indent}${line}`));
  return `${marker}${lines.join('\n')}`;
}

/** An item's blocks as one markdown text before indenting: a nested list follows its paragraph directly. */
export function itemBody(blocks: string[]): string {
  return blocks.reduce((joined, block) => (joined ? `${joined}${LIST_START.test(block) ? '\n' : '\n\n'}${block}` : block), '');
}

/** Whether a task is checked. */
export function isComplete(task: Element | undefined): boolean {
  const status = task ? findChild(task, 'ac:task-status') : undefined;
  return status !== undefined && textContent(status).trim() === 'complete';
}

/**
 * The content of each item of a list. Stray children between items (a nested list placed directly
 * in the parent list, loose text) are kept with the preceding item rather than dropped.
 */
export function groupItems(list: Element, itemTag: string): ListEntry[] {
  const groups: ListEntry[] = [];
  for (const child of list.children) {
    if (isTag(child) && child.name === itemTag) {
      groups.push({ item: child, content: itemContent(child) });
    } else if (!(isText(child) && child.data.trim() === '')) {
      appendToLast(groups, child);
    }
  }
  return groups;
}

/** What an item shows: a list item's children, or a task's body followed by task lists nested directly in the task. */
export function itemContent(item: Element): ChildNode[] {
  if (item.name !== 'ac:task') {
    return item.children;
  }
  const body = findChild(item, 'ac:task-body');
  const nested = item.children.filter((child) => isTag(child) && child.name === 'ac:task-list');
  return [...(body?.children ?? []), ...nested];
}

function appendToLast(groups: ListEntry[], node: ChildNode): void {
  if (groups.length === 0) {
    groups.push({ content: [] });
  }
  const last = groups[groups.length - 1];
  last.content = [...last.content, node];
}
