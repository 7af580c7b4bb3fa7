/**
 * Finds base rounds for cyclic.ts by tabu search when backtracking (base-search.ts) drowns, as it does
 * for blocks of four: every base round is a partition into blocks, the cost is how far the pairs of
 * the base rounds overshoot the quota of their σ-orbit (|O|·s/N pairs; the total of all quotas equals
 * the number of pairs, so cost 0 means every orbit met exactly), and a move swaps two points of
 * different blocks of one round, as the engine's own search does on whole schedules. Only rounds
 * with stabiliser 1. Offline use, like base-search.ts.
 */
import { createRng, shuffle } from '../rng.js';
import { isExcluded, pointCount, shift, type CyclicDesign, type CyclicSpec } from './cyclic.js';

export interface LocalSearchOptions {
  seed?: number;
  maxIterations?: number;
}

export function localSearchBase(spec: CyclicSpec, options: LocalSearchOptions = {}): CyclicDesign | null {
  const { N, k } = spec;
  const v = pointCount(spec);
  if (v % k !== 0 || spec.stabiliser.some((s) => s !== 1)) return null;
  const rng = createRng(options.seed ?? 1);
  const maxIterations = options.maxIterations ?? 2_000_000;
  const R = spec.stabiliser.length;
  const B = v / k;

  const orbitOf = new Int32Array(v * v).fill(-1);
  const quota: number[] = [];
  for (let a = 0; a < v; a++) {
    for (let b = a + 1; b < v; b++) {
      if (orbitOf[a * v + b]! >= 0) continue;
      const id = quota.length;
      let size = 0;
      for (let t = 0; t < N; t++) {
        const x = shift(spec, a, t);
        const y = shift(spec, b, t);
        if (orbitOf[x * v + y]! === id) break;
        orbitOf[x * v + y] = id;
        orbitOf[y * v + x] = id;
        size++;
      }
      // An orbit shorter than N cannot be met exactly once by full developments: forbid it.
      quota.push(isExcluded(spec, a, b) || size % N !== 0 ? 0 : size / N);
    }
  }
  const count = new Int32Array(quota.length);
  const over = (o: number): number => Math.max(0, count[o]! - quota[o]!);

  // slots[r][b*k + i]: point; where[r*v + p]: its slot.
  const slots = Array.from({ length: R }, () => shuffle(Array.from({ length: v }, (_, i) => i), rng));
  const where = new Int32Array(R * v);
  let cost = 0;
  const addPairs = (r: number, blk: number, p: number, sign: 1 | -1, skip = -1): void => {
    const s = slots[r]!;
    for (let i = blk * k; i < blk * k + k; i++) {
      const q = s[i]!;
      if (q === p || q === skip) continue;
      const o = orbitOf[p * v + q]!;
      cost -= over(o);
      count[o] = count[o]! + sign;
      cost += over(o);
    }
  };
  for (let r = 0; r < R; r++) {
    slots[r]!.forEach((p, i) => (where[r * v + p] = i));
    for (let blk = 0; blk < B; blk++) {
      for (let i = 0; i < k; i++) {
        for (let j = i + 1; j < k; j++) {
          const o = orbitOf[slots[r]![blk * k + i]! * v + slots[r]![blk * k + j]!]!;
          count[o]!++;
        }
      }
    }
  }
  for (let o = 0; o < quota.length; o++) cost += over(o);

  const swap = (r: number, a: number, b: number): void => {
    const s = slots[r]!;
    const ia = where[r * v + a]!;
    const ib = where[r * v + b]!;
    const A = Math.floor(ia / k);
    const Bk = Math.floor(ib / k);
    addPairs(r, A, a, -1);
    addPairs(r, Bk, b, -1);
    s[ia] = b;
    s[ib] = a;
    where[r * v + a] = ib;
    where[r * v + b] = ia;
    addPairs(r, A, b, 1);
    addPairs(r, Bk, a, 1);
  };
  const conflicted = (r: number, p: number): boolean => {
    const s = slots[r]!;
    const blk = Math.floor(where[r * v + p]! / k);
    for (let i = blk * k; i < blk * k + k; i++) {
      const q = s[i]!;
      if (q !== p && count[orbitOf[p * v + q]!]! > quota[orbitOf[p * v + q]!]!) return true;
    }
    return false;
  };

  const tabu = new Int32Array(R * v);
  let best = cost;
  let lastImprove = 0;
  for (let it = 1; it <= maxIterations && cost > 0; it++) {
    let bestDelta = Infinity;
    let move: [number, number, number] | null = null;
    let ties = 0;
    for (let r = 0; r < R; r++) {
      for (let a = 0; a < v; a++) {
        if (!conflicted(r, a)) continue;
        const A = Math.floor(where[r * v + a]! / k);
        for (let b = 0; b < v; b++) {
          if (Math.floor(where[r * v + b]! / k) === A) continue;
          const before = cost;
          swap(r, a, b);
          const d = cost - before;
          swap(r, a, b);
          const isTabu = tabu[r * v + a]! > it || tabu[r * v + b]! > it;
          if (isTabu && before + d >= best) continue;
          if (d < bestDelta) {
            bestDelta = d;
            ties = 1;
            move = [r, a, b];
          } else if (d === bestDelta && rng.int(++ties) === 0) move = [r, a, b];
        }
      }
    }
    if (!move) continue;
    const [r, a, b] = move;
    swap(r, a, b);
    tabu[r * v + a] = it + 2 + rng.int(5);
    tabu[r * v + b] = it + 2 + rng.int(5);
    if (cost < best) {
      best = cost;
      lastImprove = it;
    } else if (it - lastImprove > 2000) {
      for (let i = 0; i < 3; i++) {
        const rr = rng.int(R);
        const x = rng.int(v);
        const y = rng.int(v);
        if (Math.floor(where[rr * v + x]! / k) !== Math.floor(where[rr * v + y]! / k)) swap(rr, x, y);
      }
      best = cost;
      lastImprove = it;
    }
  }
  if (cost > 0) return null;
  const base = slots.map((s) => Array.from({ length: B }, (_, blk) => s.slice(blk * k, blk * k + k)));
  return { ...spec, base };
}
