/**
 * Starting schedules for the search: a design-theory construction where one exists, a greedy build
 * (each person joins the open group where they add the fewest repeats and broken rules, round after
 * round, counting the rounds already built), and for very large instances a deal-out that is
 * already spread-balanced. All of them fill the fixed group sizes of the Problem exactly.
 */
import { findConstruction } from './designs/catalogue.js';
import { createPairCounts, DENSE_LIMIT, type PairCounts } from './pairs.js';
import type { Problem } from './problem.js';
import { shuffle, type Rng } from './rng.js';
import { groupLayout } from './schedule.js';

/** People in random order, then grouped by their first spread value (values in random order). */
function spreadOrder(problem: Problem, rng: Rng): number[] {
  const order = shuffle(Array.from({ length: problem.n }, (_, i) => i), rng);
  const keys = problem.spreadKey;
  let maxKey = -1;
  for (let p = 0; p < problem.n; p++) maxKey = Math.max(maxKey, keys[p]!);
  if (maxKey < 0) return order;
  const rank = shuffle(Array.from({ length: maxKey + 1 }, (_, i) => i), rng);
  const keyOf = (p: number): number => (keys[p]! < 0 ? -1 : rank[keys[p]!]!);
  return order.map((p, i) => [p, i] as const).sort((x, y) => keyOf(x[0]) - keyOf(y[0]) || x[1] - y[1]).map((x) => x[0]);
}

function toSlots(problem: Problem, roundGroups: number[][][]): Int32Array {
  const { n } = problem;
  const { groupStart } = groupLayout(problem.sizes);
  const slots = new Int32Array(problem.rounds * n);
  roundGroups.forEach((groups, r) => {
    groups.forEach((members, g) => slots.set(members, r * n + groupStart[g]!));
  });
  return slots;
}

export function designInitial(problem: Problem, rng: Rng): { slots: Int32Array; name: string } | null {
  // A together set would meet in every round; the construction cannot hold that, the greedy can.
  if (problem.together.length > 0) return null;
  const design = findConstruction(problem.n, problem.groups, problem.rounds);
  if (!design) return null;
  // Points in index order (dropped ones skipped) take the people in spread order: in the
  // transversal layout consecutive points share a row and never meet, so equal values stay apart.
  const order = spreadOrder(problem, rng);
  const personOf = new Int32Array(design.points).fill(-1);
  let next = 0;
  for (let point = 0; point < design.points && next < order.length; point++) {
    if (design.rounds[0]![point]! >= 0) personOf[point] = order[next++]!;
  }
  const rounds = design.rounds.map((groupOfPoint) => {
    const groups: number[][] = Array.from({ length: problem.groups }, () => []);
    groupOfPoint.forEach((g, point) => {
      if (g >= 0) groups[g]!.push(personOf[point]!);
    });
    return groups;
  });
  const placed = rounds.map((groups, r) => placeGroups(problem, r, groups));
  if (placed.some((g) => !g)) return null;
  return { slots: toSlots(problem, placed as number[][][]), name: design.name };
}

/**
 * Gives the design's groups of round r the Problem's group numbers: group labels are free, so a
 * group holding a pinned person takes that pin's number where sizes allow; then pinned people still
 * elsewhere swap with an unpinned member of their group (a repair that costs a few repeats, which
 * the search then works off; pinned people never move in the search). Null if sizes cannot match.
 */
function placeGroups(problem: Problem, r: number, groups: number[][]): number[][] | null {
  const { n, sizes, pins } = problem;
  const G = problem.groups;
  const out: (number[] | null)[] = Array.from({ length: G }, () => null);
  const used = new Uint8Array(groups.length);
  if (problem.hasPins) {
    groups.forEach((members, d) => {
      for (const p of members) {
        const g = pins[r * n + p]!;
        if (g >= 0 && !out[g] && !used[d] && sizes[g] === members.length) {
          out[g] = members;
          used[d] = 1;
        }
      }
    });
  }
  // The rest by size, larger groups first, as the Problem's sizes run.
  const rest = groups.filter((_, d) => !used[d]).sort((a, b) => b.length - a.length);
  for (let g = 0; g < G; g++) {
    if (out[g]) continue;
    const at = rest.findIndex((m) => m.length === sizes[g]);
    if (at < 0) return null;
    out[g] = rest.splice(at, 1)[0]!;
  }
  const final = out as number[][];
  if (problem.hasPins) {
    const groupOf = new Int32Array(n);
    final.forEach((members, g) => members.forEach((p) => (groupOf[p] = g)));
    for (let p = 0; p < n; p++) {
      const want = pins[r * n + p]!;
      const at = groupOf[p]!;
      if (want < 0 || want === at) continue;
      const i = final[want]!.findIndex((q) => pins[r * n + q]! !== want);
      if (i < 0) return null;
      const q = final[want]![i]!;
      final[want]![i] = p;
      final[at]![final[at]!.indexOf(p)] = q;
      groupOf[p] = want;
      groupOf[q] = at;
    }
  }
  return final;
}

function historyCounts(problem: Problem): PairCounts {
  const counts = createPairCounts(problem.n);
  for (const round of problem.history) {
    for (const group of round) {
      for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) counts.inc(group[i]!, group[j]!);
    }
  }
  return counts;
}

const DEAL_WINDOW = 24;

/** Greedy above DENSE_LIMIT would cost n² pair look-ups per round; dealing is O(n). */
export function initialMode(problem: Problem): 'greedy' | 'deal' {
  return problem.n <= DENSE_LIMIT ? 'greedy' : 'deal';
}

