import { diffArrays } from 'diff';

/** An item of the current storage in a sequence being merged: its markdown and where its bytes are. */
export interface OldItem {
  key: string;
  start: number;
  end: number;
  /** Where new items go before / after this one. */
  before: number;
  after: number;
}

/** The stretch of storage a sequence lives in, and where new items go when it has none. */
export interface Span {
  start: number;
  end: number;
  insertAt: number;
}

/** How to merge one kind of sequence (blocks, list items, table rows, cell lines). */
export interface SequenceMerge {
  /**
   * How well a changed new item fits an old item's place: 0 when it cannot take it, more for a better
   * fit (the same macro, then the same kind of construct, then any block).
   */
  affinity(oldIndex: number, newIndex: number): number;
  /** Storage for a new item written in an old item's place. */
  pair(oldIndex: number, newIndex: number): string;
  /** Storage for a new item that has no old counterpart. */
  create(newIndex: number): string;
  /** An old item this new one continues even when moved elsewhere (a macro, by its ordinal). */
  partner?(newIndex: number): number | undefined;
  /** Told, before anything is written, of every old item kept as it was. */
  kept?(oldIndex: number): void;
}

/** How alike two texts are, 0–1: the share of the longer one that their common start and end cover. */
function likeness(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end += 1;
  return (start + end) / longest;
}

/** The affinity of two plain items: they always fit, the more alike the better. */
export function plainAffinity(oldKey: string, newKey: string): number {
  return 1 + Math.round(8 * likeness(oldKey, newKey));
}

/**
 * One change to the old bytes. `slot` orders changes at the same position: old item k is replaced in
 * slot 2k+1, items inserted after it go in slot 2k+2 (before the first item: slot 0).
 */
interface Edit {
  start: number;
  end: number;
  text: string;
  slot: number;
  order: number;
}

interface Hunk {
  removed: number[];
  added: number[];
  /** The last unchanged old item before the hunk (-1 at the start). */
  previous: number;
}

/**
 * Merges a new sequence of markdown items into the old one's storage. Items are aligned by their
 * markdown (an LCS diff): unchanged items keep their original bytes, changed ones are paired with an
 * old item of the same kind in their place, moved ones keep their bytes, the rest are created; every
 * byte between items (container tags, whitespace, invisible elements) is kept as it was.
 */
export function mergeSequence(storage: string, span: Span, olds: OldItem[], newKeys: string[], merge: SequenceMerge): string {
  const hunks = diffHunks(
    olds.map((old) => old.key),
    newKeys,
  );
  const removed = new Set(hunks.flatMap((hunk) => hunk.removed));
  const unchanged = new Set(olds.map((_, index) => index).filter((index) => !removed.has(index)));
  const removedByKey = new Map<string, number[]>();
  for (const index of hunks.flatMap((hunk) => hunk.removed)) {
    removedByKey.set(olds[index].key, [...(removedByKey.get(olds[index].key) ?? []), index]);
  }
  unchanged.forEach((index) => merge.kept?.(index));
  const used = new Set<number>();
  const replaced = new Set<number>();
  const edits: Edit[] = [];
  const position = (anchor: number): number => {
    if (anchor >= 0) return olds[anchor].after;
    return olds.length > 0 ? olds[0].before : span.insertAt;
  };
  const insert = (anchor: number, text: string): void => {
    const at = Math.min(Math.max(position(anchor), span.start), span.end);
    edits.push({ start: at, end: at, text, slot: 2 * anchor + 2, order: edits.length });
  };
  const replace = (old: number, text: string): void => {
    edits.push({ start: olds[old].start, end: olds[old].end, text, slot: 2 * old + 1, order: edits.length });
  };
  for (const hunk of hunks) {
    let anchor = hunk.previous;
    const pairs = bestPairs(hunk, merge);
    for (const added of hunk.added) {
      const partner = merge.partner?.(added);
      const old = pairs.get(added);
      if (old !== undefined && !used.has(old)) {
        used.add(old);
        replaced.add(old);
        replace(old, merge.pair(old, added));
        anchor = old;
      } else if (partner !== undefined && !used.has(partner) && !unchanged.has(partner)) {
        used.add(partner);
        insert(anchor, merge.pair(partner, added));
      } else {
        const moved = (removedByKey.get(newKeys[added]) ?? []).find((old) => !used.has(old));
        if (moved !== undefined) used.add(moved);
        insert(anchor, moved !== undefined ? storage.slice(olds[moved].start, olds[moved].end) : merge.create(added));
      }
    }
  }
  let leading = true;
  olds.forEach((_, old) => {
    leading &&= removed.has(old) && !replaced.has(old);
    if (removed.has(old) && !replaced.has(old)) {
      const [start, end] = deletedRange(storage, span, olds, old, leading);
      edits.push({ start, end, text: '', slot: 2 * old + 1, order: edits.length });
    }
  });
  return applyEdits(storage, span, edits);
}

