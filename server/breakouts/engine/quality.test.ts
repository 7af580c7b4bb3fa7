/**
 * Quality bounds on the social-golfer instances of issue 3: every one has a schedule in which no pair
 * meets twice, and the engine must find it (with and without its design-theory constructions). Time
 * limits here are generous; bench/groups holds the speed figures.
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
