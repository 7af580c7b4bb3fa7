import { describe, expect, it } from 'vitest';
import type { PlanRequest } from '../../../shared/breakouts/engine.js';
import { planGroups, randomBaseline } from './plan.js';
import { createRng, shuffle } from './rng.js';
import { check, people } from './testing.js';

/** Small work budget: property runs must be quick; quality is tested in quality.test.ts. */
const quick = { maxWork: 3e6 };

function plan(request: PlanRequest, options = quick) {
  const res = planGroups(request, options);
  if (!res.ok) throw new Error(`unexpected error: ${res.error.message}`);
  return res.value;
}

describe('bad input gives a typed error, never an exception', () => {
  const ten = people(10);
  it.each<[string, PlanRequest, string]>([
    ['no people', { people: [], size: 3, rounds: 1 }, 'no_people'],
    ['duplicate id', { people: [{ id: 'a' }, { id: 'a' }], size: 1, rounds: 1 }, 'duplicate_id'],
    ['more groups than people', { people: ten, groups: 11, rounds: 1 }, 'invalid_group_count'],
    ['zero groups', { people: ten, groups: 0, rounds: 1 }, 'invalid_group_count'],
    ['size 0', { people: ten, size: 0, rounds: 1 }, 'invalid_size'],
    ['negative size', { people: ten, size: -2, rounds: 1 }, 'invalid_size'],
    ['fractional size', { people: ten, size: 2.5, rounds: 1 }, 'invalid_size'],
    ['zero rounds', { people: ten, size: 2, rounds: 0 }, 'invalid_rounds'],
    ['size and groups', { people: ten, size: 2, groups: 5, rounds: 1 }, 'invalid_input'],
    ['neither size nor groups', { people: ten, rounds: 1 }, 'invalid_input'],
    ['not an array', { people: 'x' as never, size: 2, rounds: 1 }, 'invalid_input'],
    ['unknown id in apart', { people: ten, size: 2, rounds: 1, constraints: { apart: [['p1', 'zz']] } }, 'unknown_id'],
    ['unknown id in together', { people: ten, size: 2, rounds: 1, constraints: { together: [['p1', 'zz']] } }, 'unknown_id'],
    ['together set larger than a group', { people: ten, size: 2, rounds: 1, constraints: { together: [['p1', 'p2', 'p3']] } }, 'together_too_large'],
    ['overlapping together sets larger than a group', { people: ten, size: 3, rounds: 1, constraints: { together: [['p1', 'p2'], ['p2', 'p3'], ['p3', 'p4']] } }, 'together_too_large'],
    ['pair both apart and together', { people: ten, size: 5, rounds: 1, constraints: { apart: [['p1', 'p2']], together: [['p2', 'p1']] } }, 'contradictory_constraints'],
    ['apart through a merged together set', { people: ten, size: 5, rounds: 1, constraints: { apart: [['p1', 'p3']], together: [['p1', 'p2'], ['p2', 'p3']] } }, 'contradictory_constraints'],
    ['more to keep apart than groups', { people: ten, size: 5, rounds: 1, constraints: { apart: [['p1', 'p2', 'p3']] } }, 'apart_too_large'],
    ['spread by an attribute nobody has', { people: ten, size: 5, rounds: 1, constraints: { spread: ['company'] } }, 'unknown_attribute'],
    ['set with one person', { people: ten, size: 5, rounds: 1, constraints: { apart: [['p1', 'p1']] } }, 'invalid_input'],
    ['negative time limit', { people: ten, size: 5, rounds: 1, timeLimitMs: -1 }, 'invalid_input'],
  ])('%s', (_label, request, code) => {
    const res = planGroups(request, quick);
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe(code);
      expect(res.error.message.length).toBeGreaterThan(10);
    }
  });

  it('names the unknown ids in the message', () => {
    const res = planGroups({ people: people(4), size: 2, rounds: 1, constraints: { apart: [['p0', 'ghost']] } });
    expect(!res.ok && res.error.message).toContain('"ghost"');
  });
});

describe('sizes', () => {
  it('size is the largest group: 32 people in groups of 5 → 7 groups of 4–5', () => {
    const out = plan({ people: people(32), size: 5, rounds: 2, seed: 3 });
    expect(out.rounds[0]).toHaveLength(7);
    expect(out.report.maxSize).toBe(5);
    expect(out.report.minSize).toBe(4);
    expect(out.report.sizeSpread).toBe(1);
  });

  it('one person, one group; a size larger than everyone makes one group', () => {
    expect(plan({ people: people(1), size: 4, rounds: 3 }).rounds).toEqual([[['p0']], [['p0']], [['p0']]]);
    expect(plan({ people: people(5), size: 9, rounds: 1 }).rounds[0]).toHaveLength(1);
  });

  it('as many groups as people gives singletons and reports no repeats', () => {
    const out = plan({ people: people(6), groups: 6, rounds: 3 });
    expect(out.rounds.every((r) => r.every((g) => g.length === 1))).toBe(true);
    expect(out.report.repeatedPairs).toBe(0);
  });
});

