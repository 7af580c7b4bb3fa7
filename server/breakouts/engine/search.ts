/**
 * Tabu search over swaps of two people in different groups of the same round where at least one of
 * them is in conflict (a repeat or a broken rule) — Dotú & Van Hentenryck's neighbourhood. The best
 * non-tabu swap is taken even if it worsens the cost (aspiration: a tabu swap that beats the best
 * cost ever seen is allowed); after a long stall the search returns to the best schedule and kicks
 * it with a few random swaps. Together sets move as a whole (swapped against as many free people
 * of a conflicting group). Large instances sample the conflicts and the target groups so one
 * iteration stays cheap, and apply every improving swap they find at once. Stops at the lower
 * bound, the work budget or the deadline.
 */
import type { Rng } from './rng.js';
import type { Schedule } from './schedule.js';

export interface SearchBudget {
  /** Deterministic bound: pair look-ups the search may spend. */
  maxWork: number;
  /** Optional wall-clock bound; only consulted when a clock is given. */
  clock?: () => number;
  deadline?: number;
}

export interface SearchTuning {
  tenureMin?: number;
  tenureSpan?: number;
  /** Iterations without a new best before returning to the best schedule and kicking it. */
  stallLimit?: number;
  /** Random swaps per kick. */
  kick?: number;
}

export interface SearchStats {
  iterations: number;
  work: number;
}

/** Pair look-ups one iteration should cost at most before we start sampling. */
const ITERATION_WORK = 24_000;
const MAX_GROUPS_SCANNED = 48;
/** Above this many people improving swaps are applied per conflict, not one per iteration. */
const BATCH_FROM = 500;

