import { compareStreamIds as cmp } from './streamIds.ts';

export interface TailEntry<T> {
  id: string;
  /** Whose event it is (streamTail's keyOf); undefined: nobody subscribes to it. */
  key: string | undefined;
  event: T;
}

const msOf = (id: string) => Number(id.split('-')[0]);

/**
 * The stream entries a tail read recently, to resume subscriptions from without asking Redis
 * (whose copy is trimmed as soon as the consumer groups acknowledge it). Bounded by count and
 * age. Per key it remembers the newest entry it let go, so a quiet key's old cursor can still
 * be resumed: nothing of that key was dropped after it.
 */
export class TailWindow<T> {
  private entries: TailEntry<T>[] = [];
  private head = 0;
  /** The newest evicted entry per key, oldest first (a Map keeps insertion order). */
  private readonly evicted = new Map<string, string>();
  /** The tail saw every entry after this id (the ones here, and per key those evicted). */
  floor = '0-0';

  constructor(
    private readonly maxEntries: number,
    private readonly maxAgeMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** The first entries, read from the stream at start: coverage begins at the oldest. */
  load(entries: readonly TailEntry<T>[]): void {
    if (entries[0]) this.floor = entries[0].id;
    for (const entry of entries) this.push(entry);
  }

  push(entry: TailEntry<T>): void {
    this.entries.push(entry);
    const oldest = Date.now() - this.maxAgeMs;
    while (this.head < this.entries.length) {
      const first = this.entries[this.head]!;
      if (this.entries.length - this.head <= this.maxEntries && msOf(first.id) >= oldest) break;
      this.head++;
      this.forget(first);
    }
    if (this.head > 1_024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }

  private forget(entry: TailEntry<T>): void {
    if (entry.key === undefined) return;
    this.evicted.delete(entry.key);
    this.evicted.set(entry.key, entry.id);
    if (this.evicted.size <= this.maxKeys) return;
    // Too many keys to remember: give up the least recent, raising coverage for everyone.
    const [key, id] = this.evicted.entries().next().value as [string, string];
    this.evicted.delete(key);
    if (cmp(id, this.floor) > 0) this.floor = id;
  }

  /** The key's entries in (after, upTo], or undefined when some of them may be gone. */
  since(key: string, after: string, upTo: string): TailEntry<T>[] | undefined {
    if (cmp(after, this.floor) < 0) return undefined;
    const gone = this.evicted.get(key);
    if (gone !== undefined && cmp(gone, after) > 0) return undefined;
    const found: TailEntry<T>[] = [];
    for (let i = this.head; i < this.entries.length; i++) {
      const entry = this.entries[i]!;
      if (entry.key === key && cmp(entry.id, after) > 0 && cmp(entry.id, upTo) <= 0) {
        found.push(entry);
      }
    }
    return found;
  }
}
