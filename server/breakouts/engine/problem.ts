/**
 * Turns a PlanRequest into the engine's index-based Problem, or a typed error. Everything that makes a
 * request impossible is caught here, before any group is formed, so nothing is ever half-applied.
 */
import {
  PlanRequest, type EngineResult, type PlanError, type PlanErrorCode,
} from '../../../shared/breakouts/engine.js';
import { repeatLowerBound } from './bounds.js';

/** A counting rule: no group may hold more than `cap` of the class's members. */
export type ClassInfo =
  | { kind: 'apart'; set: number }
  | { kind: 'spread'; attribute: string; value: string };

export interface Problem {
  n: number;
  ids: string[];
  index: Map<string, number>;
  groups: number;
  rounds: number;
  /**
   * Capacity of each group, the same in every round: n mod groups of them hold one more (the first
   * ones, unless pins need particular groups to be the larger ones).
   */
  sizes: Int32Array;
  minSize: number;
  maxSize: number;
  /** Counting classes: apart sets (cap 1) and attribute values that could exceed their fair share. */
  classInfo: ClassInfo[];
  classCap: Int32Array;
  /** CSR lists: classes of person p are classList[classStart[p] .. classStart[p+1]). */
  classStart: Int32Array;
  classList: Int32Array;
  /** Together components (overlapping sets merged); togetherOf[p] = component or -1. */
  together: Int32Array[];
  togetherOf: Int32Array;
  /** pins[r*n+p]: the group p is fixed to in round r, or -1 (together sets share their pins). */
  pins: Int32Array;
  hasPins: boolean;
  /** Earlier rounds as index groups (absent people dropped). */
  history: Int32Array[][];
  /** Value index of the first spread attribute per person (-1: none), to lay people out by it. */
  spreadKey: Int32Array;
  /** One hard violation outweighs every possible repeat. */
  hardWeight: number;
  /** No schedule of these sizes can have fewer repeats. */
  repeatLowerBound: number;
  seed: number;
  timeLimitMs: number | undefined;
}

export const MAX_ROUNDS = 500;

export function fail(code: PlanErrorCode, message: string, params?: PlanError['params']): { ok: false; error: PlanError } {
  return { ok: false, error: params ? { code, message, params } : { code, message } };
}

function listIds(ids: string[]): string {
  const shown = ids.slice(0, 5).map((id) => `"${id}"`).join(', ');
  return ids.length > 5 ? `${shown} and ${ids.length - 5} more` : shown;
}

function isPositiveInt(v: number): boolean {
  return Number.isInteger(v) && v >= 1;
}

