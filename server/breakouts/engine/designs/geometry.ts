/**
 * Lines of the affine space AG(d, q): q^d points (coordinate vectors over GF(q), base-q digits of the
 * point index), each direction (a point of PG(d−1, q)) one round whose groups are the q^(d−1)
 * parallel lines of that direction. Two points span exactly one line, so no pair meets twice over
 * all (q^d − 1)/(q − 1) rounds: Kirkman systems of order 3^d, the 64-in-4s design with 21 rounds,
 * 125 in groups of 5 over 31 rounds. The plane (d = 2) is also built by designs.ts.
 */
import { makeField } from '../galois.js';

/** The rounds of AG(d, q) for `points` people in groups of `size` (q = size), at most maxRounds; or null. */
export function affineSchedule(points: number, size: number, maxRounds: number): Int32Array[] | null {
  const field = makeField(size);
  if (!field || size < 2) return null;
  const q = size;
  let d = 0;
  for (let p = 1; p < points; p *= q) d++;
  if (q ** d !== points || d < 2) return null;
  const digits = (x: number): number[] => {
    const out: number[] = [];
    for (let i = 0; i < d; i++, x = Math.floor(x / q)) out.push(x % q);
    return out;
  };
  const out: Int32Array[] = [];
  // Directions: vectors whose last non-zero digit is 1, in index order.
  for (let u = 1; u < points && out.length < maxRounds; u++) {
    const du = digits(u);
    let lead = d - 1;
    while (du[lead] === 0) lead--;
    if (du[lead] !== 1) continue;
    const groupOf = new Int32Array(points);
    for (let x = 0; x < points; x++) {
      const dx = digits(x);
      // The line's representative: the point on it whose lead coordinate is 0; dropping that
      // coordinate numbers the q^(d−1) parallel lines.
      const t = dx[lead]!;
      let g = 0;
      for (let i = d - 1, scale = 1; i >= 0; i--) {
        if (i === lead) continue;
        g += field.sub(dx[i]!, field.mul(t, du[i]!)) * scale;
        scale *= q;
      }
      groupOf[x] = g;
    }
    out.push(groupOf);
  }
  return out;
}

/** Rounds AG(d, q) offers for these numbers (0 if it does not apply). */
export function affineRounds(points: number, size: number): number {
  if (!makeField(size) || size < 2) return 0;
  let d = 0;
  for (let p = 1; p < points; p *= size) d++;
  return size ** d === points && d >= 2 ? (points - 1) / (size - 1) : 0;
}