export function tabuSearch(st: Schedule, rng: Rng, budget: SearchBudget, target: number, tuning: SearchTuning = {}): SearchStats {
  const { n, G, slots, pos, groupStart, groupOfSlot, counts, leave, locked } = st;
  const problem = st.problem;
  const W = problem.hardWeight;
  const { classStart, classList, classCap } = problem;
  const K = st.K;
  const avgSize = n / G;
  const maxEntries = Math.max(6, Math.floor(ITERATION_WORK / (Math.min(G, MAX_GROUPS_SCANNED) * avgSize * avgSize)));
  const tabu = new Int32Array(st.R * n);
  // Tuned on 15-3-7, 30-5-5 and 32-4-8 (without the design construction): a short per-person tenure
  // (1–3 iterations) and rare, small kicks solved every seed tried; longer tenures or larger kicks
  // left 1–3 repeats on some seeds.
  const tenureMin = tuning.tenureMin ?? 1;
  const tenureSpan = tuning.tenureSpan ?? 3;
  const stallLimit = tuning.stallLimit ?? 6000;
  const kick = tuning.kick ?? 4;

  let best = st.cost();
  const bestSlots = st.slots.slice();
  let iter = 0;
  let lastImprove = 0;
  let work = 0;

  const hasClass = (p: number, k: number): boolean => {
    for (let c = classStart[p]!; c < classStart[p + 1]!; c++) if (classList[c] === k) return true;
    return false;
  };
  const pen = (c: number, k: number): number => (c > classCap[k]! ? c - classCap[k]! : 0);
  const hardDelta = (r: number, a: number, A: number, b: number, B: number): number => {
    let d = 0;
    for (let c = classStart[a]!; c < classStart[a + 1]!; c++) {
      const k = classList[c]!;
      if (hasClass(b, k)) continue;
      const cA = st.classCount(r, A, k);
      const cB = st.classCount(r, B, k);
      d += pen(cA - 1, k) - pen(cA, k) + pen(cB + 1, k) - pen(cB, k);
    }
    for (let c = classStart[b]!; c < classStart[b + 1]!; c++) {
      const k = classList[c]!;
      if (hasClass(a, k)) continue;
      const cA = st.classCount(r, A, k);
      const cB = st.classCount(r, B, k);
      d += pen(cB - 1, k) - pen(cB, k) + pen(cA + 1, k) - pen(cA, k);
    }
    return d;
  };
  const randomFreeSwap = (): boolean => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const r = rng.int(st.R);
      const a = rng.int(n);
      const b = rng.int(n);
      if (locked[r * n + a] || locked[r * n + b]) continue;
      if (groupOfSlot[pos[r * n + a]!] === groupOfSlot[pos[r * n + b]!]) continue;
      st.swap(r, a, b);
      return true;
    }
    return false;
  };

  // Together sets move as a whole: the set swaps places with as many free people of a group that
  // holds a conflict (the conflicting person first), evaluated by applying and undoing the swaps.
  const comps = problem.together;
  const compTries = comps.length === 0 ? 0 : Math.min(comps.length, 3);
  const compWhole = (r: number, comp: Int32Array): number => {
    const g = st.groupOf(r, comp[0]!);
    for (let i = 1; i < comp.length; i++) if (st.groupOf(r, comp[i]!) !== g) return -1;
    return g;
  };
  /** The comp's size in free people of group g, the conflicting person a first; null if too few. */
  const pickFree = (r: number, g: number, a: number, size: number): number[] | null => {
    const picked = [a];
    const others: number[] = [];
    for (let j = groupStart[g]!; j < groupStart[g + 1]!; j++) {
      const y = slots[r * n + j]!;
      if (y !== a && !locked[r * n + y]) others.push(y);
    }
    if (others.length < size - 1) return null;
    const badness = (y: number): number => -leave[r * n + y]! + st.hardConf[r * n + y]!;
    for (let i = others.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const t = others[i]!;
      others[i] = others[j]!;
      others[j] = t;
    }
    others.sort((x, y) => badness(y) - badness(x));
    for (let i = 0; picked.length < size; i++) picked.push(others[i]!);
    return picked;
  };
  const applyComp = (r: number, comp: Int32Array, people: number[]): void => {
    for (let i = 0; i < comp.length; i++) st.swap(r, comp[i]!, people[i]!);
  };
  const unmoveComp = (r: number, comp: Int32Array, people: number[]): void => {
    for (let i = comp.length - 1; i >= 0; i--) st.swap(r, comp[i]!, people[i]!);
  };
  const picked = new Int32Array(Math.max(1, maxEntries));
  const batch = n > BATCH_FROM;

  while (st.cost() > target && work < budget.maxWork) {
    if (budget.clock && budget.deadline !== undefined && (iter & 7) === 0 && budget.clock() >= budget.deadline) break;
    iter++;
    const m = st.confSize;
    if (m === 0) break; // what remains involves only people who may not move
    const entries = Math.min(m, maxEntries);
    for (let t = 0; t < entries; t++) picked[t] = m <= maxEntries ? st.confItems[t]! : st.confItems[rng.int(m)]!;
    let cost = st.cost();
    let bestDelta = Infinity;
    let moveR = -1;
    let moveA = -1;
    let moveB = -1;
    let moveSet: Int32Array | null = null;
    let moveFree: number[] | null = null;
    let ties = 0;
    let applied = 0;
    const consider = (d: number, r: number, a: number, b: number, comp: Int32Array | null, free: number[] | null): void => {
      if (d < bestDelta) {
        bestDelta = d;
        ties = 1;
      } else if (d !== bestDelta || rng.int(++ties) !== 0) return;
      moveR = r;
      moveA = a;
      moveB = b;
      moveSet = comp;
      moveFree = free;
    };
    for (let t = 0; t < entries; t++) {
      const e = picked[t]!;
      const r = Math.floor(e / n);
      const a = e - r * n;
      const base = r * n;
      const ia = pos[e]!;
      const A = groupOfSlot[ia]!;
      const aStart = groupStart[A]!;
      const aEnd = groupStart[A + 1]!;
      const tabuA = tabu[e]! > iter;
      const aHas = K > 0 && classStart[a + 1]! > classStart[a]!;
      const scanAll = G - 1 <= MAX_GROUPS_SCANNED;
      const scans = scanAll ? G : MAX_GROUPS_SCANNED;
      for (let s = 0; s < scans; s++) {
        const B = scanAll ? s : rng.int(G);
        if (B === A) continue;
        const bStart = groupStart[B]!;
        const bEnd = groupStart[B + 1]!;
        let enterA = 0;
        for (let j = bStart; j < bEnd; j++) if (counts.get(a, slots[base + j]!) >= 1) enterA++;
        work += bEnd - bStart;
        for (let j = bStart; j < bEnd; j++) {
          const b = slots[base + j]!;
          if (locked[base + b]) continue;
          let enterB = 0;
          for (let i = aStart; i < aEnd; i++) {
            if (i !== ia && counts.get(b, slots[base + i]!) >= 1) enterB++;
          }
          work += aEnd - aStart;
          let d = enterA - (counts.get(a, b) >= 1 ? 1 : 0) + enterB + leave[e]! + leave[base + b]!;
          if (aHas || (K > 0 && classStart[b + 1]! > classStart[b]!)) d += W * hardDelta(r, a, A, b, B);
          if ((tabuA || tabu[base + b]! > iter) && cost + d >= best) continue;
          consider(d, r, a, b, null, null);
        }
      }
      if (batch && bestDelta < 0 && moveR >= 0 && moveA === a) {
        // Large instance: conflicts far apart barely interact, so apply each entry's improving
        // swap at once instead of one swap per full iteration.
        st.swap(moveR, moveA, moveB);
        applied++;
        cost = st.cost();
        bestDelta = Infinity;
        moveR = -1;
        continue;
      }
      for (let c = 0; c < compTries; c++) {
        const comp = comps.length <= compTries ? comps[c]! : comps[rng.int(comps.length)]!;
        if (problem.pins[base + comp[0]!]! >= 0) continue; // pinned sets stay put
        const C = compWhole(r, comp);
        if (C < 0 || C === A) continue;
        const free = pickFree(r, A, a, comp.length);
        if (!free) continue;
        applyComp(r, comp, free);
        const d = st.cost() - cost;
        unmoveComp(r, comp, free);
        work += 4 * comp.length * (aEnd - aStart) * st.R;
        let isTabu = false;
        for (const p of comp) isTabu ||= tabu[base + p]! > iter;
        for (const p of free) isTabu ||= tabu[base + p]! > iter;
        if (isTabu && cost + d >= best) continue;
        consider(d, r, -1, -1, comp, free);
      }
    }
    if (applied > 0 && moveR < 0) {
      const now = st.cost();
      if (now < best) {
        best = now;
        bestSlots.set(slots);
        lastImprove = iter;
      }
      continue;
    }
    if (moveR < 0) {
      if (!randomFreeSwap()) break;
      continue;
    }
    const chosenComp = moveSet as Int32Array | null;
    const chosenFree = moveFree as number[] | null;
    if (chosenComp && chosenFree) {
      applyComp(moveR, chosenComp, chosenFree);
      for (const p of chosenComp) tabu[moveR * n + p] = iter + tenureMin + rng.int(tenureSpan);
      for (const p of chosenFree) tabu[moveR * n + p] = iter + tenureMin + rng.int(tenureSpan);
    } else {
      st.swap(moveR, moveA, moveB);
      tabu[moveR * n + moveA] = iter + tenureMin + rng.int(tenureSpan);
      tabu[moveR * n + moveB] = iter + tenureMin + rng.int(tenureSpan);
    }
    const now = st.cost();
    if (now < best) {
      best = now;
      bestSlots.set(slots);
      lastImprove = iter;
    } else if (iter - lastImprove > stallLimit) {
      st.load(bestSlots);
      for (let i = 0; i < kick; i++) randomFreeSwap();
      tabu.fill(0);
      lastImprove = iter;
      work += st.R * n * avgSize;
    }
  }
  if (st.cost() > best) st.load(bestSlots);
  return { iterations: iter, work };
}
