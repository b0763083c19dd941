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
  private readonly inFlight = new Map<string, Promise<V>>();
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

  /**
   * The cached value, or `compute()`'s; callers that miss on the same key and sequence while a
   * computation runs share it instead of running the same count again (20 page requests that
   * arrive as an entry expires would otherwise each count the account's orders at once). A
   * failed computation is not cached and fails only the callers that shared it.
   */
  async getOrCompute(key: string, seq: number, compute: () => Promise<V>): Promise<V> {
    const cached = this.get(key, seq);
    if (cached !== undefined) return cached;
    const flightKey = `${seq}|${key}`;
    const running = this.inFlight.get(flightKey);
    if (running) return running;
    const p = compute().then((value) => {
      // A slower count of an older sequence must not replace a newer one that finished first.
      const stored = this.entries.get(key);
      if (!stored || stored.seq <= seq) this.set(key, seq, value);
      return value;
    });
    this.inFlight.set(flightKey, p);
    try {
      return await p;
    } finally {
      this.inFlight.delete(flightKey);
    }
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
