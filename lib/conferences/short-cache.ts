/**
 * A cache for a second or so, with one load in flight per key: when 2,000 participants open the same
 * invitation in the same second, the database answers once. Changes made by this process forget the
 * entry at once; other processes see them within the TTL. It holds what was loaded within the TTL and
 * never more than maxEntries: expired entries go as new ones come. Clock injected for tests.
 */
interface Entry<V> {
  value: Promise<V>;
  expires: number;
}

export class ShortCache<K, V> {
  readonly #entries = new Map<K, Entry<V>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  get(key: K, load: () => Promise<V>): Promise<V> {
    const now = this.clock();
    const hit = this.#entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    const value = load();
    this.#entries.delete(key);
    this.#entries.set(key, { value, expires: now + this.ttlMs });
    // A failed load is not remembered: the next request tries again.
    value.catch(() => this.#entries.get(key)?.value === value && this.#entries.delete(key));
    // Entries are in the order they were loaded, so the expired ones are at the front.
    for (const [oldKey, entry] of this.#entries) {
      if (entry.expires > now && this.#entries.size <= this.maxEntries) break;
      this.#entries.delete(oldKey);
    }
    return value;
  }

  /** What is kept for key, without loading it when nothing is. */
  peek(key: K): Promise<V> | undefined {
    const hit = this.#entries.get(key);
    return hit && hit.expires > this.clock() ? hit.value : undefined;
  }

  forget(key: K): void {
    this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}
