// A small per-process cache for the status chip counts, the costliest part of the order list
// (a count over every matching order: ~80 ms for a 130k-order account). An entry is reused only
// while the account's event sequence is unchanged — every new order and every status change
// appends an event — and for at most `ttlMs`, which bounds how stale counts driven by the
// clock (late, at risk) or by event-less updates (a new promised date) can be. Several
// processes each keep their own entries; the sequence check keeps them all exact for statuses.

export interface CountCacheOptions {
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}

interface Entry<V> {
  seq: number;
  at: number;
  value: V;
}

export class CountCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly now: () => number;

  constructor(private readonly opts: CountCacheOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** The cached value for `key` if it was computed at sequence `seq` less than ttlMs ago. */
  get(key: string, seq: number): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.seq !== seq || this.now() - e.at >= this.opts.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    // Map order is insertion order: re-inserting keeps the most recently used entries last.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value;
  }

  set(key: string, seq: number, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { seq, at: this.now(), value });
    while (this.entries.size > this.opts.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