describe('random instances (property)', () => {
  const seeds = Array.from({ length: 40 }, (_, i) => i + 1);
  it.each(seeds)('seed %i: partition, ±1 sizes, honest report, determinism', (seed) => {
    const rng = createRng(seed * 101);
    const n = 2 + rng.int(60);
    const byGroups = rng.int(2) === 0;
    const G = 1 + rng.int(Math.min(n, 12));
    const companies = 1 + rng.int(6);
    const ppl = people(n, (i) => ({ company: `c${(i * 7 + seed) % companies}`, role: rng.int(3) === 0 ? '' : `r${rng.int(3)}` }));
    const ids = shuffle(ppl.map((p) => p.id), rng);
    const constraints: PlanRequest['constraints'] = {};
    const size = byGroups ? undefined : Math.max(1, Math.ceil(n / G));
    const groups = byGroups ? G : Math.ceil(n / size!);
    const maxSize = Math.ceil(n / groups);
    if (n >= 6 && groups >= 2 && rng.int(2) === 0) constraints.apart = [[ids[0]!, ids[1]!]];
    if (n >= 6 && maxSize >= 2 && rng.int(2) === 0) constraints.together = [[ids[2]!, ids[3]!]];
    if (rng.int(2) === 0) constraints.spread = ['company'];
    const history = rng.int(2) === 0 ? [[ids.slice(0, Math.ceil(n / 2)), ids.slice(Math.ceil(n / 2))]] : undefined;
    const request: PlanRequest = {
      people: ppl, ...(byGroups ? { groups: G } : { size }), rounds: 1 + rng.int(5), seed, constraints, history,
    };
    const a = plan(request);
    const checked = check(request, a);
    expect(checked.maxSize - checked.minSize).toBeLessThanOrEqual(1);
    expect(checked.minSize).toBeGreaterThanOrEqual(1);
    expect(a.report.sizeSpread).toBe(checked.maxSize - checked.minSize);
    expect(a.report.repeatedPairs).toBe(checked.repeats);
    expect(a.report.repeatedPairs).toBeGreaterThanOrEqual(a.report.repeatLowerBound);
    expect(a.report.violations.filter((v) => v.kind === 'apart')).toHaveLength(checked.apart);
    expect(a.report.violations.filter((v) => v.kind === 'spread')).toHaveLength(checked.spread);
    expect(a.report.violations.filter((v) => v.kind === 'together')).toHaveLength(checked.together);
    // these small instances are all feasible: one apart pair, one together pair, one spread attribute
    expect(checked.apart + checked.together).toBe(0);
    const b = plan(request);
    expect(b.rounds).toEqual(a.rounds);
  });

  it('different seeds give different schedules', () => {
    const r1 = plan({ people: people(30), size: 5, rounds: 2, seed: 1 });
    const r2 = plan({ people: people(30), size: 5, rounds: 2, seed: 2 });
    expect(r1.rounds).not.toEqual(r2.rounds);
  });
});

