/**
 * The mutable search state: R rounds, each a permutation of the n people cut into groups of fixed
 * sizes (slots groupStart[g] .. groupStart[g+1]). Everything the search asks per move is kept
 * incrementally: pair meeting counts, each person's number of conflicting group mates per round
 * (`leave`), class counts per group, and the set of (round, person) entries in conflict. A swap costs
 * O(group size × rounds), never a full recount.
 */
import { createPairCounts, type PairCounts } from './pairs.js';
import type { Problem } from './problem.js';

/** Class counts per (round, group, class): flat typed array when small, Map otherwise. */
class ClassCounts {
  private readonly dense: Int32Array | null;
  private readonly sparse: Map<number, number> | null;
  constructor(size: number) {
    const dense = size <= 1 << 24;
    this.dense = dense ? new Int32Array(size) : null;
    this.sparse = dense ? null : new Map();
  }
  get(i: number): number {
    return this.dense ? this.dense[i]! : (this.sparse!.get(i) ?? 0);
  }
  add(i: number, d: number): number {
    if (this.dense) return (this.dense[i] = this.dense[i]! + d);
    const v = (this.sparse!.get(i) ?? 0) + d;
    if (v === 0) this.sparse!.delete(i);
    else this.sparse!.set(i, v);
    return v;
  }
  clear(): void {
    this.dense?.fill(0);
    this.sparse?.clear();
  }
}

export function groupLayout(sizes: Int32Array): { groupStart: Int32Array; groupOfSlot: Int32Array } {
  const G = sizes.length;
  const groupStart = new Int32Array(G + 1);
  for (let g = 0; g < G; g++) groupStart[g + 1] = groupStart[g]! + sizes[g]!;
  const groupOfSlot = new Int32Array(groupStart[G]!);
  for (let g = 0; g < G; g++) groupOfSlot.fill(g, groupStart[g]!, groupStart[g + 1]!);
  return { groupStart, groupOfSlot };
}

export class Schedule {
  readonly n: number;
  readonly R: number;
  readonly G: number;
  readonly K: number;
  readonly slots: Int32Array;
  readonly pos: Int32Array;
  readonly groupStart: Int32Array;
  readonly groupOfSlot: Int32Array;
  readonly counts: PairCounts;
  readonly leave: Int32Array;
  readonly hardConf: Int32Array;
  readonly classes: ClassCounts;
  /**
   * locked[r*n+p]: p never moves alone in round r — together members (their set moves as a whole)
   * and pinned people (who do not move at all).
   */
  readonly locked: Uint8Array;
  readonly confItems: Int32Array;
  readonly confIndex: Int32Array;
  confSize = 0;
  repeats = 0;
  hard = 0;

