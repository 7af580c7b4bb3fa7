/**
 * Lower bounds on repeatedPairs: no schedule with the Problem's group sizes can have fewer, whatever
 * else it breaks (apart, spread, together and pins are ignored — dropping rules only widens the set of
 * schedules, so a bound over all of them stays valid). The search stops as soon as it reaches the
 * bound, so an over-estimate would cost quality and an under-estimate costs the facilitator the whole
 * time limit; every bound here is proven below, and bounds.test.ts checks them against exhaustive
 * search on tiny instances.
 *
 * What is counted (report.ts): in planned round r, a pair sharing a group is a repeat if it met
 * before (in a history round or a planned round before r), unless both belong to one together set —
 * together pairs never count, whether or not the set is kept whole.
 *
 * 1. Pair count (over all rounds). Each round holds P = Σ C(size, 2) pair meetings. A meeting is not a
 *    repeat only if it is the first meeting of a pair that never met in history and is not a together
 *    pair (at most `fresh` such meetings over the whole plan), or it is a together pair (at most
 *    T meetings per round, T = together pairs). So repeats ≥ R·P − fresh − R·T.
 * 2. Per person. p meets at least minSize − 1 people per round. Of p's meetings, at most fresh_p
 *    (non-together partners p never met in history) are first meetings, at most c_p − 1 per round are
 *    with p's own together set (c_p its size); the rest are repeats. Each repeat is a meeting of two
 *    people, so repeats ≥ ⌈Σ_p max(0, R·(minSize−1) − fresh_p − R·(c_p−1)) / 2⌉.
 * 3. Pigeonhole per round. Take any one earlier partition (a history round restricted to present
 *    people, or an earlier planned round) and one planned round r with H groups. Every pair sharing
 *    an old group and a new group is a repeat in r (unless a together pair). An old group of a members
 *    puts x_1 + … + x_H = a of them into the H new groups and so creates Σ C(x_h, 2) such pairs; by
 *    convexity of C(x, 2) (moving one member from a group with x to one with y ≤ x − 2 saves x − 1 − y
 *    ≥ 1 pair) the sum is at least evenPairs(a, H), the value of the most even spread. Less the
 *    together pairs inside the old group (at most t_g of the counted pairs are exempt), and never below
 *    zero, summed over old groups: repeats in r ≥ Σ_g max(0, evenPairs(a_g, H) − t_g). Summing over
 *    rounds is exact accounting (each repeat belongs to one round), and every planned round r ≥ 1
 *    may use planned round r − 1 (sizes known, members not: its together pairs are bounded by T).
 *    Without together sets this is the exact minimum for one earlier partition: the engine's group
 *    sizes differ by at most one, so giving each old group ⌊a/H⌋ per new group and its remainder to
 *    distinct new groups can always be completed (Gale–Ryser: the near-equal column sums are majorised
 *    by any row-sum conjugate of the same total).
 *
 * The result is the largest of 1, 2 and Σ_r of 3; a maximum of valid bounds is valid.
 */
import { createPairCounts } from './pairs.js';

export interface BoundInput {
  n: number;
  groups: number;
  rounds: number;
  /** Group capacities, the same in every planned round. */
  sizes: Int32Array;
  /** History rounds, present people only (a person listed twice in one round is tolerated). */
  history: Int32Array[][];
  /** Together component of each person, or -1. */
  togetherOf: Int32Array;
  togetherSizes: number[];
}

const pairsOf = (k: number): number => (k * (k - 1)) / 2;

/** Fewest same-group pairs when a people are spread over h groups: as evenly as possible. */
export function evenPairs(a: number, h: number): number {
  const q = Math.floor(a / h);
  const r = a - q * h;
  return r * pairsOf(q + 1) + (h - r) * pairsOf(q);
}

/** Bound 3 against one history round: members counted once (their first group), together pairs exempt. */
function historyRoundBound(round: Int32Array[], input: BoundInput, seen: Int32Array, stamp: number): number {
  const { groups: H, togetherOf } = input;
  let bound = 0;
  const inGroup = new Map<number, number>();
  for (const group of round) {
    let a = 0;
    inGroup.clear();
    for (const p of group) {
      if (seen[p] === stamp) continue; // listed in an earlier group of this round: counting it twice could over-estimate
      seen[p] = stamp;
      a++;
      const c = togetherOf[p]!;
      if (c >= 0) inGroup.set(c, (inGroup.get(c) ?? 0) + 1);
    }
    let exempt = 0;
    for (const k of inGroup.values()) exempt += pairsOf(k);
    bound += Math.max(0, evenPairs(a, H) - exempt);
  }
  return bound;
}

export function repeatLowerBound(input: BoundInput): number {
  const { n, groups: H, rounds: R, sizes, history, togetherOf, togetherSizes } = input;
  const compSize = (p: number): number => (togetherOf[p]! >= 0 ? togetherSizes[togetherOf[p]!]! : 1);
  let togetherPairs = 0;
  for (const c of togetherSizes) togetherPairs += pairsOf(c);

  // Distinct non-together pairs met in history, in total and per person.
  const met = createPairCounts(n);
  const metOf = new Int32Array(n);
  let metPairs = 0;
  for (const round of history) {
    for (const group of round) {
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          const u = group[i]!;
          const v = group[j]!;
          if (u === v || (togetherOf[u]! >= 0 && togetherOf[u] === togetherOf[v])) continue;
          if (met.get(u, v) === 0) {
            met.inc(u, v);
            metOf[u]!++;
            metOf[v]!++;
            metPairs++;
          }
        }
      }
    }
  }

  // 1. Pair count.
  let perRound = 0;
  let minSize = Infinity;
  for (let g = 0; g < H; g++) {
    perRound += pairsOf(sizes[g]!);
    minSize = Math.min(minSize, sizes[g]!);
  }
  let nonTogether = pairsOf(n);
  for (const c of togetherSizes) nonTogether -= pairsOf(c);
  const pairCount = R * perRound - (nonTogether - metPairs) - R * togetherPairs;

  // 2. Per person.
  let excess = 0;
  for (let p = 0; p < n; p++) {
    const mates = compSize(p) - 1;
    const fresh = n - 1 - mates - metOf[p]!;
    excess += Math.max(0, R * (minSize - 1) - fresh - R * mates);
  }
  const perPerson = Math.ceil(excess / 2);

  // 3. Pigeonhole per planned round: the best single earlier partition for each round.
  const seen = new Int32Array(n);
  let fromHistory = 0;
  history.forEach((round, i) => {
    fromHistory = Math.max(fromHistory, historyRoundBound(round, input, seen, i + 1));
  });
  let fromPlanned = -togetherPairs;
  for (let g = 0; g < H; g++) fromPlanned += evenPairs(sizes[g]!, H);
  const pigeonhole = fromHistory + (R - 1) * Math.max(fromHistory, fromPlanned, 0);

  return Math.max(0, pairCount, perPerson, pigeonhole);
}
