import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QaSettings } from '../../../shared/qa/schemas.js';
import { detectVoteBurst, lookbackFrom, ruleOf, sameAlert, type RecentVote, type VoteAlertRule } from './vote-alert.js';

const RULE: VoteAlertRule = { votes: 25, windowMs: 60_000, newWithinMs: 5 * 60_000 };
const T = Date.parse('2026-03-01T10:00:00.000Z');
const MIN = 60_000;

/** n votes from identities created `age` ms before their vote, the i-th at start + i * step. */
function votes(n: number, opts: { start?: number; step?: number; age?: number; tag?: (i: number) => string | null; prefix?: string } = {}): RecentVote[] {
  const { start = T, step = 100, age = 1000, tag = () => null, prefix = 'a' } = opts;
  return Array.from({ length: n }, (_, i) => ({ attendeeId: `${prefix}${i}`, votedAt: start + i * step, joinedAt: start + i * step - age, joinTag: tag(i) }));
}

describe('detectVoteBurst: boundaries', () => {
  it('flags exactly N new votes within W, not N - 1', () => {
    expect(detectVoteBurst(votes(24), RULE)).toBeNull();
    const burst = detectVoteBurst(votes(25), RULE);
    expect(burst?.alert).toEqual({ newVoters: 25, sharedAddress: 0, since: new Date(T).toISOString() });
    expect(burst?.flagged).toHaveLength(25);
  });

  it('the window is inclusive: N votes spanning exactly W flag, spanning W + 1 ms do not', () => {
    const span = (ms: number) => votes(25).map((v, i) => (i === 24 ? { ...v, votedAt: T + ms, joinedAt: T + ms - 1000 } : v));
    expect(detectVoteBurst(span(60_000), RULE)).not.toBeNull();
    expect(detectVoteBurst(span(60_001), RULE)).toBeNull();
  });

  it('a voter is new up to T minutes after joining (inclusive), not a millisecond later', () => {
    expect(detectVoteBurst(votes(30, { age: 5 * MIN }), RULE)?.alert.newVoters).toBe(30);
    expect(detectVoteBurst(votes(30, { age: 5 * MIN + 1 }), RULE)).toBeNull();
  });

  it('counts only new voters: 24 new and 100 long-present in one second do not flag', () => {
    const mixed = [...votes(24), ...votes(100, { age: 2 * 60 * MIN, prefix: 'old', step: 10 })];
    expect(detectVoteBurst(mixed, RULE)).toBeNull();
    const flagged = detectVoteBurst([...votes(25), ...votes(100, { age: 2 * 60 * MIN, prefix: 'old', step: 10 })], RULE);
    expect(flagged?.flagged.every((id) => !id.startsWith('old'))).toBe(true);
    expect(flagged?.alert.newVoters).toBe(25);
  });

  it('dismissal boundary: votes after it must reach N on their own', () => {
    const all = votes(40, { step: 1000 });
    // votes at T+0 … T+39 s; cleared at T+15 s leaves 24 (T+16 … T+39 s), cleared at T+14 s leaves 25.
    expect(detectVoteBurst(all, RULE, T + 15_000)).toBeNull();
    expect(detectVoteBurst(all, RULE, T + 14_999)?.alert).toEqual({ newVoters: 25, sharedAddress: 0, since: new Date(T + 15_000).toISOString() });
  });

  it('reports the largest group of flagged voters that joined from one address', () => {
    const burst = detectVoteBurst(votes(30, { tag: (i) => (i < 18 ? 'x' : i < 25 ? 'y' : null) }), RULE);
    expect(burst?.alert.sharedAddress).toBe(18);
    expect(detectVoteBurst(votes(30, { tag: (i) => `t${i}` }), RULE)?.alert.sharedAddress).toBe(0);
  });

  it('flags only the votes that lie in a burst window, not a trickle before it', () => {
    const trickle = votes(10, { start: T - 20 * MIN, step: 2 * MIN, prefix: 't' });
    const burst = detectVoteBurst([...trickle, ...votes(25)], RULE);
    expect(burst?.alert.newVoters).toBe(25);
    expect(burst?.flagged.some((id) => id.startsWith('t'))).toBe(false);
  });

  it('a voter whose identity appears newer than the vote (clock skew) counts as new', () => {
    expect(detectVoteBurst(votes(25, { age: -500 }), RULE)).not.toBeNull();
  });

  it('lookback covers the current alert and never reaches before the dismissal', () => {
    expect(lookbackFrom(T, RULE, null, null)).toBe(T - 60_000);
    expect(lookbackFrom(T, RULE, { newVoters: 30, sharedAddress: 0, since: new Date(T - 10 * MIN).toISOString() }, null)).toBe(T - 11 * MIN);
    expect(lookbackFrom(T, RULE, null, T - 10_000)).toBe(T - 10_000);
  });

  it('ruleOf: off when the setting is off; the defaults are 25 votes in 60 s from identities under 5 min old', () => {
    const s = QaSettings.parse({});
    expect(ruleOf(s)).toEqual(RULE);
    expect(ruleOf({ ...s, voteAlert: false })).toBeNull();
  });

  it('sameAlert compares the three fields', () => {
    const a = { newVoters: 1, sharedAddress: 0, since: 'x' };
    expect(sameAlert(a, { ...a })).toBe(true);
    expect(sameAlert(a, { ...a, newVoters: 2 })).toBe(false);
    expect(sameAlert(null, null)).toBe(true);
    expect(sameAlert(a, null)).toBe(false);
  });
});

