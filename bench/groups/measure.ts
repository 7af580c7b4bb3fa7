/**
 * One measurement in its own process, so peak memory (maxRSS) belongs to this instance alone.
 * argv[2]: JSON { n, size, rounds, solver: 'engine' | 'random', history?: number, spread?: number, seed? }
 * Prints one JSON line: repeats, size spread, violations, method, ms, peak and idle RSS in MB.
 */
import { performance } from 'node:perf_hooks';
import type { PlanRequest } from '../../shared/breakouts/engine.js';
import { planGroups, randomBaseline } from '../../server/breakouts/engine/index.js';

interface Spec {
  n: number;
  size: number;
  rounds: number;
  solver: 'engine' | 'random';
  /** Rounds of random history to plan after (people meet again unless avoided). */
  history?: number;
  /** Spread by a company attribute with this many companies. */
  spread?: number;
  seed?: number;
}

const spec = JSON.parse(process.argv[2]!) as Spec;
const people = Array.from({ length: spec.n }, (_, i) =>
  spec.spread ? { id: String(i), attributes: { company: `c${(i * 7919) % spec.spread}` } } : { id: String(i) });
let history: string[][][] | undefined;
if (spec.history) {
  const past = randomBaseline({ people, size: spec.size, rounds: spec.history, seed: 999 });
  if (!past.ok) throw new Error(past.error.message);
  history = past.value.rounds;
}
const request: PlanRequest = {
  people, size: spec.size, rounds: spec.rounds, seed: spec.seed ?? 1, history,
  constraints: spec.spread ? { spread: ['company'] } : undefined,
};
const idle = process.memoryUsage().rss;
const started = performance.now();
const clock = (): number => performance.now();
const res = spec.solver === 'engine' ? planGroups(request, { clock }) : randomBaseline(request, { clock });
const ms = performance.now() - started;
if (!res.ok) throw new Error(res.error.message);
const r = res.value.report;
process.stdout.write(`${JSON.stringify({
  repeats: r.repeatedPairs, bound: r.repeatLowerBound, spread: r.sizeSpread, violations: r.violations.length, method: r.design ? `${r.method}:${r.design}` : r.method,
  ms: Math.round(ms * 10) / 10,
  peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
  idleMb: Math.round(idle / 1048576),
})}\n`);
