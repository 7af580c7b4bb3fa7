/**
 * Measures a schedule independently of how it was made (the search's own counters are not trusted
 * here): repeats counting history, group sizes, and every broken rule with the people involved.
 */
import type { PlanReport, RepeatedPair, Violation } from '../../../shared/breakouts/engine.js';
import { createPairCounts } from './pairs.js';
import type { Problem } from './problem.js';

export const MAX_LISTED_REPEATS = 50;

export type Measured = Omit<PlanReport, 'method' | 'iterations' | 'elapsedMs'>;

export function measure(problem: Problem, rounds: number[][][]): Measured {
  const { ids, togetherOf, classStart, classList, classCap, classInfo } = problem;
  const history = createPairCounts(problem.n);
  const running = createPairCounts(problem.n);
  for (const round of problem.history) {
    for (const group of round) {
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          history.inc(group[i]!, group[j]!);
          running.inc(group[i]!, group[j]!);
        }
      }
    }
  }
  let repeatedPairs = 0;
  const listed = new Map<string, RepeatedPair>();
  let minSize = Infinity;
  let maxSize = 0;
  const violations: Violation[] = [];
  rounds.forEach((groups, r) => {
    groups.forEach((group, g) => {
      minSize = Math.min(minSize, group.length);
      maxSize = Math.max(maxSize, group.length);
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          const u = group[i]!;
          const v = group[j]!;
          const t = togetherOf[u]!;
          if (t >= 0 && t === togetherOf[v]) continue; // required to meet: never a repeat
          if (running.inc(u, v) < 2) continue;
          repeatedPairs++;
          const [a, b] = u < v ? [u, v] : [v, u];
          const key = `${a},${b}`;
          const entry = listed.get(key);
          if (entry) entry.rounds.push(r);
          else if (listed.size < MAX_LISTED_REPEATS) {
            listed.set(key, { a: ids[a]!, b: ids[b]!, rounds: [r], historyMeetings: history.get(a, b) });
          }
        }
      }
      // Counting rules: members of each class in this group.
      const byClass = new Map<number, number[]>();
      for (const p of group) {
        for (let c = classStart[p]!; c < classStart[p + 1]!; c++) {
          const k = classList[c]!;
          let list = byClass.get(k);
          if (!list) byClass.set(k, (list = []));
          list.push(p);
        }
      }
      for (const [k, members] of byClass) {
        if (members.length <= classCap[k]!) continue;
        const info = classInfo[k]!;
        const who = members.map((p) => ids[p]!);
        violations.push(
          info.kind === 'apart'
            ? { kind: 'apart', round: r, groups: [g], ids: who }
            : { kind: 'spread', round: r, groups: [g], ids: who, attribute: info.attribute, value: info.value, limit: classCap[k]! },
        );
      }
    });
    if (problem.together.length > 0) {
      const groupOf = new Map<number, number>();
      groups.forEach((group, g) => group.forEach((p) => groupOf.set(p, g)));
      for (const comp of problem.together) {
        const used = [...new Set([...comp].map((p) => groupOf.get(p) ?? -1))].filter((g) => g >= 0).sort((x, y) => x - y);
        if (used.length > 1) violations.push({ kind: 'together', round: r, groups: used, ids: [...comp].map((p) => ids[p]!) });
      }
    }
  });
  if (minSize === Infinity) minSize = 0;
  return {
    people: problem.n,
    groups: problem.groups,
    rounds: rounds.length,
    repeatedPairs,
    repeats: [...listed.values()],
    repeatLowerBound: problem.repeatLowerBound,
    minSize,
    maxSize,
    sizeSpread: maxSize - minSize,
    violations,
  };
}
