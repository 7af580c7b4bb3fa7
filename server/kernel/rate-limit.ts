/**
 * Token buckets. `take` is pure (state in, state out, time passed in); RateLimiter keeps one bucket per
 * (kind, key) in memory and never reads the clock itself.
 */
export interface BucketSpec {
  /** Burst size. */
  capacity: number;
  /** How long it takes to refill the whole bucket. */
  perMs: number;
}

export interface BucketState {
  tokens: number;
  at: number;
}

export interface TakeResult {
  allowed: boolean;
  state: BucketState;
  /** When the next token is available (0 when allowed). */
  retryAfterMs: number;
}

export function take(state: BucketState | undefined, spec: BucketSpec, now: number): TakeResult {
  const rate = spec.capacity / spec.perMs;
  const elapsed = state ? Math.max(0, now - state.at) : 0;
  const tokens = state ? Math.min(spec.capacity, state.tokens + elapsed * rate) : spec.capacity;
  if (tokens >= 1) return { allowed: true, state: { tokens: tokens - 1, at: now }, retryAfterMs: 0 };
  return { allowed: false, state: { tokens, at: now }, retryAfterMs: Math.ceil((1 - tokens) / rate) };
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

  /** Forgets buckets that have refilled completely (they behave exactly like a fresh bucket). */
  sweep(now: number): void {
    for (const [id, state] of this.buckets) {
      const kind = id.slice(0, id.indexOf('\u0000')) as K;
      const spec = this.specs[kind];
      if (now - state.at >= spec.perMs) this.buckets.delete(id);
    }
  }

  get size(): number {
    return this.buckets.size;
  }
}

/** The kernel's limits: per sender 100 commands per 10 s; logins per IP address. Features add theirs. */
export const KERNEL_LIMITS: Record<string, BucketSpec> = {
  command: { capacity: 100, perMs: 10_000 },
  login: { capacity: 10, perMs: 60_000 },
};
