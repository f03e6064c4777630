/** A fixed-size buffer of the most recent items: memory stays bounded however many calls a process serves. */
export class AuditRing<T> {
  private readonly items: T[] = [];
  private next = 0;

  constructor(readonly capacity: number) {}

  push(item: T): void {
    if (this.items.length < this.capacity) this.items.push(item);
    else this.items[this.next] = item;
    this.next = (this.next + 1) % this.capacity;
  }

  /** Up to `limit` items, newest first. */
  recent(limit: number): T[] {
    const count = Math.min(limit, this.items.length);
    const newest: T[] = [];
    for (let i = 1; i <= count; i++) newest.push(this.items[(this.next - i + this.items.length) % this.items.length]);
    return newest;
  }

  get size(): number {
    return this.items.length;
  }
}
