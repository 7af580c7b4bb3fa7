/**
 * The report of one round as it stands (after the engine, and again after every manual move): sizes,
 * pairs that met before, and broken constraints. The engine reports on what it planned; this keeps the
 * facilitator's view true once people are moved by hand. Pure.
 */
import type { GroupConstraints, PlanReport, RepeatedPair, Violation } from '../../../shared/breakouts/engine.js';
import { idRound, type EngineMeta, type IdRound, type RoundState } from './types.js';

const MAX_LISTED_REPEATS = 50;

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** How often each pair shared a group in `history`. */
export function meetings(history: readonly IdRound[]): Map<string, number> {
  const met = new Map<string, number>();
  for (const round of history) {
    for (const group of round) {
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          const key = pairKey(group[i]!, group[j]!);
          met.set(key, (met.get(key) ?? 0) + 1);
        }
      }
    }
  }
  return met;
}

export function violationsOf(groups: IdRound, constraints: GroupConstraints, attributes: ReadonlyMap<string, Record<string, string>>): Violation[] {
  const out: Violation[] = [];
  const where = new Map<string, number>();
  groups.forEach((group, g) => group.forEach((id) => where.set(id, g)));
  for (const set of constraints.apart ?? []) {
    const byGroup = new Map<number, string[]>();
    for (const id of set) {
      const g = where.get(id);
      if (g !== undefined) byGroup.set(g, [...(byGroup.get(g) ?? []), id]);
    }
    for (const [g, ids] of byGroup) if (ids.length > 1) out.push({ kind: 'apart', round: 0, groups: [g], ids });
  }
  for (const set of constraints.together ?? []) {
    const present = set.filter((id) => where.has(id));
    const gs = [...new Set(present.map((id) => where.get(id)!))].sort((a, b) => a - b);
    if (gs.length > 1) out.push({ kind: 'together', round: 0, groups: gs, ids: present });
  }
  for (const attribute of constraints.spread ?? []) {
    const value = (id: string) => attributes.get(id)?.[attribute]?.trim() ?? '';
    const totals = new Map<string, number>();
    for (const group of groups) for (const id of group) if (value(id)) totals.set(value(id), (totals.get(value(id)) ?? 0) + 1);
    groups.forEach((group, g) => {
      const here = new Map<string, string[]>();
      for (const id of group) if (value(id)) here.set(value(id), [...(here.get(value(id)) ?? []), id]);
      for (const [v, ids] of here) {
        const limit = Math.ceil(totals.get(v)! / groups.length);
        if (ids.length > limit) out.push({ kind: 'spread', round: 0, groups: [g], ids, attribute, value: v, limit });
      }
    });
  }
  return out;
}

export function measureRound(
  groups: IdRound,
  input: {
    history: readonly IdRound[];
    constraints: GroupConstraints;
    attributes: ReadonlyMap<string, Record<string, string>>;
    engine: EngineMeta | null;
  },
): PlanReport {
  const met = meetings(input.history);
  const repeats: RepeatedPair[] = [];
  let repeatedPairs = 0;
  for (const group of groups) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const before = met.get(pairKey(group[i]!, group[j]!)) ?? 0;
        if (before === 0) continue;
        repeatedPairs++;
        if (repeats.length < MAX_LISTED_REPEATS) repeats.push({ a: group[i]!, b: group[j]!, rounds: [0], historyMeetings: before });
      }
    }
  }
  const sizes = groups.map((g) => g.length);
  const minSize = sizes.length ? Math.min(...sizes) : 0;
  const maxSize = sizes.length ? Math.max(...sizes) : 0;
  return {
    people: sizes.reduce((a, b) => a + b, 0),
    groups: groups.length,
    rounds: 1,
    repeatedPairs,
    repeats,
    repeatLowerBound: Math.min(input.engine?.repeatLowerBound ?? 0, repeatedPairs),
    minSize,
    maxSize,
    sizeSpread: maxSize - minSize,
    violations: violationsOf(groups, input.constraints, input.attributes),
    method: input.engine?.method ?? 'random',
    iterations: input.engine?.iterations ?? 0,
    ...(input.engine?.elapsedMs !== undefined ? { elapsedMs: input.engine.elapsedMs } : {}),
  };
}

/** The facilitator's constraints limited to the people present (the engine refuses unknown ids). */
export function restrictConstraints(constraints: GroupConstraints, present: ReadonlySet<string>): GroupConstraints {
  const keep = (sets: string[][] | undefined) =>
    (sets ?? []).map((set) => [...new Set(set.filter((id) => present.has(id)))]).filter((set) => set.length >= 2);
  const out: GroupConstraints = {};
  const apart = keep(constraints.apart);
  const together = keep(constraints.together);
  if (apart.length) out.apart = apart;
  if (together.length) out.together = together;
  if (constraints.spread?.length) out.spread = [...constraints.spread];
  return out;
}

/**
 * The report again after a hand edit (move, swap, lock, group edit): one linear recount over this round's
 * groups against the earlier rounds, never the engine. A round without a report (self-select) and an
 * edit that moved nobody keep theirs. The engine's meta (method, bound) stays: it describes the plan.
 */
export function remeasure(
  before: Pick<RoundState, 'groups'>,
  after: RoundState,
  input: { history: readonly IdRound[]; attributes: ReadonlyMap<string, Record<string, string>> },
): RoundState {
  if (!after.report) return after;
  const same = before.groups.length === after.groups.length && before.groups.every((g, i) => g.members.join('\u0000') === after.groups[i]!.members.join('\u0000'));
  if (same) return after;
  const report = measureRound(idRound(after), { history: input.history, constraints: after.settings.constraints, attributes: input.attributes, engine: after.settings.engine });
  return { ...after, report };
}
