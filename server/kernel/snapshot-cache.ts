/**
 * The shared part of snapshots, built and serialised once per (event, view, seq).
 *
 * A snapshot is the part every socket of one view ('staff', 'stage', 'pub') sees alike at one seq (the
 * question list, rounds, polls …) plus a small personal part (me, own questions, my votes …). The shared
 * part is built inside the transaction of the request that first asks for it and serialised to one UTF-8
 * buffer that every ack of that key sends as it is (a binary attachment: no JSON.stringify per socket).
 *
 * Rules (unit-tested in snapshot-cache.test.ts):
 * - An entry serves only requests whose transaction read the same seq (PostgreSQL: another node or the
 *   pool can make a request read an older or newer seq than the entry's).
 * - Concurrent requests for the same key share the one in-flight build.
 * - Only a newer seq replaces an entry (a slow request of an older seq builds for itself, uncached).
 * - One entry per event and view; entries unused for `idleMs` are dropped; a failed build is dropped.
 * Holding a build's promise is safe on SQLite too: its transactions are serial, so a second request only
 * reads its seq after the first one's transaction (and build) finished.
 */

/** A built shared part: the objects (read by the personal parts) and their one serialisation. */
export interface SharedSnapshot {
  seq: number;
  parts: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  bytes: Buffer;
}

export interface CacheEntry<T> {
  seq: number;
  value: Promise<T>;
  usedAt: number;
}

export interface CacheStats {
  builds: number;
  hits: number;
}

export class SnapshotCache<T> {
  private readonly entries = new Map<string, CacheEntry<T>>();
  private lastSweep = 0;
  readonly stats: CacheStats = { builds: 0, hits: 0 };

  constructor(
    private readonly idleMs = 60_000,
    /** Called once per build (the metrics counter). */
    private readonly onBuild: () => void = () => {},
  ) {}

  /**
   * The value for (eventId, view) at `seq`: the cached or in-flight one of that seq, else `build()`.
   * `shared` says whether the value came from another request's build (whose failure the caller may
   * answer by building for itself).
   */
  get(eventId: string, view: string, seq: number, now: number, build: () => Promise<T>): { value: Promise<T>; shared: boolean } {
    this.sweep(now);
    const key = `${eventId}\u0000${view}`;
    const entry = this.entries.get(key);
    if (entry && entry.seq === seq) {
      entry.usedAt = now;
      this.stats.hits += 1;
      return { value: entry.value, shared: true };
    }
    this.stats.builds += 1;
    this.onBuild();
    const value = build();
    if (!entry || entry.seq < seq) {
      const fresh: CacheEntry<T> = { seq, value, usedAt: now };
      this.entries.set(key, fresh);
      // A failed build must not be served again.
      value.catch(() => {
        if (this.entries.get(key) === fresh) this.entries.delete(key);
      });
    }
    return { value, shared: false };
  }

  /** The event was deleted. */
  forget(eventId: string): void {
    for (const key of [...this.entries.keys()]) if (key.startsWith(`${eventId}\u0000`)) this.entries.delete(key);
  }

  /** Entries held now (tests, metrics). */
  get size(): number {
    return this.entries.size;
  }

  /** The seq held for (eventId, view), if any (tests). */
  seqOf(eventId: string, view: string): number | undefined {
    return this.entries.get(`${eventId}\u0000${view}`)?.seq;
  }

  /** Drops the entries unused for idleMs (also called by the kernel's timer, so idle events go without traffic). */
  sweep(now: number): void {
    if (now - this.lastSweep < this.idleMs / 2) return;
    this.lastSweep = now;
    for (const [key, e] of this.entries) if (now - e.usedAt > this.idleMs) this.entries.delete(key);
  }
}
