/**
 * Zero-repeat schedules from design theory. n = k·m people are laid out as k rows × m columns; in
 * round t the group b holds the point of row i in column x = b + mᵢ·t. Two points of different rows
 * meet in round t only if (mᵢ − mⱼ)·t = x − y, so they meet at most once as long as every product
 * (mᵢ − mⱼ)(t − t') is non-zero: always when m is a prime power (a field, giving m rounds: the
 * resolvable transversal design, or the affine plane when k = m), and over the integers mod m when
 * (k−1)(R−1) stays clear of multiples of m. Between the two, MacNeish's product of the fields of
 * m's prime-power factors: row i is the element (i, i, …), and differences of rows are units as long
 * as k is at most the smallest factor, so all m rounds work (12 groups of 3: 12 rounds, not 6).
 * Points of one row never meet, so if k divides m one more round cuts every row into groups of k.
 */
import { makeField, primePower } from './galois.js';

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
  const field = makeField(m) ?? productRing(m, k);
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

/**
 * GF(q₁) × … × GF(q_r) for m = q₁⋯q_r (prime powers), elements in mixed radix; mul(i, t) reads the
 * row index i as the element (i, …, i). Null if m is a prime power or a factor is smaller than k.
 */
function productRing(m: number, k: number): { sub(a: number, b: number): number; mul(i: number, t: number): number } | null {
  const factors: number[] = [];
  let rest = m;
  for (let p = 2; p * p <= rest; p++) {
    if (rest % p !== 0) continue;
    let q = 1;
    while (rest % p === 0) {
      rest /= p;
      q *= p;
    }
    factors.push(q);
  }
  if (rest > 1) factors.push(rest);
  if (factors.length < 2 || Math.min(...factors) < k || factors.some((q) => !primePower(q))) return null;
  const fields = factors.map((q) => makeField(q)!);
  const split = (a: number): number[] => factors.map((q) => {
    const d = a % q;
    a = Math.floor(a / q);
    return d;
  });
  const join = (digits: number[]): number => digits.reduceRight((acc, d, j) => acc * factors[j]! + d, 0);
  return {
    sub: (a, b) => {
      const db = split(b);
      return join(split(a).map((d, j) => fields[j]!.sub(d, db[j]!)));
    },
    mul: (i, t) => join(split(t).map((d, j) => fields[j]!.mul(i, d))),
  };
}
