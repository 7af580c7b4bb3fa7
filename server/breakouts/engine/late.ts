/**
 * Changes to groups that are already formed: a late joiner goes into the smallest group that keeps
 * the rules (and, among equally small ones, where they meet the fewest people again); people who
 * leave are taken out. Neither moves anybody else, so nobody's group changes under their feet.
 */
import {
  LateJoinRequest, LeaveRequest, type EngineResult, type LateJoinResult, type LeaveResult, type Violation,
} from '../../../shared/breakouts/engine.js';
import { fail } from './problem.js';
import { createRng } from './rng.js';

function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0]!;
  return `Invalid request${issue.path.length ? ` at ${issue.path.join('.')}` : ''}: ${issue.message}.`;
}

/** Everyone who must share a group with `who`, following overlapping together sets. */
function togetherClosure(who: string, sets: string[][]): Set<string> {
  const closure = new Set([who]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const set of sets) {
      if (set.some((id) => closure.has(id)) && set.some((id) => !closure.has(id))) {
        for (const id of set) closure.add(id);
        grew = true;
      }
    }
  }
  closure.delete(who);
  return closure;
}

export function placeLateJoiner(request: LateJoinRequest): EngineResult<LateJoinResult> {
  const parsed = LateJoinRequest.safeParse(request);
  if (!parsed.success) return fail('invalid_input', firstIssue(parsed.error));
  const req = parsed.data;
  const attrs = new Map<string, Record<string, string>>();
  for (const person of req.people) {
    if (attrs.has(person.id)) return fail('duplicate_id', `The id "${person.id}" appears twice.`, { id: person.id });
    attrs.set(person.id, person.attributes ?? {});
  }
  const me = req.newcomer;
  if (!attrs.has(me)) return fail('unknown_id', `The newcomer "${me}" is not in the list of people.`, { ids: me });
  const constraints = req.constraints ?? {};
  const unknown = new Set<string>();
  for (const round of req.rounds) for (const group of round) for (const id of group) if (!attrs.has(id)) unknown.add(id);
  for (const set of [...(constraints.apart ?? []), ...(constraints.together ?? [])]) for (const id of set) if (!attrs.has(id)) unknown.add(id);
  if (unknown.size) {
    const who = [...unknown];
    return fail('unknown_id', `Not in the list of people: ${who.slice(0, 5).map((id) => `"${id}"`).join(', ')}.`, { ids: who.join(',') });
  }
  for (const [r, round] of req.rounds.entries()) {
    if (round.length === 0) return fail('invalid_input', `Round ${r + 1} has no groups to join.`, { round: r + 1 });
    if (round.some((group) => group.includes(me))) {
      return fail('already_placed', `"${me}" already has a group in round ${r + 1}.`, { id: me, round: r + 1 });
    }
  }
  const mustJoin = togetherClosure(me, constraints.together ?? []);
  const keepAway = new Set((constraints.apart ?? []).filter((set) => set.includes(me)).flat());
  keepAway.delete(me);
  for (const id of keepAway) {
    if (mustJoin.has(id)) {
      return fail('contradictory_constraints', `"${me}" and "${id}" are to be kept both apart and together.`, { a: me, b: id });
    }
  }
  const spread = [...new Set(constraints.spread ?? [])];
  for (const attribute of spread) {
    if (![...attrs.values()].some((a) => a[attribute]?.trim())) {
      return fail('unknown_attribute', `Nobody has a value for "${attribute}", so it cannot be spread.`, { attribute });
    }
  }
  const myValues = spread.map((attribute) => attrs.get(me)![attribute]?.trim() ?? '');

  // How often the newcomer met each person so far; grows with every round placed below.
  const met = new Map<string, number>();
  const meet = (group: string[]): void => {
    for (const id of group) if (id !== me) met.set(id, (met.get(id) ?? 0) + 1);
  };
  for (const round of req.history ?? []) for (const group of round) if (group.includes(me)) meet(group);

  const rng = createRng(req.seed ?? 1);
  const rounds = req.rounds.map((round) => round.map((group) => group.slice()));
  const placedIn: number[] = [];
  const violations: Violation[] = [];
  let repeatsAdded = 0;
  rounds.forEach((groups, r) => {
    const G = groups.length;
    const mates = groups.map((group) => group.filter((id) => mustJoin.has(id)).length);
    const mostMates = Math.max(...mates);
    const caps = myValues.map((value, i) => {
      if (!value) return Infinity;
      let count = 1;
      for (const group of groups) for (const id of group) if (attrs.get(id)![spread[i]!]?.trim() === value) count++;
      return Math.ceil(count / G);
    });
    const sameValue = (group: string[], i: number): string[] =>
      group.filter((id) => attrs.get(id)![spread[i]!]?.trim() === myValues[i]);

    let best = -1;
    let bestKey: [number, number, number] = [Infinity, Infinity, Infinity];
    let ties = 0;
    groups.forEach((group, g) => {
      let hard = mostMates > 0 && mates[g]! < mostMates ? 1 : 0;
      for (const id of group) if (keepAway.has(id)) hard++;
      myValues.forEach((value, i) => {
        if (value && sameValue(group, i).length + 1 > caps[i]!) hard++;
      });
      let repeats = 0;
      for (const id of group) if ((met.get(id) ?? 0) > 0) repeats++;
      const key: [number, number, number] = [hard, group.length, repeats];
      const cmp = key[0] - bestKey[0] || key[1] - bestKey[1] || key[2] - bestKey[2];
      if (cmp < 0) {
        best = g;
        bestKey = key;
        ties = 1;
      } else if (cmp === 0 && rng.int(++ties) === 0) best = g;
    });

    const group = groups[best]!;
    if (mostMates > 0 && mates[best]! < mostMates) {
      const where = groups.map((grp, g) => (grp.some((id) => mustJoin.has(id)) ? g : -1)).filter((g) => g >= 0);
      violations.push({ kind: 'together', round: r, groups: [...new Set([best, ...where])].sort((a, b) => a - b), ids: [me, ...[...mustJoin].filter((id) => groups.some((grp) => grp.includes(id)))] });
    }
    const apartHere = group.filter((id) => keepAway.has(id));
    if (apartHere.length) violations.push({ kind: 'apart', round: r, groups: [best], ids: [me, ...apartHere] });
    myValues.forEach((value, i) => {
      const same = value ? sameValue(group, i) : [];
      if (value && same.length + 1 > caps[i]!) {
        violations.push({ kind: 'spread', round: r, groups: [best], ids: [...same, me], attribute: spread[i]!, value, limit: caps[i]! });
      }
    });
    repeatsAdded += bestKey[2];
    meet(group);
    group.push(me);
    placedIn.push(best);
  });
  return { ok: true, value: { rounds, placedIn, repeatsAdded, violations } };
}

export function removePeople(request: LeaveRequest): EngineResult<LeaveResult> {
  const parsed = LeaveRequest.safeParse(request);
  if (!parsed.success) return fail('invalid_input', firstIssue(parsed.error));
  const { rounds, leaving, minSize = 2 } = parsed.data;
  const gone = new Set(leaving);
  const found = new Set<string>();
  const underfilled: LeaveResult['underfilled'] = [];
  const out = rounds.map((groups, r) =>
    groups.map((group, g) => {
      const kept = group.filter((id) => {
        if (!gone.has(id)) return true;
        found.add(id);
        return false;
      });
      if (kept.length < group.length && kept.length < minSize) underfilled.push({ round: r, group: g, size: kept.length });
      return kept;
    }),
  );
  return {
    ok: true,
    value: {
      rounds: out,
      removed: [...gone].filter((id) => found.has(id)),
      notFound: [...gone].filter((id) => !found.has(id)),
      underfilled,
    },
  };
}
