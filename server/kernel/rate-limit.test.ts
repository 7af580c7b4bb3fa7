import { describe, expect, it } from 'vitest';
import { charge, debtWait, KERNEL_LIMITS, RateLimiter, refill, take } from './rate-limit.js';

describe('token bucket', () => {
  const spec = { capacity: 3, perMs: 60_000 };

  it('allows a burst of capacity, then refuses with the time until the next token', () => {
    let state;
    for (let i = 0; i < 3; i++) {
      const r = take(state, spec, 1000);
      expect(r.allowed).toBe(true);
      state = r.state;
    }
    const refused = take(state, spec, 1000);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBe(20_000);
    const later = take(refused.state, spec, 11_000);
    expect(later.allowed).toBe(false);
    expect(later.retryAfterMs).toBe(10_000);
    expect(take(later.state, spec, 21_000).allowed).toBe(true);
  });

  it('refills continuously but never above capacity', () => {
    const drained = { tokens: 0, at: 0 };
    expect(take(drained, spec, 1_000_000).state.tokens).toBe(2);
  });

  it('keeps separate buckets per kind and key, and sweeps full ones', () => {
    const limiter = new RateLimiter({ vote: { capacity: 2, perMs: 10_000 }, question: { capacity: 1, perMs: 60_000 } });
    expect(limiter.hit('vote', 'a', 0)).toBe(0);
    expect(limiter.hit('vote', 'a', 0)).toBe(0);
    expect(limiter.hit('vote', 'a', 0)).toBe(5000);
    expect(limiter.hit('vote', 'b', 0)).toBe(0);
    expect(limiter.hit('question', 'a', 0)).toBe(0);
    limiter.sweep(10_000);
    expect(limiter.size).toBe(1);
    limiter.sweep(60_000);
    expect(limiter.size).toBe(0);
  });
});

describe('sliding window ("N per minute")', () => {
  const spec = { capacity: 3000, perMs: 60_000, window: true };

  function run(times: number[]): { allowed: number[]; waits: number[] } {
    const limiter = new RateLimiter({ join: spec });
    const allowed: number[] = [];
    const waits: number[] = [];
    for (const t of times) {
      const wait = limiter.hit('join', 'ip', t);
      if (wait === 0) allowed.push(t);
      else waits.push(wait);
    }
    return { allowed, waits };
  }

  /** The most requests allowed inside any window of perMs. */
  function maxInAnyWindow(allowed: number[]): number {
    let best = 0;
    let start = 0;
    for (let end = 0; end < allowed.length; end++) {
      while (allowed[end]! - allowed[start]! >= spec.perMs) start++;
      best = Math.max(best, end - start + 1);
    }
    return best;
  }

  it('never lets more than N through in any minute, whatever the arrival pattern', () => {
    const patterns: Array<[string, number[]]> = [
      ['steady 200/s for 3 min', Array.from({ length: 36_000 }, (_, i) => i * 5)],
      ['bursts at each minute edge', Array.from({ length: 12_000 }, (_, i) => (Math.floor(i / 4000) + 1) * 60_000 - 1 + (i % 4000 < 2000 ? 0 : 1))],
      ['all at once, then a trickle', [...new Array<number>(5000).fill(0), ...Array.from({ length: 5000 }, (_, i) => 100 + i * 20)]],
      ['late burst then early burst', [...new Array<number>(4000).fill(59_000), ...new Array<number>(4000).fill(61_000)]],
    ];
    for (const [name, times] of patterns) {
      const { allowed } = run(times);
      expect(maxInAnyWindow(allowed), name).toBeLessThanOrEqual(3000);
    }
  });

  it('lets N through in the first minute (not 2N as a refilling bucket would) and frees places as the window moves', () => {
    const times = Array.from({ length: 12_000 }, (_, i) => i * 5); // 200/s for one minute
    const { allowed } = run(times);
    expect(allowed.filter((t) => t < 60_000).length).toBe(3000);
    const bucket = new RateLimiter({ join: { capacity: 3000, perMs: 60_000 } });
    expect(times.filter((t) => bucket.hit('join', 'ip', t) === 0).length).toBeGreaterThan(5000);
  });

  it('says how long to wait: until the oldest counted slot leaves the window', () => {
    const limiter = new RateLimiter({ join: { capacity: 2, perMs: 60_000, window: true } });
    expect(limiter.hit('join', 'ip', 10_500)).toBe(0);
    expect(limiter.hit('join', 'ip', 30_000)).toBe(0);
    const wait = limiter.hit('join', 'ip', 31_000);
    // The first request's slot (10–11 s) leaves the window at 71 s.
    expect(wait).toBe(40_000);
    expect(limiter.hit('join', 'ip', 31_000 + wait - 1)).toBeGreaterThan(0);
    expect(limiter.hit('join', 'ip', 31_000 + wait)).toBe(0);
  });

  it('is swept once the whole window has passed', () => {
    const limiter = new RateLimiter({ join: spec });
    limiter.hit('join', 'ip', 0);
    limiter.sweep(59_999);
    expect(limiter.size).toBe(1);
    limiter.sweep(61_000);
    expect(limiter.size).toBe(0);
  });
});

describe('cost buckets (snapshot bytes)', () => {
  const spec = { capacity: 1000, perMs: 1000 };

  it('let work start while not in debt, charge afterwards, and make the next wait until the refill paid the debt', () => {
    expect(debtWait(undefined, spec, 0)).toBe(0);
    let state = charge(undefined, spec, 0, 600);
    expect(debtWait(state, spec, 0)).toBe(0);
    state = charge(state, spec, 0, 900); // 400 - 900 = -500: in debt
    expect(debtWait(state, spec, 0)).toBe(500);
    expect(debtWait(state, spec, 250)).toBe(250);
    expect(debtWait(state, spec, 500)).toBe(0);
    // Refilled, never above capacity.
    expect(refill(state, spec, 1_000_000)).toBe(1000);
  });

  it('are kept per key by the limiter, and swept once full again', () => {
    const limiter = new RateLimiter({ bytes: spec });
    limiter.charge('bytes', 'ev1:pub', 0, 1500);
    expect(limiter.debt('bytes', 'ev1:pub', 0)).toBe(500);
    expect(limiter.debt('bytes', 'ev1:staff', 0)).toBe(0);
    limiter.sweep(1000);
    expect(limiter.size).toBe(1);
    limiter.sweep(1500);
    expect(limiter.size).toBe(0);
  });
});

describe('the documented snapshot limits (docs/protocol.md, Limits)', () => {
  it('are the defaults: 10 per 10 s per identity; 16 MB at once, then 16 MB a second per event and view', () => {
    expect(KERNEL_LIMITS.snapshot).toEqual({ capacity: 10, perMs: 10_000 });
    expect(KERNEL_LIMITS.snapshotBytes).toEqual({ capacity: 16 * 1024 * 1024, perMs: 1_000 });
  });
});
