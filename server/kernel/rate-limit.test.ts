import { describe, expect, it } from 'vitest';
import { RateLimiter, take } from './rate-limit.js';

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
