/**
 * Quality bounds on the social-golfer instances of issues 3 and 9: every one has a schedule in which
 * no pair meets twice, and the engine must find it (the issue 3 set also without its design-theory
 * constructions). Time limits here are generous; bench/groups holds the speed figures.
 */
import { describe, expect, it } from 'vitest';
import type { PlanRequest } from '../../../shared/breakouts/engine.js';
import { planGroups, type PlanOptions } from './plan.js';
import { check, people } from './testing.js';

const instances: [number, number, number][] = [
  [15, 3, 7], // Kirkman's schoolgirls
  [32, 4, 8],
  [30, 5, 5],
  [60, 6, 4],
  [200, 5, 4],
  [1000, 8, 3],
];

function solve(n: number, size: number, rounds: number, seed: number, options: PlanOptions) {
  const request: PlanRequest = { people: people(n), size, rounds, seed, timeLimitMs: 20_000 };
  const res = planGroups(request, { clock: () => performance.now(), maxWork: 1e11, ...options });
  if (!res.ok) throw new Error(res.error.message);
  return { request, out: res.value };
}

describe('zero repeats on the known instances', () => {
  it.each(instances)('%i people in groups of %i over %i rounds', (n, size, rounds) => {
    for (const seed of [1, 2]) {
      const { request, out } = solve(n, size, rounds, seed, {});
      const c = check(request, out);
      expect(c.repeats, `seed ${seed}`).toBe(0);
      expect(out.report.repeatedPairs).toBe(0);
      expect(c.maxSize - c.minSize).toBe(0);
      expect(out.report.elapsedMs).toBeLessThan(20_000);
    }
  }, 60_000);

  it.each(instances)('without the design constructions too: %i in %is over %i rounds', (n, size, rounds) => {
    const { request, out } = solve(n, size, rounds, 3, { designs: false });
    expect(out.report.method).not.toBe('design');
    expect(check(request, out).repeats).toBe(0);
  }, 30_000);
});

/** Issue 9: public instances (groups-size-rounds) the constructions answer at once. */
const known: [string, number, number, number][] = [
  ['Kirkman 5-3-7', 15, 3, 7],
  ['Kirkman 9-3-13', 27, 3, 13],
  ['Kirkman 11-3-16', 33, 3, 16],
  ['nearly Kirkman 10-3-14', 30, 3, 14],
  ['golfers 4-4-5', 16, 4, 5],
  ['golfers 10-4-13', 40, 4, 13],
  ['golfers 8-4-10', 32, 4, 10],
  ['golfers 16-4-21', 64, 4, 21],
  ['golfers 7-7-8', 49, 7, 8],
  ['golfers 6-4-7', 24, 4, 7],
  ['nearly Kirkman 6-3-8', 18, 3, 8],
  ['Kirkman 33-3-49 (product of KTS(33) and a TD)', 99, 3, 49],
  ['Kirkman less one: 14 in 5 groups over 7 rounds', 14, 3, 7],
  ['golfers 8-4-10 less one', 31, 4, 10],
];

describe('zero repeats on the issue 9 instances, within 5 s and deterministic', () => {
  it.each(known)('%s', (_label, n, size, rounds) => {
    const started = performance.now();
    const { request, out } = solve(n, size, rounds, 5, {});
    expect(performance.now() - started).toBeLessThan(5000);
    const c = check(request, out);
    expect(c.repeats).toBe(0);
    expect(out.report.repeatedPairs).toBe(0);
    expect(c.maxSize - c.minSize).toBeLessThanOrEqual(1);
    expect(out.report.method).toBe('design');
    // Same seed, same schedule; another seed, another assignment of people.
    expect(solve(n, size, rounds, 5, {}).out.rounds).toEqual(out.rounds);
    expect(solve(n, size, rounds, 6, {}).out.rounds).not.toEqual(out.rounds);
  });

  it('6-5-6 (no zero-repeat schedule known): reports the best found and the proven bound', () => {
    const request: PlanRequest = { people: people(30), size: 5, rounds: 6, seed: 1, timeLimitMs: 1500 };
    const res = planGroups(request, { clock: () => performance.now() });
    if (!res.ok) throw new Error(res.error.message);
    const { report } = res.value;
    expect(report.repeatedPairs).toBe(check(request, res.value).repeats);
    expect(report.repeatedPairs).toBeGreaterThanOrEqual(report.repeatLowerBound);
    expect(report.repeatedPairs).toBeLessThanOrEqual(12);
    expect(report.elapsedMs).toBeLessThan(5000);
  }, 10_000);
});

describe('constructions under rules: construction, then repair', () => {
  it('pins: group numbers of the construction are relabelled, pinned people stay put, no repeat', () => {
    const request: PlanRequest = {
      people: people(32), size: 4, rounds: 10, seed: 2,
      pinned: [{ id: 'p0', group: 3 }, { id: 'p5', group: 3, round: 4 }, { id: 'p9', group: 7, round: 0 }],
    };
    const res = planGroups(request, { clock: () => performance.now() });
    if (!res.ok) throw new Error(res.error.message);
    const { rounds } = res.value;
    rounds.forEach((groups) => expect(groups[3]).toContain('p0'));
    expect(rounds[4]![3]).toContain('p5');
    expect(rounds[0]![7]).toContain('p9');
    expect(check(request, res.value).repeats).toBeLessThanOrEqual(2);
  });

  it('apart on a Kirkman system: the broken rule is repaired from the construction, a few repeats remain', () => {
    // In KTS(33) every pair meets exactly once, so an apart pair forces at least one repeat.
    const request: PlanRequest = { people: people(33), size: 3, rounds: 16, seed: 1, timeLimitMs: 1500, constraints: { apart: [['p0', 'p1']] } };
    const res = planGroups(request, { clock: () => performance.now() });
    if (!res.ok) throw new Error(res.error.message);
    const c = check(request, res.value);
    expect(c.apart).toBe(0);
    expect(c.repeats).toBeLessThanOrEqual(8);
    expect(res.value.report.design).toBe('table');
  }, 10_000);
});