describe('constraints', () => {
  it('keeps apart sets apart and together sets together in every round (planted feasible instance)', () => {
    for (let seed = 1; seed <= 15; seed++) {
      const rng = createRng(seed);
      const n = 24 + rng.int(30);
      const ppl = people(n);
      const ids = shuffle(ppl.map((p) => p.id), rng);
      const groups = 4 + rng.int(3);
      // disjoint sets, each smaller than the group count / the smallest group: feasible together
      const apart = [ids.slice(0, groups), ids.slice(groups, groups + 3)];
      const together = [ids.slice(groups + 3, groups + 5), ids.slice(groups + 5, groups + 7)];
      const request: PlanRequest = { people: ppl, groups, rounds: 3, seed, constraints: { apart, together } };
      const out = plan(request);
      const c = check(request, out);
      expect(c.apart + c.together, `seed ${seed}`).toBe(0);
      expect(out.report.violations).toEqual([]);
    }
  });

  it('spreads an attribute: no group holds more than its fair share of one company', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const rng = createRng(seed);
      const n = 30 + rng.int(40);
      const ppl = people(n, () => ({ company: ['ACME', 'Globex', 'Initech', 'Umbrella'][Math.min(3, rng.int(6))]! }));
      const request: PlanRequest = { people: ppl, size: 5, rounds: 3, seed, constraints: { spread: ['company'] } };
      const out = plan(request);
      expect(check(request, out).spread, `seed ${seed}`).toBe(0);
      expect(out.report.violations).toEqual([]);
    }
  });

  it('spreads two attributes and an apart set at once on a 10,000-person round', () => {
    const ppl = people(10_000, (i) => ({ company: `c${i % 97}`, role: `r${i % 5}` }));
    const request: PlanRequest = {
      people: ppl, size: 8, rounds: 1, seed: 4,
      constraints: { spread: ['company', 'role'], apart: [['p1', 'p2', 'p3', 'p4']] },
    };
    const out = plan(request, { maxWork: 5e7 });
    expect(check(request, out)).toMatchObject({ spread: 0, apart: 0 });
  });

  it('reports, rather than fails, rules that cannot all hold', () => {
    // three colleagues must stay together, but company spread allows one per group
    const ppl = people(12, (i) => ({ company: i < 3 ? 'ACME' : `solo${i}` }));
    const request: PlanRequest = {
      people: ppl, size: 4, rounds: 2, seed: 1, constraints: { together: [['p0', 'p1', 'p2']], spread: ['company'] },
    };
    const out = plan(request);
    const spread = out.report.violations.filter((v) => v.kind === 'spread');
    expect(spread).toHaveLength(2); // one per round
    expect(spread[0]).toMatchObject({ attribute: 'company', value: 'ACME', limit: 1 });
    expect(spread[0]!.ids.sort()).toEqual(['p0', 'p1', 'p2']);
    expect(check(request, out).together).toBe(0);
  });

  it('reports together sets that cannot be placed whole', () => {
    // groups of 3 and 3; two sets of two cannot both fit with a third set of two
    const request: PlanRequest = {
      people: people(6), groups: 2, rounds: 1, seed: 1,
      constraints: { together: [['p0', 'p1'], ['p2', 'p3'], ['p4', 'p5']] },
    };
    const out = plan(request);
    const c = check(request, out);
    expect(c.together).toBe(1);
    expect(out.report.violations.filter((v) => v.kind === 'together')).toHaveLength(1);
  });

  it('together members never count as repeats', () => {
    const request: PlanRequest = { people: people(20), size: 4, rounds: 4, seed: 2, constraints: { together: [['p0', 'p1']] } };
    const out = plan(request);
    expect(out.report.repeatedPairs).toBe(check(request, out).repeats);
    expect(out.report.repeats.some((r) => (r.a === 'p0' && r.b === 'p1') || (r.a === 'p1' && r.b === 'p0'))).toBe(false);
  });
});

describe('pinned people', () => {
  it('stay in their group (every round, or the one round named) while the rest is planned around them', () => {
    const ppl = people(23);
    const request: PlanRequest = {
      people: ppl, size: 4, rounds: 3, seed: 5,
      pinned: [{ id: 'p0', group: 2 }, { id: 'p1', group: 2 }, { id: 'p2', group: 5, round: 1 }],
      constraints: { together: [['p2', 'p3']] },
    };
    const out = plan(request);
    const c = check(request, out);
    expect(c.maxSize - c.minSize).toBeLessThanOrEqual(1);
    for (const round of out.rounds) expect(round[2]).toEqual(expect.arrayContaining(['p0', 'p1']));
    expect(out.rounds[1]![5]).toEqual(expect.arrayContaining(['p2', 'p3']));
    expect(c.together).toBe(0);
  });

  it('a reshuffle keeps the locked people and moves the others', () => {
    const ppl = people(40);
    const first = plan({ people: ppl, size: 5, rounds: 1, seed: 1 });
    const locked = [first.rounds[0]![0]![0]!, first.rounds[0]![3]![1]!, first.rounds[0]![3]![2]!];
    const pinned = locked.map((id) => ({ id, group: first.rounds[0]!.findIndex((g) => g.includes(id)) }));
    const again = plan({ people: ppl, size: 5, rounds: 1, seed: 2, pinned });
    for (const pin of pinned) expect(again.rounds[0]![pin.group]).toContain(pin.id);
    expect(again.rounds[0]).not.toEqual(first.rounds[0]);
  });

  it('make the pinned group one of the larger ones when it needs the room', () => {
    // 10 people in 3 groups: sizes 4, 3, 3 — four pinned into the last group makes it the large one
    const pinned = ['p0', 'p1', 'p2', 'p3'].map((id) => ({ id, group: 2 }));
    const out = plan({ people: people(10), groups: 3, rounds: 2, seed: 1, pinned });
    for (const round of out.rounds) {
      expect(round.map((g) => g.length)).toEqual([3, 3, 4]);
      expect(round[2]!.sort()).toEqual(['p0', 'p1', 'p2', 'p3']);
    }
  });

  it.each<[string, PlanRequest['pinned'], string]>([
    ['unknown id', [{ id: 'ghost', group: 0 }], 'unknown_id'],
    ['group out of range', [{ id: 'p0', group: 3 }], 'invalid_input'],
    ['round out of range', [{ id: 'p0', group: 0, round: 2 }], 'invalid_input'],
    ['two groups in one round', [{ id: 'p0', group: 0 }, { id: 'p0', group: 1, round: 1 }], 'contradictory_constraints'],
    ['two groups through a together set', [{ id: 'p0', group: 0 }, { id: 'p5', group: 1 }], 'contradictory_constraints'],
    ['more than a group holds', ['p0', 'p1', 'p2', 'p3', 'p4'].map((id) => ({ id, group: 0 })), 'invalid_input'],
    ['too many large groups', [['p1', 'p2', 'p3', 'p4'], ['p6', 'p7', 'p8', 'p9']].flatMap((ids, group) => ids.map((id) => ({ id, group }))), 'invalid_input'],
  ])('reject %s', (_label, pinned, code) => {
    // 10 people, 3 groups (4, 3, 3), 2 rounds; p0 and p5 must stay together
    const res = planGroups({ people: people(10), groups: 3, rounds: 2, pinned, constraints: { together: [['p0', 'p5']] } }, quick);
    expect(!res.ok && res.error.code).toBe(code);
  });
});

