import { describe, expect, it } from 'vitest';
import type { PlanRequest } from '../../../shared/breakouts/engine.js';
import { evenPairs } from './bounds.js';
import { planGroups } from './plan.js';
import { buildProblem } from './problem.js';
import { createRng, shuffle, type Rng } from './rng.js';
import { check, people } from './testing.js';

/** Consecutive ids cut into groups of `size`: a history round. */
function blocks(n: number, size: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < n; i += size) out.push(Array.from({ length: Math.min(size, n - i) }, (_, j) => `p${i + j}`));
  return out;
}

function boundOf(request: PlanRequest): number {
  const built = buildProblem(request);
  if (!built.ok) throw new Error(built.error.message);
  return built.value.repeatLowerBound;
}

/**
 * The true minimum of repeatedPairs by trying every schedule (groups filled in every possible way,
 * sizes as the engine makes them), counted here from scratch with the report's rules: a pair sharing
 * a group repeats if it met before, unless both are in one together set.
 */
function exhaustiveMinimum(n: number, groups: number, rounds: number, history: number[][][], together: number[][]): number {
  const base = Math.floor(n / groups);
  const sizes = Array.from({ length: groups }, (_, g) => base + (g < n % groups ? 1 : 0));
  const comp = new Int32Array(n).fill(-1);
  together.forEach((set, c) => set.forEach((p) => (comp[p] = c)));
  const exempt = (u: number, v: number): boolean => comp[u]! >= 0 && comp[u] === comp[v];
  const met = new Uint8Array(n * n);
  for (const round of history) {
    for (const group of round) for (const u of group) for (const v of group) if (u !== v) met[u * n + v] = 1;
  }
  const partitions: number[][][] = [];
  const groupOf = new Int32Array(n);
  const fill = new Int32Array(groups);
  const enumerate = (p: number): void => {
    if (p === n) {
      const gs: number[][] = sizes.map(() => []);
      for (let q = 0; q < n; q++) gs[groupOf[q]!]!.push(q);
      partitions.push(gs);
      return;
    }
    for (let g = 0; g < groups; g++) {
      if (fill[g] === sizes[g]) continue;
      fill[g]!++;
      groupOf[p] = g;
      enumerate(p + 1);
      fill[g]!--;
    }
  };
  enumerate(0);
  const cost = (partition: number[][], seen: Uint8Array): number => {
    let c = 0;
    for (const group of partition) {
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) if (seen[group[i]! * n + group[j]!] && !exempt(group[i]!, group[j]!)) c++;
      }
    }
    return c;
  };
  const meet = (partition: number[][], into: Uint8Array): void => {
    for (const group of partition) for (const u of group) for (const v of group) if (u !== v) into[u * n + v] = 1;
  };
  const best = (round: number, seen: Uint8Array): number => {
    let min = Infinity;
    for (const partition of partitions) {
      let c = cost(partition, seen);
      if (c >= min) continue;
      if (round + 1 < rounds) {
        const next = seen.slice();
        meet(partition, next);
        c += best(round + 1, next);
      }
      min = Math.min(min, c);
    }
    return min;
  };
  return best(0, met);
}

/** A random history round over the present people plus someone who left; some people may be missing. */
function randomRound(n: number, rng: Rng, duplicate: boolean): number[][] {
  const ids = shuffle(Array.from({ length: n + 1 }, (_, i) => i), rng).filter((p) => rng.int(6) !== 0);
  const k = 1 + rng.int(Math.max(1, Math.min(4, ids.length)));
  const round: number[][] = Array.from({ length: k }, () => []);
  ids.forEach((p, i) => round[i < k ? i : rng.int(k)]!.push(p));
  if (duplicate && n >= 2) round[rng.int(k)]!.push(rng.int(n)); // malformed: someone listed twice
  return round.filter((g) => g.length > 0);
}

describe('evenPairs', () => {
  it('is the fewest same-group pairs over every way to spread a people over h groups', () => {
    for (let h = 1; h <= 5; h++) {
      for (let a = 0; a <= 9; a++) {
        let min = Infinity;
        const walk = (left: number, slots: number, pairs: number): void => {
          if (slots === 1) return void (min = Math.min(min, pairs + (left * (left - 1)) / 2));
          for (let x = 0; x <= left; x++) walk(left - x, slots - 1, pairs + (x * (x - 1)) / 2);
        };
        walk(a, h, 0);
        expect(evenPairs(a, h), `${a} over ${h}`).toBe(min);
      }
    }
  });
});