export function buildProblem(request: PlanRequest): EngineResult<Problem> {
  const parsed = PlanRequest.safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path.length ? ` at ${issue.path.join('.')}` : '';
    return fail('invalid_input', `Invalid request${at}: ${issue.message}.`);
  }
  const req = parsed.data;
  const n = req.people.length;
  if (n === 0) return fail('no_people', 'There is nobody to put into groups.');

  const ids: string[] = [];
  const index = new Map<string, number>();
  for (const person of req.people) {
    if (index.has(person.id)) return fail('duplicate_id', `The id "${person.id}" appears twice.`, { id: person.id });
    index.set(person.id, ids.length);
    ids.push(person.id);
  }

  if ((req.groups === undefined) === (req.size === undefined)) {
    return fail('invalid_input', 'Give either a number of groups or a group size, not both and not neither.');
  }
  let groups: number;
  if (req.groups !== undefined) {
    if (!isPositiveInt(req.groups)) {
      return fail('invalid_group_count', `The number of groups must be a whole number of at least 1 (got ${req.groups}).`, { groups: req.groups });
    }
    if (req.groups > n) {
      return fail('invalid_group_count', `${req.groups} groups for ${n} people would leave a group empty.`, { groups: req.groups, people: n });
    }
    groups = req.groups;
  } else {
    const size = req.size!;
    if (!isPositiveInt(size)) {
      return fail('invalid_size', `The group size must be a whole number of at least 1 (got ${size}).`, { size });
    }
    groups = Math.ceil(n / size);
  }
  if (!isPositiveInt(req.rounds) || req.rounds > MAX_ROUNDS) {
    return fail('invalid_rounds', `The number of rounds must be a whole number from 1 to ${MAX_ROUNDS} (got ${req.rounds}).`, { rounds: req.rounds });
  }
  const rounds = req.rounds;
  if (req.timeLimitMs !== undefined && !(Number.isFinite(req.timeLimitMs) && req.timeLimitMs >= 0)) {
    return fail('invalid_input', `The time limit must be a non-negative number of milliseconds (got ${req.timeLimitMs}).`);
  }

  const base = Math.floor(n / groups);
  const extra = n % groups;
  const maxSize = extra > 0 ? base + 1 : base;

  const constraints = req.constraints ?? {};
  const resolveSets = (sets: string[][] | undefined, kind: 'apart' | 'together'): EngineResult<number[][]> => {
    const unknown = new Set<string>();
    for (const set of sets ?? []) for (const id of set) if (!index.has(id)) unknown.add(id);
    if (unknown.size) {
      const who = [...unknown];
      return fail('unknown_id', `The ${kind} constraint names ${who.length === 1 ? 'someone who is' : 'people who are'} not in the list: ${listIds(who)}.`, { ids: who.join(','), kind });
    }
    const out: number[][] = [];
    for (const [i, set] of (sets ?? []).entries()) {
      const members = [...new Set(set)];
      if (members.length < 2) {
        return fail('invalid_input', `The ${kind} set #${i + 1} names fewer than two different people.`, { kind, set: i + 1 });
      }
      out.push(members.map((id) => index.get(id)!));
    }
    return { ok: true, value: out };
  };
  const apartRes = resolveSets(constraints.apart, 'apart');
  if (!apartRes.ok) return apartRes;
  const togetherRes = resolveSets(constraints.together, 'together');
  if (!togetherRes.ok) return togetherRes;
  const apart = apartRes.value;

  // Merge overlapping together sets: a shares a group with b and b with c puts a, b, c in one group.
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const inTogether = new Uint8Array(n);
  for (const set of togetherRes.value) {
    for (const p of set) {
      inTogether[p] = 1;
      parent[find(p)] = find(set[0]!);
    }
  }
  const compOfRoot = new Map<number, number>();
  const togetherOf = new Int32Array(n).fill(-1);
  const togetherLists: number[][] = [];
  for (let p = 0; p < n; p++) {
    if (!inTogether[p]) continue;
    const root = find(p);
    let c = compOfRoot.get(root);
    if (c === undefined) {
      c = togetherLists.length;
      compOfRoot.set(root, c);
      togetherLists.push([]);
    }
    togetherOf[p] = c;
    togetherLists[c]!.push(p);
  }
  for (const comp of togetherLists) {
    if (comp.length > maxSize) {
      const who = comp.map((p) => ids[p]!);
      return fail('together_too_large', `${comp.length} people must stay together (${listIds(who)}), but no group holds more than ${maxSize}.`, { count: comp.length, maxSize, ids: who.join(',') });
    }
  }
  for (const set of apart) {
    if (set.length > groups) {
      const who = set.map((p) => ids[p]!);
      return fail('apart_too_large', `${set.length} people must be kept apart (${listIds(who)}), but there are only ${groups} groups.`, { count: set.length, groups, ids: who.join(',') });
    }
    const seen = new Map<number, number>();
    for (const p of set) {
      const c = togetherOf[p]!;
      if (c < 0) continue;
      const other = seen.get(c);
      if (other !== undefined) {
        return fail('contradictory_constraints', `"${ids[other]}" and "${ids[p]}" are to be kept both apart and together.`, { a: ids[other]!, b: ids[p]! });
      }
      seen.set(c, p);
    }
  }

  // Pins: fixed groups per round, spread to whole together sets; they decide which groups are large.
  const pins = new Int32Array(rounds * n).fill(-1);
  const unknownPins = (req.pinned ?? []).filter((pin) => !index.has(pin.id)).map((pin) => pin.id);
  if (unknownPins.length) {
    return fail('unknown_id', `Pinned ${unknownPins.length === 1 ? 'someone who is' : 'people who are'} not in the list: ${listIds(unknownPins)}.`, { ids: unknownPins.join(','), kind: 'pinned' });
  }
  for (const pin of req.pinned ?? []) {
    if (pin.group >= groups) {
      return fail('invalid_input', `"${pin.id}" is pinned to group ${pin.group + 1}, but there are only ${groups} groups.`, { id: pin.id, group: pin.group + 1, groups });
    }
    if (pin.round !== undefined && pin.round >= rounds) {
      return fail('invalid_input', `"${pin.id}" is pinned in round ${pin.round + 1}, but only ${rounds} rounds are planned.`, { id: pin.id, round: pin.round + 1, rounds });
    }
    const p = index.get(pin.id)!;
    const members = togetherOf[p]! >= 0 ? togetherLists[togetherOf[p]!]! : [p];
    for (let r = pin.round ?? 0; r < (pin.round === undefined ? rounds : pin.round + 1); r++) {
      for (const q of members) {
        const at = pins[r * n + q]!;
        if (at >= 0 && at !== pin.group) {
          return fail('contradictory_constraints', `"${ids[q]}" is pinned to groups ${at + 1} and ${pin.group + 1} in round ${r + 1}${q !== p ? ' (through a together set)' : ''}.`, { id: ids[q]!, round: r + 1 });
        }
        pins[r * n + q] = pin.group;
      }
    }
  }
  const need = new Int32Array(groups);
  for (let r = 0; r < rounds; r++) {
    const inRound = new Int32Array(groups);
    for (let p = 0; p < n; p++) {
      const g = pins[r * n + p]!;
      if (g >= 0) need[g] = Math.max(need[g]!, ++inRound[g]!);
    }
  }
  const large: number[] = [];
  for (let g = 0; g < groups; g++) {
    if (need[g]! > maxSize) {
      return fail('invalid_input', `${need[g]} people are pinned to group ${g + 1}, but no group holds more than ${maxSize}.`, { group: g + 1, count: need[g]!, maxSize });
    }
    if (need[g]! > base) large.push(g);
  }
  if (large.length > extra) {
    return fail('invalid_input', `Pins fill ${large.length} groups with ${maxSize} people, but only ${extra} of the ${groups} groups can be that large.`, { count: large.length, extra, groups });
  }
  const sizes = new Int32Array(groups).fill(base);
  for (const g of large) sizes[g] = base + 1;
  for (let g = 0, left = extra - large.length; g < groups && left > 0; g++) {
    if (sizes[g] === base) {
      sizes[g] = base + 1;
      left--;
    }
  }

  // Counting classes.
  const classInfo: ClassInfo[] = [];
  const caps: number[] = [];
  const classesOf: number[][] = Array.from({ length: n }, () => []);
  apart.forEach((set, i) => {
    const k = classInfo.length;
    classInfo.push({ kind: 'apart', set: i });
    caps.push(1);
    for (const p of set) classesOf[p]!.push(k);
  });
  const spreadKey = new Int32Array(n).fill(-1);
  const attributes = [...new Set(constraints.spread ?? [])];
  for (const [ai, attribute] of attributes.entries()) {
    const byValue = new Map<string, number[]>();
    req.people.forEach((person, p) => {
      const value = person.attributes?.[attribute]?.trim();
      if (!value) return;
      let list = byValue.get(value);
      if (!list) byValue.set(value, (list = []));
      list.push(p);
    });
    if (byValue.size === 0) {
      return fail('unknown_attribute', `Nobody has a value for "${attribute}", so it cannot be spread.`, { attribute });
    }
    let valueIndex = 0;
    for (const [value, members] of byValue) {
      if (ai === 0) for (const p of members) spreadKey[p] = valueIndex;
      valueIndex++;
      const cap = Math.ceil(members.length / groups);
      if (members.length <= cap) continue; // can never exceed its share
      const k = classInfo.length;
      classInfo.push({ kind: 'spread', attribute, value });
      caps.push(cap);
      for (const p of members) classesOf[p]!.push(k);
    }
  }
  const classStart = new Int32Array(n + 1);
  for (let p = 0; p < n; p++) classStart[p + 1] = classStart[p]! + classesOf[p]!.length;
  const classList = new Int32Array(classStart[n]!);
  for (let p = 0; p < n; p++) classList.set(classesOf[p]!, classStart[p]!);

  // History: keep present people only.
  const history: Int32Array[][] = [];
  for (const round of req.history ?? []) {
    const mapped: Int32Array[] = [];
    for (const group of round) {
      const members = [...new Set(group.map((id) => index.get(id)).filter((p): p is number => p !== undefined))];
      if (members.length > 0) mapped.push(Int32Array.from(members));
    }
    history.push(mapped);
  }
  const lowerBound = repeatLowerBound({
    n, groups, rounds, sizes, history, togetherOf, togetherSizes: togetherLists.map((c) => c.length),
  });
  const minSize = base;

  return {
    ok: true,
    value: {
      n,
      ids,
      index,
      groups,
      rounds,
      sizes,
      minSize,
      maxSize,
      classInfo,
      classCap: Int32Array.from(caps),
      classStart,
      classList,
      together: togetherLists.map((c) => Int32Array.from(c)),
      togetherOf,
      pins,
      hasPins: (req.pinned ?? []).length > 0,
      history,
      spreadKey,
      hardWeight: Math.floor((rounds * n * maxSize) / 2) + 1,
      repeatLowerBound: lowerBound,
      seed: req.seed ?? 1,
      timeLimitMs: req.timeLimitMs,
    },
  };
}
