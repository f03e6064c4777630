/** Something of the page a merge puts back at most once: where it starts, and whether it was put back. */
export interface Usable {
  start: number;
  taken: boolean;
}

/**
 * Items of the page in document order, each used at most once, looked up by byte range. Runs of used
 * items are jumped over (each item remembers how far the used run after it reaches), so finding the
 * unused ones of a block stays linear overall even when a block holds tens of thousands of them.
 */
export class UseOnce<T extends Usable> {
  /** For each index, an index at or after it such that every item in between is used. */
  private readonly skip: number[];

  constructor(readonly items: T[]) {
    this.skip = items.map((_, index) => index);
  }

  /** The first unused item starting in `[start, end)`. */
  first(start = 0, end = Number.POSITIVE_INFINITY): T | undefined {
    return this.unused(start, end).next().value;
  }

  /** The unused items starting in `[start, end)`, in document order. */
  *unused(start = 0, end = Number.POSITIVE_INFINITY): Generator<T> {
    for (let index = this.unusedFrom(firstAt(this.items, start)); index < this.items.length && this.items[index].start < end; ) {
      yield this.items[index];
      index = this.unusedFrom(index + 1);
    }
  }

  /** Marks every item starting in `[start, end)` as used. */
  takeAll(start: number, end: number): void {
    for (let index = firstAt(this.items, start); index < this.items.length && this.items[index].start < end; index += 1) {
      this.items[index].taken = true;
    }
  }

  private unusedFrom(index: number): number {
    let found = index;
    while (found < this.items.length && this.items[found].taken) {
      found = Math.max(this.skip[found], found + 1);
    }
    for (let at = index; at < found; ) {
      const following = Math.max(this.skip[at], at + 1);
      this.skip[at] = found;
      at = following;
    }
    return found;
  }
}

/** The index of the first item starting at or after `start` in a list sorted by start. */
function firstAt(items: Array<{ start: number }>, start: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (items[middle].start < start) low = middle + 1;
    else high = middle;
  }
  return low;
}