// ---- properties over the class ----

const rules = fc.record({
  votes: fc.integer({ min: 3, max: 40 }),
  windowMs: fc.integer({ min: 5, max: 600 }).map((s) => s * 1000),
  newWithinMs: fc.integer({ min: 1, max: 60 }).map((m) => m * MIN),
});

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('detectVoteBurst: properties', () => {
  it('organic voting by long-present attendees never flags, however many vote at once', () => {
    fc.assert(
      fc.property(rules, fc.array(fc.record({ at: fc.integer({ min: 0, max: 3_600_000 }), extra: fc.integer({ min: 1, max: 10 * 24 * 60 * MIN }), tag: fc.constantFrom('x', 'y', null) }), { maxLength: 400 }), (rule, raw) => {
        const list = raw.map((r, i) => ({ attendeeId: `a${i}`, votedAt: T + r.at, joinedAt: T + r.at - rule.newWithinMs - r.extra, joinTag: r.tag }));
        expect(detectVoteBurst(list, rule)).toBeNull();
      }),
    );
  });

  it('a slow trickle of new voters (fewer than N in any window) never flags', () => {
    fc.assert(
      fc.property(rules, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 2 ** 31 }), (rule, n, seed) => {
        // Spaced so that any window of W holds at most N - 1 of them: W / (N - 1) + 1 ms apart.
        const step = Math.floor(rule.windowMs / (rule.votes - 1)) + 1;
        const list = votes(n, { step, age: 0, tag: () => 'one-address' });
        expect(detectVoteBurst(shuffled(list, seed), rule)).toBeNull();
      }),
    );
  });

  it('a burst of N or more new voters within W flags, in any order and among any organic votes', () => {
    fc.assert(
      fc.property(
        rules,
        fc.integer({ min: 0, max: 60 }),
        fc.array(fc.integer({ min: 0, max: 3_600_000 }), { maxLength: 200 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 0, max: 3_600_000 }),
        (rule, more, organic, seed, start) => {
          const n = rule.votes + more;
          const step = Math.floor(rule.windowMs / (n - 1));
          const burst = votes(n, { start: T + start, step, age: rule.newWithinMs, prefix: 'new', tag: (i) => (i % 2 ? 'x' : null) });
          const old = organic.map((at, i) => ({ attendeeId: `old${i}`, votedAt: T + at, joinedAt: T + at - rule.newWithinMs - 1, joinTag: 'x' }));
          const found = detectVoteBurst(shuffled([...burst, ...old], seed), rule);
          expect(found).not.toBeNull();
          expect(found!.alert.newVoters).toBe(n);
          expect(new Set(found!.flagged)).toEqual(new Set(burst.map((v) => v.attendeeId)));
          expect(found!.alert.since).toBe(new Date(T + start).toISOString());
          expect(found!.alert.sharedAddress).toBe(Math.floor(n / 2) >= 2 ? Math.floor(n / 2) : 0);
        },
      ),
    );
  });

  it('the result does not depend on the order of the votes', () => {
    fc.assert(
      fc.property(
        rules,
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 300_000 }), age: fc.integer({ min: 0, max: 20 * MIN }), tag: fc.constantFrom('x', 'y', null) }), { maxLength: 200 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (rule, raw, seed) => {
          const list = raw.map((r, i) => ({ attendeeId: `a${i}`, votedAt: T + r.at, joinedAt: T + r.at - r.age, joinTag: r.tag }));
          const a = detectVoteBurst(list, rule);
          const b = detectVoteBurst(shuffled(list, seed), rule);
          expect(b?.alert ?? null).toEqual(a?.alert ?? null);
          expect(new Set(b?.flagged ?? [])).toEqual(new Set(a?.flagged ?? []));
          // Every flagged vote is new, and there are at least N of them.
          if (a) {
            expect(a.flagged.length).toBeGreaterThanOrEqual(rule.votes);
            const byId = new Map(list.map((v) => [v.attendeeId, v]));
            for (const id of a.flagged) expect(byId.get(id)!.votedAt - byId.get(id)!.joinedAt).toBeLessThanOrEqual(rule.newWithinMs);
          }
        },
      ),
    );
  });
});
