/**
 * The tripling construction (and its analogue for any block size k): a resolvable design on k·w
 * points from one on w points. Lay the points out as k copies of the w-point design. The w rounds of
 * a resolvable transversal design TD(k, w) join one point from every copy and meet every pair of
 * points from different copies once; the (w − 1)/(k − 1) rounds of the small design, run in all
 * copies at the same time, meet every pair inside a copy once. So KTS(3w) follows from KTS(w):
 * 99 = 3·33, 117 = 3·39, 135 = 3·45 (Stinson, Combinatorial Designs, the product construction).
 */
import { transversalSchedule } from '../designs.js';

/**
 * Rounds of the product design for `points` = size·w, given the small design's full rounds (groupOf
 * over w points, w/size groups); null when the transversal design TD(size, w) is not available.
 */
export function productSchedule(points: number, size: number, small: Int32Array[], maxRounds: number): Int32Array[] | null {
  const w = points / size;
  if (!Number.isInteger(w) || w % size !== 0 || small.length !== (w - 1) / (size - 1)) return null;
  const cross = transversalSchedule(points, w, Math.min(w, maxRounds));
  if (!cross) return null;
  const out = cross;
  const perCopy = w / size;
  for (let s = 0; s < small.length && out.length < maxRounds; s++) {
    // transversalSchedule numbers point (row i, column x) as i·w + x: copy i is row i.
    const groupOf = new Int32Array(points);
    for (let i = 0; i < size; i++) for (let x = 0; x < w; x++) groupOf[i * w + x] = i * perCopy + small[s]![x]!;
    out.push(groupOf);
  }
  return out;
}