/**
 * outOfTime (optional): once it answers true, the remaining rounds are dealt instead of built
 * greedily, so a time limit holds even for thousands of people over many rounds.
 */
export function buildInitial(problem: Problem, rng: Rng, mode: 'greedy' | 'deal', outOfTime?: () => boolean): Int32Array {
  const { n, groups: G, rounds: R, sizes, hardWeight: W } = problem;
  const { classStart, classList, classCap } = problem;
  const K = problem.classInfo.length;
  const counts = historyCounts(problem);
  const out: number[][][] = [];
  const useMap = G * K > 1 << 22;
  for (let r = 0; r < R; r++) {
    const members: number[][] = Array.from({ length: G }, () => []);
    const room = Int32Array.from(sizes);
    const dense = useMap ? null : new Int32Array(G * K);
    const sparse = useMap ? new Map<number, number>() : null;
    const cls = (g: number, k: number): number => (dense ? dense[g * K + k]! : (sparse!.get(g * K + k) ?? 0));
    const bump = (g: number, k: number): void => {
      if (dense) dense[g * K + k]!++;
      else sparse!.set(g * K + k, (sparse!.get(g * K + k) ?? 0) + 1);
    };
    const hardAdd = (p: number, g: number): number => {
      let h = 0;
      for (let c = classStart[p]!; c < classStart[p + 1]!; c++) {
        const k = classList[c]!;
        if (cls(g, k) >= classCap[k]!) h++;
      }
      return h;
    };
    const repeatAdd = (p: number, g: number): number => {
      let s = 0;
      for (const y of members[g]!) if (counts.get(p, y) >= 1) s++;
      return s;
    };
    const put = (p: number, g: number): void => {
      members[g]!.push(p);
      room[g]!--;
      for (let c = classStart[p]!; c < classStart[p + 1]!; c++) bump(g, classList[c]!);
    };

    // Pinned people (and the together sets they belong to) first: their groups are given.
    const pins = problem.pins;
    for (let p = 0; p < n; p++) if (pins[r * n + p]! >= 0) put(p, pins[r * n + p]!);
    // Then together sets, largest first, each into one group with room for all of it.
    const comps = shuffle(problem.together.filter((c) => pins[r * n + c[0]!]! < 0), rng).sort((x, y) => y.length - x.length);
    for (const comp of comps) {
      let best = -1;
      let bestScore = Infinity;
      let ties = 0;
      for (let g = 0; g < G; g++) {
        if (room[g]! < comp.length) continue;
        // Prefer roomy groups (scaled below one repeat): a group filled with fixed sets leaves the
        // search nothing to swap there.
        let score = (sizes[g]! - room[g]!) / (sizes[g]! + 1);
        for (const p of comp) score += W * hardAdd(p, g) + (mode === 'greedy' ? repeatAdd(p, g) : 0);
        if (score < bestScore) {
          bestScore = score;
          best = g;
          ties = 1;
        } else if (score === bestScore && rng.int(++ties) === 0) best = g;
      }
      if (best >= 0) {
        for (const p of comp) put(p, best);
      } else {
        // No group has room for the whole set (sizes and other sets collide): split it over the
        // roomiest groups; the report lists the broken together rule.
        for (const p of comp) {
          let g = 0;
          for (let h = 1; h < G; h++) if (room[h]! > room[g]!) g = h;
          put(p, g);
        }
      }
    }

    const free = spreadOrder(problem, rng).filter((p) => problem.togetherOf[p]! < 0 && pins[r * n + p]! < 0);
    if (mode === 'deal' || (r > 0 && outOfTime?.())) {
      // Pass by pass every group with room receives one person, so people next to each other in
      // the spread order (same first attribute) land in different groups; within a pass each
      // person picks, among the next few groups still waiting, one where they break no other rule.
      const waiting: number[] = [];
      for (const p of free) {
        if (waiting.length === 0) for (let g = 0; g < G; g++) if (room[g]! > 0) waiting.push(g);
        let at = 0;
        if (classStart[p + 1]! > classStart[p]!) {
          let bestHard = Infinity;
          for (let i = 0; i < Math.min(waiting.length, DEAL_WINDOW); i++) {
            const h = hardAdd(p, waiting[i]!);
            if (h < bestHard) {
              bestHard = h;
              at = i;
              if (h === 0) break;
            }
          }
        }
        put(p, waiting[at]!);
        waiting.splice(at, 1);
      }
    } else {
      // Most constrained first: people with more counting classes choose before the others.
      const order = free
        .map((p, i) => [p, i] as const)
        .sort((x, y) => classStart[y[0] + 1]! - classStart[y[0]]! - (classStart[x[0] + 1]! - classStart[x[0]]!) || x[1] - y[1])
        .map((x) => x[0]);
      for (const p of order) {
        let best = -1;
        let bestScore = Infinity;
        let ties = 0;
        for (let g = 0; g < G; g++) {
          if (room[g]! === 0) continue;
          const score = W * hardAdd(p, g) + repeatAdd(p, g);
          if (score < bestScore) {
            bestScore = score;
            best = g;
            ties = 1;
          } else if (score === bestScore && rng.int(++ties) === 0) best = g;
        }
        put(p, best);
      }
    }
    if (r + 1 < R) {
      for (const group of members) {
        for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) counts.inc(group[i]!, group[j]!);
      }
    }
    out.push(members);
  }
  return toSlots(problem, out);
}
