/**
 * Someone arrives while a round runs: they go into the smallest fitting group and nobody else moves
 * (the engine's late-join rule, which also minds constraints and earlier encounters). Pure.
 */
import { placeLateJoiner } from '../engine/index.js';
import { measureRound, restrictConstraints } from './report.js';
import { groupOf, idRound, type IdRound, type PersonInfo, type RoundState } from './types.js';

/**
 * A walk-in is placed only once they answered every required attendee field (e.g. company): placed
 * before, the spread rule would not know their value. Pure.
 */
export function readyToPlace(fields: ReadonlyArray<{ key: string; required: boolean }>, attributes: Record<string, string>): boolean {
  return fields.every((f) => !f.required || (attributes[f.key] ?? '').trim() !== '');
}

/** Whether a newcomer should be placed automatically: running, assigned by the facilitator, not in yet. */
export function needsPlacement(round: RoundState, attendeeId: string): boolean {
  return round.status === 'running' && round.mode !== 'self' && round.groups.length > 0 && !groupOf(round, attendeeId);
}

export function placeLate(
  round: RoundState,
  newcomer: PersonInfo,
  ctx: { people: readonly PersonInfo[]; history: readonly IdRound[]; seed: number },
): { round: RoundState; group: number } {
  const groups = idRound(round);
  const members = groups.flat();
  const byId = new Map(ctx.people.map((p) => [p.id, p]));
  const everyone = [...members.map((id) => byId.get(id) ?? { id, name: null, attributes: {} }), newcomer];
  const present = new Set(everyone.map((p) => p.id));
  const constraints = restrictConstraints(round.settings.constraints, present);
  const placed = placeLateJoiner({
    people: everyone.map((p) => ({ id: p.id, attributes: p.attributes })),
    newcomer: newcomer.id,
    rounds: [groups],
    history: [...ctx.history],
    constraints,
    seed: ctx.seed,
  });
  // The engine only refuses contradictory input (e.g. a spread attribute nobody has any more); the
  // newcomer still needs a group, and the smallest one is the rule everyone expects.
  let group: number;
  if (placed.ok) group = placed.value.placedIn[0]!;
  else group = groups.reduce((best, g, i) => (g.length < groups[best]!.length ? i : best), 0);
  const next = groups.map((g, i) => (i === group ? [...g, newcomer.id] : g));
  const attributes = new Map(everyone.map((p) => [p.id, p.attributes]));
  return {
    group,
    round: {
      ...round,
      groups: round.groups.map((g, i) => ({ ...g, members: next[i]! })),
      report: round.report ? measureRound(next, { history: ctx.history, constraints, attributes, engine: round.settings.engine }) : null,
    },
  };
}
