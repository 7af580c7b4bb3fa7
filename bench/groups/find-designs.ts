/**
 * Offline helper that filled server/breakouts/engine/designs/table.ts: for each wanted design it tries
 * a few cyclic structures (group Z_N, rows, ∞ points, stabilisers) with the backtracking search and,
 * for blocks of four and more, the tabu search on base rounds, and prints the entries it finds.
 * `npx tsx bench/groups/find-designs.ts [name…]`; the engine never runs this.
 */
import { findBaseRounds } from '../../server/breakouts/engine/designs/base-search.js';
import { localSearchBase } from '../../server/breakouts/engine/designs/base-local.js';
import { encodeBase } from '../../server/breakouts/engine/designs/table.js';
import type { CyclicSpec } from '../../server/breakouts/engine/designs/cyclic.js';

interface Wanted {
  name: string;
  specs: CyclicSpec[];
  seed?: number;
  restartAfter?: number;
  maxSteps?: number;
}

const wanted: Wanted[] = [];
// Kirkman triple systems KTS(v), v ≡ 3 (mod 6).
for (let v = 15; v <= 147; v += 6) {
  const specs: CyclicSpec[] = [];
  const half = (v - 1) / 2;
  if (half % 2 === 1) specs.push({ N: half, rows: 2, inf: 1, k: 3, stabiliser: [1] });
  specs.push({ N: v - 1, rows: 1, inf: 1, k: 3, stabiliser: [2] });
  if ((v - 1) % 4 === 0 && ((v - 1) / 4) % 2 === 1) specs.push({ N: (v - 1) / 4, rows: 4, inf: 1, k: 3, stabiliser: [1, 1] });
  wanted.push({ name: `kts${v}`, specs });
}
// Nearly Kirkman triple systems (3-RGDD of type 2^(v/2)), v ≡ 0 (mod 6).
for (let v = 18; v <= 150; v += 6) {
  const specs: CyclicSpec[] = [];
  const N = (v - 2) / 2;
  specs.push({ N, rows: 2, inf: 2, k: 3, stabiliser: [1], excluded: ['inf', N % 2 === 0 ? 'half' : 'columnPairs'] });
  if ((v - 2) % 4 === 0 && ((v - 2) / 4) % 2 === 1) {
    specs.push({ N: (v - 2) / 4, rows: 4, inf: 2, k: 3, stabiliser: [1, 1], excluded: ['inf', 'columnPairs'] });
  }
  // 18: none of the ∞ structures has one; Z_3 × 6 with two fixed base rounds (3 + 3 + 1 + 1) has.
  if (v === 18) specs.unshift({ N: 3, rows: 6, inf: 0, k: 3, stabiliser: [1, 1, 3, 3], excluded: ['columnPairs'] });
  wanted.push({ name: `nkts${v}`, specs, ...(v === 18 ? { seed: 3 } : {}) });
}
// Resolvable 2-(v, 4, 1) designs, v ≡ 4 (mod 12).
for (let v = 28; v <= 148; v += 12) {
  wanted.push({
    name: `rb4_${v}`,
    specs: [
      { N: v - 1, rows: 1, inf: 1, k: 4, stabiliser: [3] },
      { N: (v - 1) / 3, rows: 3, inf: 1, k: 4, stabiliser: [1] },
    ],
  });
}
// Resolvable 2-(v, 5, 1) designs, v ≡ 5 (mod 20).
for (let v = 45; v <= 145; v += 20) {
  wanted.push({
    name: `rb5_${v}`,
    specs: [
      { N: v - 1, rows: 1, inf: 1, k: 5, stabiliser: [4] },
      { N: (v - 1) / 4, rows: 4, inf: 1, k: 5, stabiliser: [1] },
    ],
  });
}
// Social golfer 6-4-7: a 4-RGDD of type 3^8.
wanted.push({ name: 'g6_4_7', specs: [{ N: 7, rows: 3, inf: 3, k: 4, stabiliser: [1], excluded: ['inf', 'column'] }] });
// Social golfer 8-4-10: a 4-RGDD of type 2^16. The ∞-point structures tried first found nothing in
// minutes; Z_8 × 4 with base rounds of stabiliser 2, 2 and 4 (4 + 4 + 2 rounds) took 18 s (seed 7).
wanted.push({
  name: 'g8_4_10',
  specs: [{ N: 8, rows: 4, inf: 0, k: 4, stabiliser: [2, 2, 4], excluded: ['half'] }],
  seed: 7,
  restartAfter: 100_000,
  maxSteps: 5e8,
});

const only = new Set(process.argv.slice(2));
const steps = Number(process.env.STEPS ?? 3e6);
const iterations = Number(process.env.ITERATIONS ?? 3000);
for (const w of wanted) {
  if (only.size && !only.has(w.name)) continue;
  let found = false;
  for (const spec of w.specs) {
    const t = performance.now();
    let d = findBaseRounds(spec, { seed: w.seed ?? 1, maxSteps: w.maxSteps ?? steps, restartAfter: w.restartAfter ?? 50_000 });
    if (!d && spec.stabiliser.every((s) => s === 1)) d = localSearchBase(spec, { seed: 1, maxIterations: iterations });
    if (d) {
      const { excluded, ...rest } = spec;
      console.log(`  ${w.name}: ${JSON.stringify({ ...rest, ...(excluded ? { excluded } : {}), base: encodeBase(d.base) })}, // ${Math.round(performance.now() - t)} ms`);
      found = true;
      break;
    }
  }
  if (!found) console.log(`  // ${w.name}: not found`);
}
