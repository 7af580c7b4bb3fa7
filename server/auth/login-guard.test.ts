import { describe, expect, it } from 'vitest';
import { DEFAULT_GUARD_POLICY as P, LoginGuard } from './login-guard.js';

describe('login guard', () => {
  it('lets the first failures through at once, then makes each further attempt wait longer', () => {
    const g = new LoginGuard();
    let now = 0;
    for (let i = 0; i < P.slowAfter - 1; i++) {
      expect(g.check('a@x', '1.2.3.4', now)).toEqual({ allowed: true });
      g.failed('a@x', '1.2.3.4', now);
    }
    g.failed('a@x', '1.2.3.4', now);
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const d = g.check('a@x', '1.2.3.4', now);
      expect(d.allowed).toBe(false);
      if (d.allowed) return;
      waits.push(d.retryAfterMs);
      now += d.retryAfterMs;
      expect(g.check('a@x', '1.2.3.4', now).allowed).toBe(true);
      g.failed('a@x', '1.2.3.4', now);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000]);
  });

  it('locks the account from that address after lockAfter failures, even for the right password, until lockMs passed', () => {
    const g = new LoginGuard();
    let now = 0;
    for (let i = 0; i < P.lockAfter; i++) {
      const d = g.check('a@x', 'evil', now);
      if (!d.allowed) now += d.retryAfterMs;
      g.failed('a@x', 'evil', now);
    }
    const locked = g.check('a@x', 'evil', now + 60_000);
    expect(locked).toEqual({ allowed: false, retryAfterMs: P.lockMs - 60_000, locked: true });
    // The organizer at another address is not locked out (only slowed once the account total is high).
    expect(g.check('a@x', 'office', now + 1).allowed).toBe(true);
    expect(g.check('a@x', 'evil', now + P.lockMs).allowed).toBe(true);
  });

  it('slows an account attacked from many addresses without locking it', () => {
    const g = new LoginGuard();
    const now = 0;
    for (let i = 0; i < P.accountSlowAfter; i++) g.failed('a@x', `10.0.0.${i}`, now);
    const d = g.check('a@x', 'fresh', now);
    expect(d).toEqual({ allowed: false, retryAfterMs: P.baseDelayMs, locked: false });
    expect(g.check('b@x', 'fresh', now).allowed).toBe(true);
  });

  it('forgets failures after the window and a success clears the pair', () => {
    const g = new LoginGuard();
    for (let i = 0; i < P.slowAfter; i++) g.failed('a@x', 'ip', 0);
    expect(g.check('a@x', 'ip', 0).allowed).toBe(false);
    expect(g.check('a@x', 'ip', P.windowMs + 1).allowed).toBe(true);
    g.succeeded('a@x', 'ip');
    expect(g.check('a@x', 'ip', 1).allowed).toBe(true);
    g.sweep(P.windowMs + 1);
  });
});