  constructor(readonly problem: Problem, slots: Int32Array) {
    const { n, rounds: R, groups: G } = problem;
    this.n = n;
    this.R = R;
    this.G = G;
    this.K = problem.classInfo.length;
    ({ groupStart: this.groupStart, groupOfSlot: this.groupOfSlot } = groupLayout(problem.sizes));
    this.slots = new Int32Array(R * n);
    this.pos = new Int32Array(R * n);
    this.counts = createPairCounts(n);
    for (const round of problem.history) {
      for (const group of round) {
        for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) this.counts.inc(group[i]!, group[j]!);
      }
    }
    this.leave = new Int32Array(R * n);
    this.hardConf = new Int32Array(R * n);
    this.classes = new ClassCounts(R * G * this.K);
    this.locked = new Uint8Array(R * n);
    for (let r = 0; r < R; r++) {
      for (let p = 0; p < n; p++) this.locked[r * n + p] = problem.togetherOf[p]! >= 0 || problem.pins[r * n + p]! >= 0 ? 1 : 0;
    }
    this.confItems = new Int32Array(R * n);
    this.confIndex = new Int32Array(R * n).fill(-1);
    this.load(slots, true);
  }

  cost(): number {
    return this.repeats + this.problem.hardWeight * this.hard;
  }

  groupOf(r: number, p: number): number {
    return this.groupOfSlot[this.pos[r * this.n + p]!]!;
  }

  private sameComp(u: number, v: number): boolean {
    const t = this.problem.togetherOf[u]!;
    return t >= 0 && t === this.problem.togetherOf[v];
  }

  /** Replaces the whole planned schedule (initial build, or a return to the best one found). */
  load(slots: Int32Array, fresh = false): void {
    const { n, R, groupOfSlot, counts } = this;
    if (!fresh) this.forEachPlannedPair((u, v) => void counts.dec(u, v));
    this.slots.set(slots);
    for (let r = 0; r < R; r++) for (let i = 0; i < n; i++) this.pos[r * n + slots[r * n + i]!] = i;
    this.repeats = 0;
    this.forEachPlannedPair((u, v) => {
      if (counts.inc(u, v) >= 2 && !this.sameComp(u, v)) this.repeats++;
    });
    this.leave.fill(0);
    this.forEachPlannedPair((u, v, r) => {
      if (counts.get(u, v) >= 2 && !this.sameComp(u, v)) {
        this.leave[r * n + u]!--;
        this.leave[r * n + v]!--;
      }
    });
    this.classes.clear();
    this.hard = 0;
    const { classStart, classList, classCap } = this.problem;
    if (this.K > 0) {
      for (let r = 0; r < R; r++) {
        for (let i = 0; i < n; i++) {
          const p = slots[r * n + i]!;
          const g = groupOfSlot[i]!;
          for (let c = classStart[p]!; c < classStart[p + 1]!; c++) {
            const k = classList[c]!;
            const v = this.classes.add((r * this.G + g) * this.K + k, 1);
            if (v > classCap[k]!) this.hard++;
          }
        }
      }
    }
    this.hardConf.fill(0);
    for (let r = 0; r < R; r++) for (let g = 0; g < this.G; g++) this.refreshHardConf(r, g);
    this.confSize = 0;
    this.confIndex.fill(-1);
    for (let r = 0; r < R; r++) for (let p = 0; p < n; p++) this.touch(r, p);
  }

  private forEachPlannedPair(fn: (u: number, v: number, r: number) => void): void {
    const { n, R, G, groupStart, slots } = this;
    for (let r = 0; r < R; r++) {
      const base = r * n;
      for (let g = 0; g < G; g++) {
        const end = groupStart[g + 1]!;
        for (let i = groupStart[g]!; i < end; i++) {
          for (let j = i + 1; j < end; j++) fn(slots[base + i]!, slots[base + j]!, r);
        }
      }
    }
  }

  classCount(r: number, g: number, k: number): number {
    return this.classes.get((r * this.G + g) * this.K + k);
  }

  private refreshHardConf(r: number, g: number): void {
    if (this.K === 0) return;
    const { n, slots, groupStart } = this;
    const { classStart, classList, classCap } = this.problem;
    for (let i = groupStart[g]!; i < groupStart[g + 1]!; i++) {
      const p = slots[r * n + i]!;
      let over = 0;
      for (let c = classStart[p]!; c < classStart[p + 1]!; c++) {
        const k = classList[c]!;
        if (this.classCount(r, g, k) > classCap[k]!) over++;
      }
      this.hardConf[r * n + p] = over;
    }
  }

  /** Keeps (r, p) in the conflict set exactly when p may move and has a repeat or a broken rule. */
  private touch(r: number, p: number): void {
    const e = r * this.n + p;
    const should = !this.locked[e] && (this.leave[e]! < 0 || this.hardConf[e]! > 0);
    const at = this.confIndex[e]!;
    if (should && at < 0) {
      this.confIndex[e] = this.confSize;
      this.confItems[this.confSize++] = e;
    } else if (!should && at >= 0) {
      const last = this.confItems[--this.confSize]!;
      this.confItems[at] = last;
      this.confIndex[last] = at;
      this.confIndex[e] = -1;
    }
  }

  /** The pair (u, v) stops meeting in round r because u leaves v's group. */
  private dropPair(u: number, v: number, r: number): void {
    const before = this.counts.get(u, v);
    this.counts.dec(u, v);
    if (this.sameComp(u, v)) return; // together members meet by rule, not by chance
    if (before >= 2) {
      this.repeats--;
      this.leave[r * this.n + v]!++;
      this.touch(r, v);
      if (before === 2) this.crossed(u, v, r, 1);
    }
  }

  /** The pair (u, v) starts meeting in round r because u joins v's group. */
  private addPair(u: number, v: number, r: number): void {
    const after = this.counts.inc(u, v);
    if (this.sameComp(u, v)) return;
    if (after >= 2) {
      this.repeats++;
      this.leave[r * this.n + v]!--;
      this.leave[r * this.n + u]!--;
      this.touch(r, v);
      if (after === 2) this.crossed(u, v, r, -1);
    }
  }

  /** The pair's count crossed 2: it became (−1) or stopped being (+1) a conflict in its other rounds. */
  private crossed(u: number, v: number, skip: number, d: number): void {
    const { n, R, pos, groupOfSlot } = this;
    for (let r = 0; r < R; r++) {
      if (r === skip) continue;
      if (groupOfSlot[pos[r * n + u]!] === groupOfSlot[pos[r * n + v]!]) {
        this.leave[r * n + u]! += d;
        this.leave[r * n + v]! += d;
        this.touch(r, u);
        this.touch(r, v);
      }
    }
  }

  /**
   * Swaps a and b (in different groups) in round r. The search swaps free people one by one and
   * moves a together set as a sequence of such swaps.
   */
  swap(r: number, a: number, b: number): void {
    const { n, slots, pos, groupStart, groupOfSlot } = this;
    const base = r * n;
    const ia = pos[base + a]!;
    const ib = pos[base + b]!;
    const A = groupOfSlot[ia]!;
    const B = groupOfSlot[ib]!;
    for (let j = groupStart[A]!; j < groupStart[A + 1]!; j++) if (j !== ia) this.dropPair(a, slots[base + j]!, r);
    for (let j = groupStart[B]!; j < groupStart[B + 1]!; j++) if (j !== ib) this.dropPair(b, slots[base + j]!, r);
    if (this.K > 0) {
      const { classStart, classList } = this.problem;
      for (let c = classStart[a]!; c < classStart[a + 1]!; c++) {
        this.moveClass(r, A, B, classList[c]!);
      }
      for (let c = classStart[b]!; c < classStart[b + 1]!; c++) {
        this.moveClass(r, B, A, classList[c]!);
      }
    }
    slots[base + ia] = b;
    slots[base + ib] = a;
    pos[base + a] = ib;
    pos[base + b] = ia;
    this.leave[base + a] = 0;
    this.leave[base + b] = 0;
    for (let j = groupStart[A]!; j < groupStart[A + 1]!; j++) if (j !== ia) this.addPair(b, slots[base + j]!, r);
    for (let j = groupStart[B]!; j < groupStart[B + 1]!; j++) if (j !== ib) this.addPair(a, slots[base + j]!, r);
    if (this.K > 0) {
      this.refreshHardConf(r, A);
      this.refreshHardConf(r, B);
      for (let j = groupStart[A]!; j < groupStart[A + 1]!; j++) this.touch(r, slots[base + j]!);
      for (let j = groupStart[B]!; j < groupStart[B + 1]!; j++) this.touch(r, slots[base + j]!);
    }
    this.touch(r, a);
    this.touch(r, b);
  }

  private moveClass(r: number, from: number, to: number, k: number): void {
    const cap = this.problem.classCap[k]!;
    const rowFrom = (r * this.G + from) * this.K + k;
    const rowTo = (r * this.G + to) * this.K + k;
    if (this.classes.add(rowFrom, -1) >= cap) this.hard--;
    if (this.classes.add(rowTo, 1) > cap) this.hard++;
  }
}
