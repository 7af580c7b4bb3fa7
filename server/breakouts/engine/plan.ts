/**
 * planGroups: validate → starting schedule (design construction and greedy, the better one) →
 * tabu search until the lower bound, the work budget or the time limit → independent measurement.
 */
import type { EngineResult, PlanRequest, PlanResult } from '../../../shared/breakouts/engine.js';
import { buildInitial, designInitial, initialMode } from './initial.js';
import { buildProblem, type Problem } from './problem.js';
import { measure } from './report.js';
import { createRng, shuffle } from './rng.js';
import { Schedule } from './schedule.js';
import { tabuSearch, type SearchTuning } from './search.js';

export interface PlanOptions {
  /** Wall clock in ms (the shell passes performance.now): enables the time limit and elapsedMs. */
  clock?: () => number;
  /** Deterministic effort bound in pair look-ups; the default keeps small instances under ~3 s. */
  maxWork?: number;
  /** false: skip the design-theory constructions (to measure the search on its own). */
  designs?: boolean;
  tuning?: SearchTuning;
}

/**
 * Time limit when the request names none: the speed targets of issue 3 with a margin (5 s up to 150
 * people, 1 s for 1,000 × 3 and for 10,000 × 1); very large multi-round plans get more, since
 * cutting their greedy build short costs far more quality than a second of waiting.
 */
export function defaultTimeLimitMs(people: number, rounds = 1): number {
  if (people <= 200) return 3500;
  return Math.min(10_000, Math.max(700, (people * rounds) / 50));
}

function defaultWork(problem: Problem): number {
  return problem.n <= 200 ? 4e8 : 6e7;
}

function toIds(problem: Problem, slots: Int32Array): string[][][] {
  const { n, ids, sizes } = problem;
  const out: string[][][] = [];
  for (let r = 0; r < problem.rounds; r++) {
    const groups: string[][] = [];
    let at = r * n;
    for (let g = 0; g < problem.groups; g++) {
      const group: string[] = [];
      for (let i = 0; i < sizes[g]!; i++) group.push(ids[slots[at++]!]!);
      groups.push(group);
    }
    out.push(groups);
  }
  return out;
}

function toIndexRounds(problem: Problem, slots: Int32Array): number[][][] {
  const { n, sizes } = problem;
  const out: number[][][] = [];
  for (let r = 0; r < problem.rounds; r++) {
    const groups: number[][] = [];
    let at = r * n;
    for (let g = 0; g < problem.groups; g++) {
      groups.push(Array.from(slots.subarray(at, at + sizes[g]!)));
      at += sizes[g]!;
    }
    out.push(groups);
  }
  return out;
}

export function planGroups(request: PlanRequest, options: PlanOptions = {}): EngineResult<PlanResult> {
  const { clock } = options;
  const started = clock?.();
  const built = buildProblem(request);
  if (!built.ok) return built;
  const problem = built.value;
  const rng = createRng(problem.seed);
  const target = problem.repeatLowerBound;
  const timeLimit = problem.timeLimitMs ?? defaultTimeLimitMs(problem.n, problem.rounds);
  const deadline = started !== undefined ? started + timeLimit : undefined;
  const outOfTime = clock && deadline !== undefined ? () => clock() >= deadline : undefined;

  let method: 'design' | 'greedy' | 'search' = 'greedy';
  let st: Schedule | null = null;
  let designName: string | undefined;
  const design = options.designs === false ? null : designInitial(problem, rng);
  if (design) {
    st = new Schedule(problem, design.slots);
    method = 'design';
    designName = design.name;
  }
  // A construction that breaks apart/spread rules still beats the greedy start once repaired (it
  // counts every broken rule as worse than all repeats, so cost would always pick greedy): swapping
  // the few offenders away costs a handful of repeats, the greedy start leaves dozens on Kirkman
  // systems and 8-4-10 with an apart pair. With history only, the lower cost decides as before.
  if (!st || (st.cost() > target && st.hard === 0)) {
    const greedy = new Schedule(problem, buildInitial(problem, rng, initialMode(problem), outOfTime));
    if (!st || greedy.cost() < st.cost()) {
      st = greedy;
      method = 'greedy';
      designName = undefined;
    }
  }
  let iterations = 0;
  if (st.cost() > target) {
    const stats = tabuSearch(st, rng, { maxWork: options.maxWork ?? defaultWork(problem), clock, deadline }, target, options.tuning);
    iterations = stats.iterations;
    if (iterations > 0) method = 'search';
  }
  const report = measure(problem, toIndexRounds(problem, st.slots));
  return {
    ok: true,
    value: {
      rounds: toIds(problem, st.slots),
      report: {
        ...report,
        method,
        ...(designName ? { design: designName } : {}),
        iterations,
        ...(started !== undefined ? { elapsedMs: Math.round((clock!() - started) * 10) / 10 } : {}),
      },
    },
  };
}

/** The comparison baseline: every round shuffled and dealt out, nothing else considered. */
export function randomBaseline(request: PlanRequest, options: PlanOptions = {}): EngineResult<PlanResult> {
  const started = options.clock?.();
  const built = buildProblem(request);
  if (!built.ok) return built;
  const problem = built.value;
  const rng = createRng(problem.seed);
  const slots = new Int32Array(problem.rounds * problem.n);
  for (let r = 0; r < problem.rounds; r++) {
    slots.set(shuffle(Array.from({ length: problem.n }, (_, i) => i), rng), r * problem.n);
  }
  const report = measure(problem, toIndexRounds(problem, slots));
  return {
    ok: true,
    value: {
      rounds: toIds(problem, slots),
      report: {
        ...report,
        method: 'random',
        iterations: 0,
        ...(started !== undefined ? { elapsedMs: Math.round((options.clock!() - started) * 10) / 10 } : {}),
      },
    },
  };
}
