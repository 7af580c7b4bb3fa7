/**
 * Resolvable designs with a cyclic automorphism, stored as a few base rounds. Points are Z_N × rows
 * plus fixed points ∞₀…∞_{f−1}: finite point (x, row) has index row·N + x, ∞ⱼ has rows·N + j. The
 * shift σ: (x, row) → (x + 1, row) fixes the ∞ points. A base round invariant under σ^(N/s) yields
 * N/s rounds σ⁰P … σ^(N/s−1)P; a pair orbit O of σ is then met (N/s)·|pairs of P in O| times, so a
 * base round is a valid design exactly when that product equals |O| for every orbit that must be met
 * (and 0 for the orbits left out: the "groups" of a group divisible design). This is why a handful
 * of numbers can stand for a whole Kirkman system or the 8-4-10 golfer schedule, and why a search
 * over base rounds (base-search.ts) is small enough to run once, offline, for table.ts.
 */

export interface CyclicSpec {
  /** Order of the cyclic group Z_N. */
  N: number;
  rows: number;
  /** Fixed points (∞). */
  inf: number;
  /** Block (group) size. */
  k: number;
  /** Per base round: the order s of its stabiliser (1: all N shifts give new rounds; 2: N/2 of them). */
  stabiliser: number[];
  /**
   * Pairs that never meet (the groups of a group divisible design), all invariant under σ: 'inf' the
   * ∞ points among themselves, 'half' (x, r)–(x + N/2, r), 'column' (x, r)–(x, r') for all rows,
   * 'columnPairs' (x, 2i)–(x, 2i+1).
   */
  excluded?: Exclusion[];
}

export type Exclusion = 'inf' | 'half' | 'column' | 'columnPairs';

export function isExcluded(spec: CyclicSpec, a: number, b: number): boolean {
  const fin = spec.N * spec.rows;
  for (const e of spec.excluded ?? []) {
    if (e === 'inf' && a >= fin && b >= fin) return true;
    if (a >= fin || b >= fin) continue;
    const ra = Math.floor(a / spec.N);
    const rb = Math.floor(b / spec.N);
    const xa = a - ra * spec.N;
    const xb = b - rb * spec.N;
    if (e === 'half' && ra === rb && spec.N % 2 === 0 && Math.abs(xa - xb) === spec.N / 2) return true;
    if (e === 'column' && ra !== rb && xa === xb) return true;
    if (e === 'columnPairs' && xa === xb && Math.floor(ra / 2) === Math.floor(rb / 2) && ra !== rb) return true;
  }
  return false;
}

export interface CyclicDesign extends CyclicSpec {
  /** Per base round, its blocks as point indices. */
  base: number[][][];
}

export function pointCount(spec: CyclicSpec): number {
  return spec.N * spec.rows + spec.inf;
}

/** σ^t applied to a point. */
export function shift(spec: CyclicSpec, p: number, t: number): number {
  const { N, rows } = spec;
  if (p >= N * rows) return p;
  const row = Math.floor(p / N);
  return row * N + ((((p - row * N + t) % N) + N) % N);
}

/** All rounds of the design: groupOf[point] per round, rounds of base round 0 first. */
export function expandCyclic(design: CyclicDesign): Int32Array[] {
  const v = pointCount(design);
  const out: Int32Array[] = [];
  design.base.forEach((blocks, c) => {
    const span = design.N / design.stabiliser[c]!;
    for (let t = 0; t < span; t++) {
      const groupOf = new Int32Array(v).fill(-1);
      blocks.forEach((block, g) => {
        for (const p of block) groupOf[shift(design, p, t)] = g;
      });
      out.push(groupOf);
    }
  });
  return out;
}
