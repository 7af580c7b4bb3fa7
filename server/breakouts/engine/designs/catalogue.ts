/**
 * Picks a zero-repeat construction for `people` in `groups` groups over `rounds` rounds. Every
 * construction here has `groups` groups of one size k = ⌈people / groups⌉, i.e. v = groups·k
 * points; when people < v the d = v − people surplus points are dropped. A dropped point leaves a
 * group one short, so the engine's sizes (k and k − 1) hold exactly in the rounds where no two dropped
 * points share a group; since two points share a group at most once, dropping d points costs at most
 * C(d, 2) rounds, and fewer when they are chosen well (points of one TD row never meet; points of one
 * block meet only in that block's round). More rounds than asked: the first ones are kept.
 */
import { transversalSchedule } from '../designs.js';
import { affineRounds, affineSchedule } from './geometry.js';
import { productSchedule } from './product.js';
import { tableSchedules } from './table.js';

export interface Construction {
  name: string;
  /** Points of the underlying design (people + dropped). */
  points: number;
  /** groupOf[point] per chosen round; dropped points hold -1. */
  rounds: Int32Array[];
}

/** Larger instances only use constructions that need no dropping search (it is quadratic). */
const DROP_SEARCH_LIMIT = 2048;
/** Pair look-ups the greedy choice of dropped points may cost (about 0.1 s). */
const GREEDY_DROP_WORK = 3e7;

type Source = { name: string; build: (points: number, groups: number, need: number, want: number) => Int32Array[] | null };

const sources: Source[] = [
  {
    name: 'transversal',
    build: (v, g, need, want) => {
      const exact = transversalSchedule(v, g, need);
      if (!exact || want === need || v > DROP_SEARCH_LIMIT) return exact;
      // The largest round count the construction accepts, up to `want`.
      let lo = need;
      let hi = want;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (transversalSchedule(v, g, mid)) lo = mid;
        else hi = mid - 1;
      }
      return transversalSchedule(v, g, lo);
    },
  },
  {
    name: 'affine',
    build: (v, g, _need, want) => (affineRounds(v, v / g) > 0 ? affineSchedule(v, v / g, want) : null),
  },
  {
    name: 'product',
    build: (v, g, _need, want) => {
      const k = v / g;
      const w = g;
      if (k < 3 || w % k !== 0 || (w - 1) % (k - 1) !== 0) return null;
      const small = construct(w, w / k, (w - 1) / (k - 1));
      return small ? productSchedule(v, k, small, want) : null;
    },
  },
  {
    name: 'table',
    build: (v, g) => {
      const found = tableSchedules(v, v / g);
      if (found.length === 0) return null;
      return found.reduce((a, b) => (b.rounds.length > a.rounds.length ? b : a)).rounds;
    },
  },
];

/** Exactly `rounds` rounds on v points in `groups` groups from the first source that has them. */
function construct(v: number, groups: number, rounds: number): Int32Array[] | null {
  for (const source of sources) {
    const all = source.build(v, groups, rounds, rounds);
    if (all && all.length >= rounds) return all.slice(0, rounds);
  }
  return null;
}

/** Rounds in which no two of the dropped points share a group. */
function goodRounds(rounds: Int32Array[], dropped: number[]): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  rounds.forEach((groupOf, r) => {
    seen.clear();
    for (const p of dropped) {
      const g = groupOf[p]!;
      if (seen.has(g)) return;
      seen.add(g);
    }
    out.push(r);
  });
  return out;
}

/**
 * Candidate sets of d points to drop, cheapest first (lazily: the first that leaves enough rounds
 * wins): a TD row's tail, whole blocks of round 0, then a greedy choice when it stays cheap.
 */
function* dropCandidates(rounds: Int32Array[], v: number, d: number): Generator<number[]> {
  yield Array.from({ length: d }, (_, i) => v - d + i);
  if (v > DROP_SEARCH_LIMIT) return;
  const byGroup = new Map<number, number[]>();
  rounds[0]!.forEach((g, p) => byGroup.set(g, [...(byGroup.get(g) ?? []), p]));
  yield [...byGroup.values()].flat().slice(0, d);
  if (d * d * v * rounds.length > GREEDY_DROP_WORK) return;
  // Greedy: each next point costs the fewest rounds not lost yet.
  const lost = new Uint8Array(rounds.length);
  const taken: number[] = [];
  const inTaken = new Uint8Array(v);
  for (let i = 0; i < d; i++) {
    let best = -1;
    let bestLost = Infinity;
    for (let p = 0; p < v; p++) {
      if (inTaken[p]) continue;
      let extra = 0;
      for (let r = 0; r < rounds.length; r++) {
        if (lost[r]) continue;
        const g = rounds[r]![p]!;
        for (const q of taken) {
          if (rounds[r]![q] === g) {
            extra++;
            break;
          }
        }
      }
      if (extra < bestLost) {
        bestLost = extra;
        best = p;
      }
    }
    for (let r = 0; r < rounds.length; r++) for (const q of taken) if (rounds[r]![q] === rounds[r]![best]) lost[r] = 1;
    taken.push(best);
    inTaken[best] = 1;
  }
  yield taken;
}

export function findConstruction(people: number, groups: number, rounds: number): Construction | null {
  if (groups < 1 || people < groups) return null;
  const k = Math.ceil(people / groups);
  const v = groups * k;
  const d = v - people;
  if (d > 0 && k < 2) return null;
  // Each pair of dropped points can cost one round.
  const want = rounds + (d * (d - 1)) / 2;
  for (const source of sources) {
    const all = source.build(v, groups, rounds, want);
    if (!all || all.length < rounds) continue;
    if (d === 0) return { name: source.name, points: v, rounds: all.slice(0, rounds) };
    for (const dropped of dropCandidates(all, v, d)) {
      const good = goodRounds(all, dropped);
      if (good.length < rounds) continue;
      const chosen = good.slice(0, rounds).map((r) => {
        const groupOf = all[r]!.slice();
        for (const p of dropped) groupOf[p] = -1;
        return groupOf;
      });
      return { name: source.name, points: v, rounds: chosen };
    }
  }
  return null;
}
