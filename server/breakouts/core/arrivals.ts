/**
 * Who came when: the first presence of each person in a started round. Everyone online at the start
 * arrives at `startedAt`; whoever comes online later (a walk-in, a roster person planned in while absent)
 * arrives then and counts as late. Reconnecting does not move an arrival. Pure.
 */
import { isActive, type RoundState } from './types.js';

/** The round with these people's first presence recorded at `at`; the same object when nobody is new. */
export function arrive(round: RoundState, ids: readonly string[], at: string): RoundState {
  if (!isActive(round)) return round;
  const known = round.arrivals ?? {};
  const fresh = ids.filter((id) => !(id in known));
  if (fresh.length === 0) return round;
  const arrivals: Record<string, string> = { ...known };
  for (const id of fresh) arrivals[id] = at;
  return { ...round, arrivals };
}

/** People who first came after the round started, with the time they came. */
export function lateArrivals(round: Pick<RoundState, 'startedAt' | 'arrivals'>): Record<string, string> {
  const out: Record<string, string> = {};
  if (!round.startedAt) return out;
  const start = Date.parse(round.startedAt);
  for (const [id, at] of Object.entries(round.arrivals ?? {})) if (Date.parse(at) > start) out[id] = at;
  return out;
}
