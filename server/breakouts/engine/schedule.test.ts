import { describe, expect, it } from 'vitest';
import { buildProblem, type Problem } from './problem.js';
import { measure } from './report.js';
import { createRng, shuffle } from './rng.js';
import { Schedule } from './schedule.js';

function problemFor(seed: number): Problem {
  const rng = createRng(seed);
  const n = 12 + rng.int(20);
  const people = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, attributes: { company: `c${rng.int(4)}`, role: `r${rng.int(3)}` } }));
  const history = [shuffle(people.map((p) => p.id), rng)].map((ids) => [ids.slice(0, 5), ids.slice(5, 9), ids.slice(9)]);
  const res = buildProblem({
    people,
    size: 3 + rng.int(3),
    rounds: 1 + rng.int(4),
    history,
    seed,
    pinned: [{ id: 'p7', group: 0 }, { id: 'p8', group: 1, round: 0 }],
    constraints: {
      spread: ['company', 'role'],
      apart: [['p0', 'p1', 'p2'], ['p3', 'p4']],
      together: [['p5', 'p6']],
    },
  });
  if (!res.ok) throw new Error(res.error.message);
  return res.value;
}

function rounds(st: Schedule): number[][][] {
  const { n, R, G, groupStart, slots } = st;
  return Array.from({ length: R }, (_, r) =>
    Array.from({ length: G }, (_, g) => Array.from(slots.subarray(r * n + groupStart[g]!, r * n + groupStart[g + 1]!))));
}

/** Recomputes from scratch what the schedule maintains incrementally. */
function expectConsistent(problem: Problem, st: Schedule): void {
  const plan = rounds(st);
  const measured = measure(problem, plan);
  expect(st.repeats).toBe(measured.repeatedPairs);
  let over = 0;
  for (const groups of plan) {
    for (const group of groups) {
      const count = new Map<number, number>();
      for (const p of group) {
        for (let c = problem.classStart[p]!; c < problem.classStart[p + 1]!; c++) {
          const k = problem.classList[c]!;
          count.set(k, (count.get(k) ?? 0) + 1);
        }
      }
      for (const [k, c] of count) over += Math.max(0, c - problem.classCap[k]!);
    }
  }
  expect(st.hard).toBe(over);
  // every violation unit appears in the independent report
  expect(measured.violations.filter((v) => v.kind !== 'together').length > 0).toBe(over > 0);

  const total = new Map<string, number>();
  const key = (u: number, v: number): string => (u < v ? `${u},${v}` : `${v},${u}`);
  for (const round of [...problem.history.map((r) => r.map((g) => [...g])), ...plan]) {
    for (const group of round) {
      for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) total.set(key(group[i]!, group[j]!), (total.get(key(group[i]!, group[j]!)) ?? 0) + 1);
    }
  }
  const inConflict = new Set<number>();
  plan.forEach((groups, r) => {
    for (const group of groups) {
      for (const p of group) {
        let leave = 0;
        for (const x of group) {
          if (x === p) continue;
          const same = problem.togetherOf[p]! >= 0 && problem.togetherOf[p] === problem.togetherOf[x];
          if (!same && (total.get(key(p, x)) ?? 0) >= 2) leave--;
        }
        expect(st.leave[r * problem.n + p], `leave of ${p} in round ${r}`).toBe(leave);
        if (!st.locked[r * problem.n + p] && (leave < 0 || st.hardConf[r * problem.n + p]! > 0)) inConflict.add(r * problem.n + p);
      }
    }
  });
  expect(new Set(Array.from(st.confItems.subarray(0, st.confSize)))).toEqual(inConflict);
}

describe('Schedule keeps its counters equal to a full recount', () => {
  it.each(Array.from({ length: 12 }, (_, i) => i + 1))('through random swaps (seed %i)', (seed) => {
    const problem = problemFor(seed);
    const rng = createRng(seed * 7);
    const slots = new Int32Array(problem.rounds * problem.n);
    for (let r = 0; r < problem.rounds; r++) slots.set(shuffle(Array.from({ length: problem.n }, (_, i) => i), rng), r * problem.n);
    const st = new Schedule(problem, slots);
    expectConsistent(problem, st);
    let swaps = 0;
    for (let step = 0; step < 400; step++) {
      const r = rng.int(problem.rounds);
      const a = rng.int(problem.n);
      const b = rng.int(problem.n);
      // Mostly free people; sometimes locked ones too, as the search does when it moves a together set.
      const anyone = step % 3 === 0;
      if (!anyone && (st.locked[r * problem.n + a] || st.locked[r * problem.n + b])) continue;
      if (st.groupOf(r, a) === st.groupOf(r, b)) continue;
      st.swap(r, a, b);
      swaps++;
      if (step % 20 === 0) expectConsistent(problem, st);
    }
    expect(swaps).toBeGreaterThan(50);
    expectConsistent(problem, st);
    // and load() restores any schedule exactly
    st.load(slots);
    expectConsistent(problem, st);
    expect(Array.from(st.slots)).toEqual(Array.from(slots));
  });
});
