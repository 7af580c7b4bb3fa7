/**
 * The breakouts slice of the synced state, as pure functions: rounds and help requests (staff: all;
 * an attendee: those of their own groups, also as personal changes). Rounds are replaced whole on every `breakouts:round`; a group's
 * result text travels alone (`breakouts:result`) and is applied only when its version is newer, so a late
 * echo of an own edit never takes a text back.
 */
import type { BreakoutsSnapshot, HelpRequest, PlanSettings, RoundView } from '../../shared/breakouts/schemas.js';
import type { Change } from '../../shared/socket.js';
import type { FeatureSlice } from '../kernel/feature.js';

export interface BreakoutsData {
  rounds: Readonly<Record<string, RoundView>>;
  help: Readonly<Record<string, HelpRequest>>;
  /** Staff: the plan form as saved for this event (null: never saved, or not staff). */
  planSettings: PlanSettings | null;
}

export const emptyBreakouts: BreakoutsData = { rounds: {}, help: {}, planSettings: null };

function byId<T extends { id: string }>(items: readonly T[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const item of items) out[item.id] = item;
  return out;
}

export function breakoutsFromSnapshot(snap: BreakoutsSnapshot | undefined): BreakoutsData {
  if (!snap) return emptyBreakouts;
  return { rounds: byId(snap.rounds), help: byId(snap.help), planSettings: snap.planSettings ?? null };
}

/** A group's result text at `version`; older or equal versions are ignored. */
export function applyResult(data: BreakoutsData, r: { roundId: string; index: number; text: string; version: number }): BreakoutsData {
  const round = data.rounds[r.roundId];
  const group = round?.groups.find((g) => g.index === r.index);
  if (!round || !group || group.resultVersion >= r.version) return data;
  const groups = round.groups.map((g) => (g.index === r.index ? { ...g, result: r.text, resultVersion: r.version } : g));
  return { ...data, rounds: { ...data.rounds, [round.id]: { ...round, groups } } };
}

/**
 * A whole round replaces the stored one, except that a group keeps a result text newer than the one the
 * round carries (a `breakouts:result` may have overtaken the round it belongs to).
 */
function upsertRound(data: BreakoutsData, round: RoundView): BreakoutsData {
  const prev = data.rounds[round.id];
  let next = round;
  if (prev) {
    const groups = round.groups.map((g) => {
      const old = prev.groups.find((p) => p.index === g.index);
      return old && old.resultVersion > g.resultVersion ? { ...g, result: old.result, resultVersion: old.resultVersion } : g;
    });
    next = { ...round, groups };
  }
  return { ...data, rounds: { ...data.rounds, [round.id]: next } };
}

export function applyBreakoutChange(data: BreakoutsData, change: Change): BreakoutsData {
  switch (change.type) {
    case 'breakouts:round':
      return upsertRound(data, change.round);
    case 'breakouts:roundRemove': {
      if (!(change.id in data.rounds)) return data;
      const { [change.id]: _gone, ...rounds } = data.rounds;
      return { ...data, rounds };
    }
    case 'breakouts:result':
      return applyResult(data, change);
    case 'breakouts:help':
      return { ...data, help: { ...data.help, [change.request.id]: change.request } };
    case 'breakouts:planSettings':
      return { ...data, planSettings: change.settings };
    default:
      return data;
  }
}

export const breakoutsSlice: FeatureSlice<BreakoutsData, 'breakouts'> = {
  name: 'breakouts',
  empty: emptyBreakouts,
  fromSnapshot: breakoutsFromSnapshot,
  apply: applyBreakoutChange,
  // The attendee's complete help list (their groups' requests) replaces the one they had.
  personal: (data, change) => (change.type === 'breakouts:myHelp' ? { ...data, help: byId(change.help) } : data),
  onAck: {
    // The asker sees "help is coming" from the ack (the personal change that follows is the same upsert).
    'breakouts:help': (data, result) => ({ ...data, help: { ...data.help, [result.request.id]: result.request } }),
    // The merged text and its version (idempotent with the delta that follows).
    'breakouts:editResult': (data, result, payload) =>
      applyResult(data, { roundId: payload.roundId, index: payload.index, text: result.text, version: result.version }),
  },
};