const BLANK = /^[ \t\r\n]*$/;

/**
 * The bytes a deleted item takes with it: the whitespace separating it from the item before, or, in a
 * run of deleted items that opens the sequence, from the item after, so deleting blocks leaves no blank lines.
 */
function deletedRange(storage: string, span: Span, olds: OldItem[], index: number, leading: boolean): [number, number] {
  const { start, end } = olds[index];
  if (!leading) {
    const before = olds[index - 1].end;
    return BLANK.test(storage.slice(before, start)) ? [before, end] : [start, end];
  }
  const after = index + 1 < olds.length ? olds[index + 1].start : span.end;
  return BLANK.test(storage.slice(end, after)) ? [start, after] : [start, end];
}

/**
 * Which removed item each added item of a hunk takes the place of: the order-preserving pairing with
 * the highest total affinity (a weighted LCS), so a changed macro or list pairs with its original
 * even when plain paragraphs around it changed too. Among equal pairings the earliest pairs win.
 */
function bestPairs(hunk: Hunk, merge: SequenceMerge): Map<number, number> {
  const { removed, added } = hunk;
  const score: number[][] = Array.from({ length: removed.length + 1 }, () => new Array<number>(added.length + 1).fill(0));
  const affinity = removed.map((old) => added.map((item) => merge.affinity(old, item)));
  for (let i = removed.length - 1; i >= 0; i -= 1) {
    for (let j = added.length - 1; j >= 0; j -= 1) {
      const pair = affinity[i][j] > 0 ? score[i + 1][j + 1] + affinity[i][j] : 0;
      score[i][j] = Math.max(score[i + 1][j], score[i][j + 1], pair);
    }
  }
  const pairs = new Map<number, number>();
  for (let i = 0, j = 0; i < removed.length && j < added.length; ) {
    if (affinity[i][j] > 0 && score[i][j] === score[i + 1][j + 1] + affinity[i][j]) {
      pairs.set(added[j], removed[i]);
      i += 1;
      j += 1;
    } else if (score[i][j] === score[i + 1][j]) {
      i += 1;
    } else {
      j += 1;
    }
  }
  return pairs;
}

function diffHunks(oldKeys: string[], newKeys: string[]): Hunk[] {
  const hunks: Hunk[] = [];
  let oldIndex = 0;
  let newIndex = 0;
  let current: Hunk | undefined;
  for (const change of diffArrays(oldKeys, newKeys)) {
    const count = change.count ?? change.value.length;
    if (!change.added && !change.removed) {
      current = undefined;
      oldIndex += count;
      newIndex += count;
      continue;
    }
    if (!current) {
      current = { removed: [], added: [], previous: oldIndex - 1 };
      hunks.push(current);
    }
    for (let i = 0; i < count; i += 1) {
      if (change.removed) current.removed.push(oldIndex++);
      else current.added.push(newIndex++);
    }
  }
  return hunks;
}

function applyEdits(storage: string, span: Span, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.slot - b.slot || a.order - b.order);
  let out = '';
  let cursor = span.start;
  for (const edit of sorted) {
    const start = Math.max(edit.start, cursor);
    out += storage.slice(cursor, start) + edit.text;
    cursor = Math.max(edit.end, start);
  }
  return out + storage.slice(cursor, span.end);
}
