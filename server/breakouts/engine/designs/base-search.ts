/**
 * Finds base rounds for cyclic.ts by randomised backtracking with restarts: rounds are filled one
 * after the other, each by taking the lowest uncovered point and trying blocks through it whose
 * pairs still have room in their σ-orbit's quota. Blocks of a round with stabiliser s come with
 * their images under σ^(N/s). Used offline (bench/groups/find-designs.ts) to fill table.ts, and by
 * the tests on small cases; the engine itself never searches for designs at run time.
 */
import { createRng, shuffle } from '../rng.js';
import { isExcluded, pointCount, shift, type CyclicDesign, type CyclicSpec } from './cyclic.js';

export interface BaseSearchOptions {
  seed?: number;
  /** Backtracking steps before a restart with a new random order. */
  restartAfter?: number;
  /** Total steps before giving up. */
  maxSteps?: number;
}

export function findBaseRounds(spec: CyclicSpec, options: BaseSearchOptions = {}): CyclicDesign | null {
  const { N, k } = spec;
  const v = pointCount(spec);
  const rng = createRng(options.seed ?? 1);
  const restartAfter = options.restartAfter ?? 200_000;
  const maxSteps = options.maxSteps ?? 50_000_000;

  // Pair orbits under σ and how many meetings each still needs.
  const orbitOf = new Int32Array(v * v).fill(-1);
  const need: number[] = [];
  for (let a = 0; a < v; a++) {
    for (let b = a + 1; b < v; b++) {
      if (orbitOf[a * v + b]! >= 0) continue;
      const id = need.length;
      let size = 0;
      for (let t = 0; t < N; t++) {
        const x = shift(spec, a, t);
        const y = shift(spec, b, t);
        if (orbitOf[x * v + y]! === id) break;
        orbitOf[x * v + y] = id;
        orbitOf[y * v + x] = id;
        size++;
      }
      need.push(isExcluded(spec, a, b) ? 0 : size);
    }
  }
  if (v % k !== 0) return null;

  let steps = 0;
  const rem = Int32Array.from(need);
  const used = new Uint8Array(v);
  const rounds: number[][][] = [];

  /** The σ^(N/s)-orbit of a block, or null when its images overlap it partly or hit used points. */
  const closure = (block: number[], s: number): number[][] | null => {
    const out = [block];
    const step = N / s;
    const key = (b: number[]): string => [...b].sort((x, y) => x - y).join(',');
    const first = key(block);
    for (let i = 1; i < s; i++) {
      const img = block.map((p) => shift(spec, p, i * step));
      if (key(img) === first) break; // the block is invariant: one block stands for the orbit
      for (const p of img) if (used[p] || block.includes(p)) return null;
      for (const other of out.slice(1)) for (const p of img) if (other.includes(p)) return null;
      out.push(img);
    }
    return out;
  };
  const charge = (blocks: number[][], w: number, sign: 1 | -1): boolean => {
    let ok = true;
    for (const b of blocks) {
      for (let i = 0; i < b.length; i++) {
        for (let j = i + 1; j < b.length; j++) {
          const o = orbitOf[b[i]! * v + b[j]!]!;
          rem[o] = rem[o]! - sign * w;
          if (rem[o]! < 0) ok = false;
        }
      }
    }
    return ok;
  };

  const fillRound = (c: number, blocks: number[][], budget: number): boolean => {
    if (++steps > budget) return false;
    // Most constrained point first: the one with the fewest partners its pairs' quotas still allow.
    const s = spec.stabiliser[c]!;
    const w = N / s;
    let p = v;
    let fewest = Infinity;
    for (let x = 0; x < v; x++) {
      if (used[x]) continue;
      let options = 0;
      for (let y = 0; y < v; y++) if (y !== x && !used[y] && rem[orbitOf[x * v + y]!]! >= w) options++;
      if (options < fewest) {
        fewest = options;
        p = x;
      }
    }
    if (p === v) {
      rounds.push(blocks.map((b) => [...b]));
      used.fill(0);
      if (c + 1 === spec.stabiliser.length || fillRound(c + 1, [], budget)) return true;
      rounds.pop();
      for (const b of blocks) for (const q of b) used[q] = 1;
      return false;
    }
    if (fewest < k - 1) return false;
    const free: number[] = [];
    for (let q = 0; q < v; q++) if (q !== p && !used[q] && rem[orbitOf[p * v + q]!]! >= w) free.push(q);
    shuffle(free, rng);
    const block = [p];
    const extend = (from: number): boolean => {
      if (block.length === k) {
        const images = closure([...block], s);
        if (!images) return false;
        const ok = charge(images, w, 1);
        if (ok) {
          for (const b of images) for (const q of b) used[q] = 1;
          blocks.push(...images);
          if (fillRound(c, blocks, budget)) return true;
          blocks.length -= images.length;
          for (const b of images) for (const q of b) used[q] = 0;
        }
        charge(images, w, -1);
        return steps > budget;
      }
      for (let i = from; i < free.length; i++) {
        const q = free[i]!;
        let fits = true;
        for (const x of block) if (rem[orbitOf[x * v + q]!]! < w) fits = false;
        if (!fits) continue;
        block.push(q);
        if (extend(i + 1)) {
          block.pop();
          return true;
        }
        block.pop();
        if (steps > budget) return false;
      }
      return false;
    };
    used[p] = 1;
    const found = extend(0);
    if (!found) used[p] = 0;
    return found && rounds.length === spec.stabiliser.length;
  };

  while (steps < maxSteps) {
    const budget = Math.min(maxSteps, steps + restartAfter);
    rem.set(need);
    used.fill(0);
    rounds.length = 0;
    if (fillRound(0, [], budget)) {
      // Every orbit must be met exactly: leftover need means the rounds cover too little.
      if (rem.every((x) => x === 0)) return { ...spec, base: rounds };
    }
    steps = budget;
  }
  return null;
}
