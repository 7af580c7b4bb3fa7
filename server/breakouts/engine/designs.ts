/**
 * Zero-repeat schedules from design theory. n = k·m people are laid out as k rows × m columns; in
 * round t the group b holds the point of row i in column x = b + mᵢ·t. Two points of different rows
 * meet in round t only if (mᵢ − mⱼ)·t = x − y, so they meet at most once as long as every product
 * (mᵢ − mⱼ)(t − t') is non-zero: always when m is a prime power (a field, giving m rounds: the
 * resolvable transversal design, or the affine plane when k = m), and over the integers mod m when
 * (k−1)(R−1) stays clear of multiples of m. Points of one row never meet, so if k divides m one more
 * round cuts every row into groups of k.
 */
import { makeField } from './galois.js';

/**
 * For `rounds` rounds of `groups` groups of equal size, the group of every point in every round
 * (point index = row · groups + column), or null when no construction is known for these numbers.
 */
export function transversalSchedule(people: number, groups: number, rounds: number): Int32Array[] | null {
  const m = groups;
  if (m < 1 || rounds < 1 || people % m !== 0) return null;
  const k = people / m;
  if (k === 2) return roundRobinPairs(people, rounds);
  if (k < 2 || k > m) return null;
  const rowRound = m % k === 0 ? 1 : 0;
  const field = makeField(m);
  const arith = field ?? {
    sub: (a: number, b: number) => (((a - b) % m) + m) % m,
    mul: (a: number, b: number) => (a * b) % m,
  };
  let transversal = m;
  if (!field) {
    // Largest T such that d·e ≢ 0 (mod m) for all 1 ≤ d < k, 1 ≤ e < T.
    transversal = 1;
    outer: for (let e = 1; e < m; e++) {
      for (let d = 1; d < k; d++) if ((d * e) % m === 0) break outer;
      transversal = e + 1;
    }
  }
  if (rounds > transversal + rowRound) return null;
  const out: Int32Array[] = [];
  for (let t = 0; t < rounds; t++) {
    const groupOf = new Int32Array(people);
    for (let i = 0; i < k; i++) {
      for (let x = 0; x < m; x++) {
        const point = i * m + x;
        groupOf[point] =
          t < transversal ? arith.sub(x, arith.mul(i, t)) : i * (m / k) + Math.floor(x / k);
      }
    }
    out.push(groupOf);
  }
  return out;
}

/**
 * Pairs (1:1 conversations): the circle method of round-robin tournaments. Person n−1 stays put,
 * the others rotate; round t pairs t with n−1 and t+i with t−i (mod n−1), so n−1 rounds meet every
 * pair exactly once.
 */
export function roundRobinPairs(people: number, rounds: number): Int32Array[] | null {
  if (people % 2 !== 0 || people < 2 || rounds > people - 1) return null;
  const m = people - 1;
  const out: Int32Array[] = [];
  for (let t = 0; t < rounds; t++) {
    const groupOf = new Int32Array(people);
    groupOf[m] = 0;
    groupOf[t] = 0;
    for (let i = 1; i <= (m - 1) / 2; i++) {
      groupOf[(t + i) % m] = i;
      groupOf[(t - i + m) % m] = i;
    }
    out.push(groupOf);
  }
  return out;
}