describe('history', () => {
  it('avoids pairs that met in earlier rounds of the event', () => {
    const ppl = people(24);
    const first = plan({ people: ppl, size: 4, rounds: 2, seed: 1 });
    expect(first.report.repeatedPairs).toBe(0);
    const next = plan({ people: ppl, size: 4, rounds: 1, seed: 1, history: first.rounds });
    const request = { people: ppl, size: 4, rounds: 1, history: first.rounds };
    expect(check(request, next).repeats).toBe(0);
    expect(next.report.repeatedPairs).toBe(0);
  });

  it('counts history in the report and ignores people who left', () => {
    const history = [[['p0', 'p1', 'gone'], ['p2', 'p3']]];
    const ppl = people(4);
    const out = plan({ people: ppl, groups: 1, rounds: 1, history });
    expect(out.report.repeatedPairs).toBe(2); // p0-p1 and p2-p3 meet again; 'gone' is not present
    expect(out.report.repeats.map((r) => [r.a, r.b, r.historyMeetings])).toEqual(
      expect.arrayContaining([['p0', 'p1', 1], ['p2', 'p3', 1]]),
    );
  });

  it('a lower bound is reported when the sizes force repeats, and the search reaches it', () => {
    // 9 people, groups of 3, 5 rounds: each meets 10 > 8 others → every person repeats at least 2 times
    const out = plan({ people: people(9), size: 3, rounds: 5, seed: 1 }, { maxWork: 5e7 });
    expect(out.report.repeatLowerBound).toBe(9);
    expect(out.report.repeatedPairs).toBe(9);
  });
});

describe('budget', () => {
  it('stops at the time limit on an instance it cannot finish', () => {
    let now = 0;
    const clock = (): number => (now += 1); // every reading advances 1 ms
    const res = planGroups({ people: people(150), size: 10, rounds: 10, seed: 1, timeLimitMs: 200 }, { clock, maxWork: 1e12 });
    expect(res.ok).toBe(true);
    if (res.ok) {
      expect(res.value.report.elapsedMs).toBeLessThan(400);
      expect(res.value.report.repeatedPairs).toBeGreaterThan(0);
    }
  });

  it('stops at the work bound without a clock', () => {
    const res = planGroups({ people: people(150), size: 10, rounds: 10, seed: 1 }, { maxWork: 2e6 });
    expect(res.ok && res.value.report.iterations).toBeGreaterThan(0);
  });
});

describe('search on its own (designs off)', () => {
  it('finds a zero-repeat 32-4-8 schedule by tabu search', () => {
    const request: PlanRequest = { people: people(32), size: 4, rounds: 8, seed: 1 };
    const out = plan(request, { maxWork: 3e9, designs: false } as never);
    expect(out.report.method).toBe('search');
    expect(check(request, out).repeats).toBe(0);
  });
});

describe('random baseline', () => {
  it('deals balanced groups and measures them the same way', () => {
    const request: PlanRequest = { people: people(30), size: 5, rounds: 5, seed: 1 };
    const res = randomBaseline(request);
    expect(res.ok).toBe(true);
    if (res.ok) {
      expect(res.value.report.method).toBe('random');
      expect(res.value.report.repeatedPairs).toBe(check(request, res.value).repeats);
      expect(res.value.report.repeatedPairs).toBeGreaterThan(0);
    }
  });
});