describe('repeat lower bound against exhaustive search', () => {
  it('never exceeds the true minimum on 300 random tiny instances (history, people who left, together sets)', () => {
    const rng = createRng(7);
    let positive = 0;
    let tight = 0;
    let cases = 0;
    while (cases < 300) {
      const n = 3 + rng.int(6);
      const groups = 1 + rng.int(Math.min(3, n - 1));
      const rounds = n <= 6 ? 1 + rng.int(3) : 1 + rng.int(2);
      const history = Array.from({ length: rng.int(3) }, () => randomRound(n, rng, rng.int(8) === 0));
      const order = shuffle(Array.from({ length: n }, (_, i) => i), rng);
      const together: number[][] = [];
      const sets = rng.int(3) === 0 ? 1 + rng.int(2) : 0;
      for (let s = 0; s < sets && order.length >= 2; s++) together.push(order.splice(0, 2 + rng.int(2)).slice(0, Math.max(2, Math.floor(n / groups))));
      const request: PlanRequest = {
        people: people(n), groups, rounds,
        history: history.map((round) => round.map((g) => g.map((p) => (p === n ? 'gone' : `p${p}`)))),
        constraints: together.length ? { together: together.map((set) => set.map((p) => `p${p}`)) } : {},
      };
      const built = buildProblem(request);
      if (!built.ok) continue; // e.g. a together set larger than a group
      cases++;
      const presentHistory = history.map((round) => round.map((g) => g.filter((p) => p < n)));
      const min = exhaustiveMinimum(n, groups, rounds, presentHistory, together);
      const bound = built.value.repeatLowerBound;
      expect(bound, JSON.stringify(request)).toBeLessThanOrEqual(min);
      if (bound > 0) positive++;
      if (bound === min) tight++;
    }
    // Not vacuous: many instances force repeats, and the bound usually finds all of them.
    expect(positive).toBeGreaterThan(120);
    expect(tight).toBeGreaterThan(250);
  });

  it('is exact for one round after one earlier round (no together sets): the pigeonhole spread can always be met', () => {
    const rng = createRng(11);
    for (let t = 0; t < 150; t++) {
      const n = 4 + rng.int(6);
      const groups = 1 + rng.int(Math.min(4, n - 1));
      const history = [randomRound(n, rng, false)];
      const request: PlanRequest = {
        people: people(n), groups, rounds: 1, history: history.map((round) => round.map((g) => g.map((p) => (p === n ? 'gone' : `p${p}`)))),
      };
      const min = exhaustiveMinimum(n, groups, 1, history.map((round) => round.map((g) => g.filter((p) => p < n))), []);
      expect(boundOf(request), JSON.stringify(request)).toBe(min);
    }
  });
});

describe('forced repeats the pair count cannot see', () => {
  it.each<[string, PlanRequest, number]>([
    // each new group of 5 draws from only 4 earlier groups: at least one pair per group
    ['20 in 5s after 4 groups of 5', { people: people(20), size: 5, rounds: 1, history: [blocks(20, 5)] }, 4],
    // every earlier group of 8 spread over 4 new groups leaves 4 pairs together
    ['24 in 6s after 3 groups of 8', { people: people(24), size: 6, rounds: 1, history: [blocks(24, 8)] }, 12],
    // p0–p1 met before but must stay together: their meeting is excused
    ['20 in 5s, a together pair that met', { people: people(20), size: 5, rounds: 1, history: [blocks(20, 5)], constraints: { together: [['p0', 'p1']] } }, 3],
    // a together pair across two earlier groups excuses nothing
    ['20 in 5s, a together pair that did not meet', { people: people(20), size: 5, rounds: 1, history: [blocks(20, 5)], constraints: { together: [['p0', 'p5']] } }, 4],
    // 30 in 6 groups after 5 groups of 6: one from each earlier group per new group, nothing forced
    ['30 in 5s after 5 groups of 6', { people: people(30), size: 5, rounds: 1, history: [blocks(30, 6)] }, 0],
  ])('%s: the bound is reached well inside the time limit', (_label, request, expected) => {
    expect(boundOf(request)).toBe(expected);
    for (const seed of [1, 2, 3]) {
      const started = performance.now();
      const res = planGroups({ ...request, seed }, { clock: () => performance.now() });
      const ms = performance.now() - started;
      if (!res.ok) throw new Error(res.error.message);
      expect(res.value.report.repeatLowerBound).toBe(expected);
      expect(res.value.report.repeatedPairs, `seed ${seed}`).toBe(expected);
      expect(check({ ...request, seed }, res.value).repeats).toBe(expected);
      expect(ms, `seed ${seed}`).toBeLessThan(1500); // the default limit is 3.5 s
    }
  });

  it('20 in 5s over 3 rounds: rounds 2 and 3 each meet the one before (8), and the search stops there', () => {
    // The search needs a few restarts on some seeds to get from 9 to 8, so the limit is set far
    // above that: returning well before it shows the stop came from the bound.
    const request: PlanRequest = { people: people(20), size: 5, rounds: 3, timeLimitMs: 20_000 };
    expect(boundOf(request)).toBe(8);
    for (const seed of [1, 2, 3]) {
      const res = planGroups({ ...request, seed }, { clock: () => performance.now() });
      if (!res.ok) throw new Error(res.error.message);
      expect(res.value.report.repeatedPairs, `seed ${seed}`).toBe(8);
      expect(res.value.report.elapsedMs, `seed ${seed}`).toBeLessThan(10_000);
    }
  }, 60_000);

  it('a pair listed in two groups of one history round met once, not twice', () => {
    // Counting each listing would claim 2; the pair can only repeat once in one planned round.
    const request: PlanRequest = { people: people(2), groups: 1, rounds: 1, history: [[['p0', 'p1'], ['p1', 'p0']]] };
    expect(boundOf(request)).toBe(1);
    const res = planGroups(request);
    expect(res.ok && res.value.report.repeatedPairs).toBe(1);
  });
});
