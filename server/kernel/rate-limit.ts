/**
 * Token buckets. `take` is pure (state in, state out, time passed in); RateLimiter keeps one bucket per
 * (kind, key) in memory and never reads the clock itself.
 */
export interface BucketSpec {
  /** Burst size (window mode: the most allowed within any perMs). */
  capacity: number;
  /** How long it takes to refill the whole bucket (window mode: the window's length). */
  perMs: number;
  /**
   * A sliding window instead of a token bucket, for limits stated as "N per minute": a bucket lets N through
   * at once and refills N more within the minute (2N in the first minute); the window never lets more than N
   * through in any perMs (to a slot's precision, perMs / WINDOW_SLOTS).
   */
  window?: boolean;
}

export interface BucketState {
  tokens: number;
  at: number;
  /** Window mode: counts of the last WINDOW_SLOTS + 1 slots, newest last; `at` is the newest slot's number. */
  slots?: number[];
}

export const WINDOW_SLOTS = 60;

export interface TakeResult {
  allowed: boolean;
  state: BucketState;
  /** When the next token is available (0 when allowed). */
  retryAfterMs: number;
}

/** Window mode of `take`: counts per slot of perMs / WINDOW_SLOTS; the sum over the last WINDOW_SLOTS slots stays ≤ capacity. */
export function takeWindow(state: BucketState | undefined, spec: BucketSpec, now: number): TakeResult {
  const slotMs = spec.perMs / WINDOW_SLOTS;
  const slot = Math.floor(now / slotMs);
  // The current slot and the WINDOW_SLOTS before it: every request of the last perMs is in one of them.
  const n = WINDOW_SLOTS + 1;
  let slots = state?.slots ?? [];
  const shift = state ? Math.max(0, slot - state.at) : n;
  if (shift >= n) slots = new Array<number>(n).fill(0);
  else if (shift > 0) slots = [...slots.slice(shift), ...new Array<number>(shift).fill(0)];
  else slots = [...slots];
  const used = slots.reduce((a, b) => a + b, 0);
  if (used < spec.capacity) {
    slots[n - 1]! += 1;
    return { allowed: true, state: { tokens: spec.capacity - used - 1, at: slot, slots }, retryAfterMs: 0 };
  }
  // Wait until enough of the oldest slots have left the window to free one place.
  let excess = used - spec.capacity + 1;
  let i = 0;
  while (i < n && excess > 0) excess -= slots[i++]!;
  // The window holds slots slot-60 … slot; its oldest i slots have left once the current slot is slot + i.
  const freeAt = (slot + i) * slotMs;
  return { allowed: false, state: { tokens: 0, at: slot, slots }, retryAfterMs: Math.max(1, Math.ceil(freeAt - now)) };
}

export function take(state: BucketState | undefined, spec: BucketSpec, now: number): TakeResult {
  if (spec.window) return takeWindow(state, spec, now);
  const rate = spec.capacity / spec.perMs;
  const elapsed = state ? Math.max(0, now - state.at) : 0;
  const tokens = state ? Math.min(spec.capacity, state.tokens + elapsed * rate) : spec.capacity;
  if (tokens >= 1) return { allowed: true, state: { tokens: tokens - 1, at: now }, retryAfterMs: 0 };
  return { allowed: false, state: { tokens, at: now }, retryAfterMs: Math.ceil((1 - tokens) / rate) };
}

/**
 * Cost mode, for work whose cost is known only once it is done (the bytes of a snapshot): the bucket holds
 * `capacity` units and refills `capacity` per `perMs`; `debtWait` lets work start while the bucket is not
 * in debt, `charge` takes the cost afterwards (the bucket may go below zero; the next work then waits until
 * the refill has paid the debt).
 */
export function refill(state: BucketState | undefined, spec: BucketSpec, now: number): number {
  if (!state) return spec.capacity;
  return Math.min(spec.capacity, state.tokens + (Math.max(0, now - state.at) * spec.capacity) / spec.perMs);
}

/** Milliseconds until the bucket is out of debt (0: the work may start). */
export function debtWait(state: BucketState | undefined, spec: BucketSpec, now: number): number {
  const tokens = refill(state, spec, now);
  return tokens >= 0 ? 0 : Math.ceil((-tokens * spec.perMs) / spec.capacity);
}

export function charge(state: BucketState | undefined, spec: BucketSpec, now: number, cost: number): BucketState {
  return { tokens: refill(state, spec, now) - cost, at: now };
}

export class RateLimiter<K extends string> {
  private readonly buckets = new Map<string, BucketState>();

  constructor(private readonly specs: Record<K, BucketSpec>) {}

  /** Adds a kind (features declare theirs); an existing spec (an override from the options) wins. */
  define(kind: K, spec: BucketSpec): void {
    this.specs[kind] ??= spec;
  }

  specOf(kind: K): BucketSpec {
    return this.specs[kind];
  }

  /** Takes one token of `kind` for `key`; returns 0 when allowed, else the milliseconds to wait. */
  hit(kind: K, key: string, now: number): number {
    const id = `${kind}\u0000${key}`;
    const result = take(this.buckets.get(id), this.specs[kind], now);
    this.buckets.set(id, result.state);
    return result.retryAfterMs;
  }

  /** Cost mode (see `charge`): 0 when `kind`'s bucket for `key` is not in debt, else the milliseconds to wait. */
  debt(kind: K, key: string, now: number): number {
    return debtWait(this.buckets.get(`${kind}\u0000${key}`), this.specs[kind], now);
  }

  /** Cost mode: takes `cost` units from `kind`'s bucket for `key` (it may go into debt). */
  charge(kind: K, key: string, now: number, cost: number): void {
    const id = `${kind}\u0000${key}`;
    this.buckets.set(id, charge(this.buckets.get(id), this.specs[kind], now, cost));
  }

  /** Forgets buckets that have refilled completely (they behave exactly like a fresh bucket). */
  sweep(now: number): void {
    for (const [id, state] of this.buckets) {
      const kind = id.slice(0, id.indexOf('\u0000')) as K;
      const spec = this.specs[kind];
      const full = spec.window ? now - (state.at + 1) * (spec.perMs / WINDOW_SLOTS) >= spec.perMs : refill(state, spec, now) >= spec.capacity;
      if (full) this.buckets.delete(id);
    }
  }

  get size(): number {
    return this.buckets.size;
  }
}

/** The kernel's limits: per sender 100 commands per 10 s and 10 snapshots per 10 s; logins per IP address. Features add theirs. */
export const KERNEL_LIMITS: Record<string, BucketSpec> = {
  command: { capacity: 100, perMs: 10_000 },
  login: { capacity: 10, perMs: 60_000 },
  /** sync:snapshot per identity (attendee, else socket): a resync after each reconnect or gap, not a loop. */
  snapshot: { capacity: 10, perMs: 10_000 },
  /**
   * Snapshot bytes per event and view (cost mode; the shared part, serialised once per seq): 16 MB at once,
   * then 16 MB a second. A whole room resyncing after a network drop (5,000 × 30 KB) is served within ~9 s;
   * identities looping on a big snapshot (1,000 questions, ~250 KB with answered ones paged) get ~64 a
   * second between them, so they cannot fill the server's memory and sockets at everyone else's cost.
   */
  snapshotBytes: { capacity: 16 * 1024 * 1024, perMs: 1_000 },
};
