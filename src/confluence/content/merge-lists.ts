import { isTag, type ChildNode, type Element } from 'domhandler';
import type { BlockMerger } from './block-merge';
import { normalizeNewlines } from './markdown-parser';
import { groupItems, isComplete, itemBody, type ListEntry } from './markdown-lists';
import type { MarkdownUnit } from './markdown-units';
import { blockShape, type BlockNode } from './markdown-tree';
import { sourceLines, unindentItem } from './markdown-unwrap';
import { mergeSequence, plainAffinity, type OldItem } from './sequence-merge';
import { attr, findChild } from './storage-parser';
import type { OldUnit } from './storage-source';

interface OldEntry {
  entry: ListEntry;
  item: Element;
  key: string;
  /** The item's markdown without its checkbox, which is what identifies a changed item. */
  body: string;
  ordinalBase: number;
  /** Nodes of the entry that sit outside its item (a nested list placed directly in the list). */
  hasStrays: boolean;
}

/**
 * A changed list merged item by item: unchanged items keep their bytes (task ids, `li` attributes),
 * changed items keep their element and get their content merged, a task's checkbox flips in place.
 */
export function mergeList(merger: BlockMerger, old: OldUnit, unit: MarkdownUnit, lines: string[]): string | undefined {
  const list = old.element as Element;
  const tasks = list.name === 'ac:task-list';
  const entries = groupItems(list, tasks ? 'ac:task' : 'li');
  if (entries.some((entry) => !entry.item) || !merger.source.inner(list)) {
    return undefined;
  }
  const olds = oldEntries(merger, entries, old.ordinalBase, tasks);
  const items = unit.nodes[0].children;
  const news = items.map((item) => unindentItem(sourceLines(lines, item.token.map?.[0] ?? 0, item.token.map?.[1] ?? 0), tasks));
  if (news.some((item, index) => blockShape(merger.writer.parse(item.body)) !== blockShape(items[index].children))) {
    return undefined;
  }
  const [start, end] = merger.source.inner(list) as [number, number];
  const spans = olds.map((entry) => entrySpan(merger, entry));
  const keys = news.map((item) => itemKey(item.body, item.checked, tasks));
  const content = mergeSequence(merger.source.storage, { start, end, insertAt: end }, spans, keys, {
    affinity: (index, added) => plainAffinity(olds[index].body, news[added].body),
    pair: (index, added) => (olds[index].hasStrays ? fresh(merger, items[added], tasks) : mergeItem(merger, olds[index], news[added], tasks)),
    create: (added) => fresh(merger, items[added], tasks),
    kept: (index) => merger.context.keptAsItWas(spans[index].start, spans[index].end),
  });
  return merger.source.withInner(list, content, startTag(merger, list, unit));
}

/** The list's start tag; an ordered list renumbered in markdown gets the new `start`. */
function startTag(merger: BlockMerger, list: Element, unit: MarkdownUnit): string {
  const start = Number(unit.nodes[0].token.attrGet('start') ?? 1);
  if (list.name !== 'ol' || start === Number(attr(list, 'start') ?? 1)) {
    return merger.source.startTag(list);
  }
  return merger.source.rebuiltStartTag(list, { start: start === 1 ? undefined : String(start) });
}

function itemKey(body: string, checked: boolean, tasks: boolean): string {
  return tasks ? `[${checked ? 'x' : ' '}] ${body}` : body;
}

function oldEntries(merger: BlockMerger, entries: ListEntry[], ordinalBase: number, tasks: boolean): OldEntry[] {
  const { renderer } = merger.source;
  renderer.restartOrdinals(ordinalBase);
  return entries.map((entry) => {
    const item = entry.item as Element;
    const base = renderer.currentOrdinal;
    const body = normalizeNewlines(itemBody(renderer.blocks(entry.content)));
    const hasStrays = entry.content.some((node) => !isInside(node, item)) || (tasks && item.children.some((child) => isTag(child) && child.name === 'ac:task-list'));
    return { entry, item, key: itemKey(body, isComplete(item), tasks), body, ordinalBase: base, hasStrays };
  });
}

function entrySpan(merger: BlockMerger, entry: OldEntry): OldItem {
  const [start, itemEnd] = merger.source.range(entry.item);
  const last = entry.entry.content[entry.entry.content.length - 1];
  const end = last && !isInside(last, entry.item) ? merger.source.range(last)[1] : itemEnd;
  return { key: entry.key, start, end, before: start, after: end };
}

function mergeItem(merger: BlockMerger, old: OldEntry, item: { body: string; checked: boolean }, tasks: boolean): string {
  const { source } = merger;
  if (!tasks) {
    return merger.into(old.item, source.level(old.item, old.ordinalBase), item.body);
  }
  const body = findChild(old.item, 'ac:task-body');
  const content = old.item.children
    .map((child) => {
      if (isTag(child) && child.name === 'ac:task-status' && isComplete(old.item) !== item.checked) {
        return source.withInner(child, item.checked ? 'complete' : 'incomplete');
      }
      if (child === body) {
        return merger.into(body, source.level(body, old.ordinalBase), item.body);
      }
      return source.text(child);
    })
    .join('');
  return source.withInner(old.item, content + (body ? '' : `<ac:task-body>${merger.writer.document(item.body)}</ac:task-body>`));
}

function fresh(merger: BlockMerger, item: BlockNode, tasks: boolean): string {
  return tasks ? merger.writer.task(item) : `<li>${merger.writer.itemContent(item.children)}</li>`;
}

function isInside(node: ChildNode, ancestor: Element): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (parent === ancestor) return true;
  }
  return false;
}
