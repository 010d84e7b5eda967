// The cache's size accounting: which entries to evict to stay under the cap, least recently used
// first. Pure: it only knows keys, sizes and the order of use (a Map keeps insertion order, and
// touching an entry re-inserts it).

export class LruIndex {
  private readonly entries = new Map<string, number>();
  private total = 0;

  constructor(readonly capBytes: number) {}

  get totalBytes(): number {
    return this.total;
  }

  get size(): number {
    return this.entries.size;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Marks `key` as just used. */
  touch(key: string): void {
    const size = this.entries.get(key);
    if (size === undefined) return;
    this.entries.delete(key);
    this.entries.set(key, size);
  }

  /**
   * Adds (or replaces) `key` as the most recently used entry and returns the keys to evict, oldest
   * first, so the total stays within the cap. An entry larger than the cap evicts everything else
   * and then itself: nothing that big is kept.
   */
  add(key: string, size: number): string[] {
    this.remove(key);
    this.entries.set(key, size);
    this.total += size;
    const evicted: string[] = [];
    for (const [k, s] of this.entries) {
      if (this.total <= this.capBytes) break;
      this.entries.delete(k);
      this.total -= s;
      evicted.push(k);
    }
    return evicted;
  }

  remove(key: string): void {
    const size = this.entries.get(key);
    if (size === undefined) return;
    this.entries.delete(key);
    this.total -= size;
  }

  /** Keys from least to most recently used. */
  keys(): string[] {
    return [...this.entries.keys()];
  }
}
