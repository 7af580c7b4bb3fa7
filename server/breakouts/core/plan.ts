/**
 * Planning and reshuffling: the facilitator's choices (mode, groups or size, constraints, names, video
 * template) become engine requests, and the engine's groups become draft rounds. Pure: the seed, the
 * round ids and the engine's clock come from the shell. An impossible request throws `plan_failed` with
 * the engine's reason, before anything is built, so nothing is half-applied.
 */
import type { GroupConstraints, GroupPerson, PlanError, PlanResult } from '../../../shared/breakouts/engine.js';
import type { BreakoutMode } from '../../../shared/breakouts/schemas.js';
import { DomainError } from '../../../shared/errors.js';
import type { Language } from '../../../shared/events/schemas.js';
import { planGroups, type PlanOptions } from '../engine/index.js';
import { defaultGroupName, expandVideoTemplate } from './naming.js';
import { measureRound, restrictConstraints } from './report.js';
import type { EngineMeta, GroupState, IdRound, PersonInfo, RoundState } from './types.js';

export interface PlanChoices {
  rounds: number;
  groups?: number;
  size?: number;
  mode: BreakoutMode;
  constraints?: GroupConstraints;
  names?: string[];
  topics?: string[];
  videoTemplate?: string;
  durationSec: number;
  capacity?: number;
}

export interface PlanContext {
  eventId: string;
  eventCode: string;
  language: Language;
  /** Number of the first new round (rounds are numbered 1, 2, … per event). */
  firstNumber: number;
  people: readonly PersonInfo[];
  /** Groups of the event's earlier rounds (mix and spread avoid these encounters). */
  history: readonly IdRound[];
  roundIds: readonly string[];
  seed: number;
  /** Upper bound for the engine's search (default: the engine's). */
  timeLimitMs?: number;
  engine?: PlanOptions;
}

export function planFailed(error: PlanError): DomainError {
  const params: Record<string, string | number> = { reason: error.code, ...(error.params ?? {}) };
  return new DomainError('plan_failed', error.message, { params });
}

function toEnginePeople(people: readonly PersonInfo[]): GroupPerson[] {
  return people.map((p) => ({ id: p.id, attributes: p.attributes }));
}

/** What each mode asks of the engine (random: no memory of earlier rounds; spread needs attributes). */
function constraintsFor(mode: BreakoutMode, constraints: GroupConstraints | undefined, present: ReadonlySet<string>): GroupConstraints {
  const c = restrictConstraints(constraints ?? {}, present);
  if (mode === 'spread' && !c.spread?.length) {
    throw planFailed({ code: 'unknown_attribute', message: 'Choose the attribute (e.g. company) to spread over the groups.' });
  }
  return c;
}

function meta(result: PlanResult, rounds: number): EngineMeta {
  const { report } = result;
  return {
    method: report.method,
    iterations: report.iterations,
    ...(report.elapsedMs !== undefined ? { elapsedMs: report.elapsedMs } : {}),
    // The engine's bound is for the whole plan; per round only a single-round plan can claim it.
    repeatLowerBound: rounds === 1 ? report.repeatLowerBound : 0,
  };
}

function runEngine(
  mode: BreakoutMode,
  ctx: { people: GroupPerson[]; history: readonly IdRound[]; seed: number; timeLimitMs?: number; engine?: PlanOptions },
  shape: { groups?: number; size?: number; rounds: number },
  constraints: GroupConstraints,
  pinned?: Array<{ id: string; group: number }>,
): { rounds: IdRound[]; meta: EngineMeta } {
  const sizeOrGroups = shape.groups !== undefined ? { groups: shape.groups } : { size: shape.size };
  const base = {
    people: ctx.people,
    ...sizeOrGroups,
    constraints,
    ...(pinned?.length ? { pinned } : {}),
    ...(ctx.timeLimitMs !== undefined ? { timeLimitMs: ctx.timeLimitMs } : {}),
  };
  if (mode === 'random') {
    // Each round on its own, no history: balanced and within the rules, but encounters are left to chance.
    const rounds: IdRound[] = [];
    let m: EngineMeta | null = null;
    for (let r = 0; r < shape.rounds; r++) {
      const out = planGroups({ ...base, rounds: 1, seed: ctx.seed + r }, ctx.engine);
      if (!out.ok) throw planFailed(out.error);
      rounds.push(out.value.rounds[0]!);
      m ??= { ...meta(out.value, 1), method: 'random', repeatLowerBound: 0 };
    }
    return { rounds, meta: m! };
  }
  const out = planGroups({ ...base, rounds: shape.rounds, history: [...ctx.history], seed: ctx.seed }, ctx.engine);
  if (!out.ok) throw planFailed(out.error);
  return { rounds: out.value.rounds, meta: meta(out.value, shape.rounds) };
}

function attributeMap(people: readonly PersonInfo[]): Map<string, Record<string, string>> {
  return new Map(people.map((p) => [p.id, p.attributes]));
}

/** The facilitator's rules as stored with a round: sets of two or more distinct ids, no empty lists. */
export function keptConstraints(c: GroupConstraints | undefined): GroupConstraints {
  const sets = (xs: string[][] | undefined) => (xs ?? []).map((set) => [...new Set(set)]).filter((set) => set.length >= 2);
  const out: GroupConstraints = {};
  const apart = sets(c?.apart);
  const together = sets(c?.together);
  if (apart.length) out.apart = apart;
  if (together.length) out.together = together;
  if (c?.spread?.length) out.spread = [...c.spread];
  return out;
}

export function planRounds(choices: PlanChoices, ctx: PlanContext): RoundState[] {
  const n = ctx.people.length;
  const present = new Set(ctx.people.map((p) => p.id));
  let groupCount: number;
  let assigned: IdRound[];
  let engineMeta: EngineMeta | null = null;
  let capacity: number | null = null;
  const constraints = choices.mode === 'self' ? restrictConstraints(choices.constraints ?? {}, present) : constraintsFor(choices.mode, choices.constraints, present);

  if (choices.mode === 'self') {
    if (choices.groups === undefined && n === 0) {
      throw planFailed({ code: 'no_people', message: 'There is nobody online yet; give a number of groups instead of a size.' });
    }
    groupCount = choices.groups ?? Math.ceil(n / choices.size!);
    capacity = choices.capacity ?? choices.size ?? (n > 0 ? Math.ceil(n / groupCount) : null);
    assigned = Array.from({ length: choices.rounds }, () => Array.from({ length: groupCount }, () => []));
  } else {
    const out = runEngine(
      choices.mode,
      { people: toEnginePeople(ctx.people), history: ctx.history, seed: ctx.seed, timeLimitMs: ctx.timeLimitMs, engine: ctx.engine },
      choices,
      constraints,
    );
    assigned = out.rounds;
    engineMeta = out.meta;
    groupCount = assigned[0]!.length;
  }

  const attributes = attributeMap(ctx.people);
  const history: IdRound[] = [...ctx.history];
  return assigned.map((groups, r) => {
    const number = ctx.firstNumber + r;
    const built: GroupState[] = groups.map((members, g) => {
      let videoUrl: string | null = null;
      if (choices.videoTemplate) {
        videoUrl = expandVideoTemplate(choices.videoTemplate, { event: ctx.eventCode, round: number, group: g + 1 });
        if (!videoUrl) throw new DomainError('invalid_payload', 'the video link template does not give a web address (http:// or https://)', { fields: ['videoTemplate'] });
      }
      return {
        index: g,
        name: choices.names?.[g] || defaultGroupName(ctx.language, g),
        topic: choices.topics?.[g] ?? '',
        videoUrl,
        capacity,
        members,
        result: '',
        resultVersion: 0,
      };
    });
    const round: RoundState = {
      id: ctx.roundIds[r]!,
      eventId: ctx.eventId,
      number,
      status: 'draft',
      mode: choices.mode,
      durationSec: choices.durationSec,
      startedAt: null,
      endsAt: null,
      closingEndsAt: null,
      closedAt: null,
      showResults: false,
      // The facilitator's full rules are kept (not only those among the people planned): someone moved in
      // by hand or arriving later is measured against them too.
      settings: { capacity, constraints: keptConstraints(choices.constraints), videoTemplate: choices.videoTemplate ?? null, seed: ctx.seed, engine: engineMeta },
      groups: built,
      locked: [],
      report: choices.mode === 'self' ? null : measureRound(groups, { history, constraints, attributes, engine: engineMeta }),
    };
    history.push(groups);
    return round;
  });
}

/**
 * A fresh assignment of the same people into the same groups, with locked people staying where they are
 * (the engine plans everyone else around them). Group names, topics and links stay with their group.
 */
export function reshuffle(
  round: RoundState,
  ctx: { people: readonly PersonInfo[]; history: readonly IdRound[]; seed: number; timeLimitMs?: number; engine?: PlanOptions },
): RoundState {
  if (round.status !== 'draft') throw new DomainError('invalid_state', `only a planned round can be reshuffled; this one is ${round.status}`);
  if (round.mode === 'self') throw new DomainError('invalid_state', 'in a self-select round the attendees choose their groups');
  const members = round.groups.flatMap((g) => g.members);
  if (members.length === 0) return round;
  const present = new Set(members);
  const byId = new Map(ctx.people.map((p) => [p.id, p]));
  const people = members.map((id) => byId.get(id) ?? { id, name: null, attributes: {} });
  const constraints = restrictConstraints(round.settings.constraints, present);
  const locked = new Set(round.locked.filter((id) => present.has(id)));
  const pinned = round.groups.flatMap((g) => g.members.filter((id) => locked.has(id)).map((id) => ({ id, group: g.index })));
  const out = runEngine(
    round.mode,
    { people: toEnginePeople(people), history: ctx.history, seed: ctx.seed, timeLimitMs: ctx.timeLimitMs, engine: ctx.engine },
    { groups: Math.min(round.groups.length, members.length), rounds: 1 },
    constraints,
    pinned,
  );
  const planned = keepLocked(out.rounds[0]!, round.groups.length, pinned);
  return {
    ...round,
    settings: { ...round.settings, seed: ctx.seed, engine: out.meta },
    groups: round.groups.map((g, i) => ({ ...g, members: planned[i] ?? [] })),
    report: measureRound(planned, { history: ctx.history, constraints, attributes: attributeMap(people), engine: out.meta }),
  };
}

/**
 * Makes sure every pinned person is in their group: the engine honours pins, and this is the guarantee
 * that stays true whatever it returns (someone misplaced trades places with an unlocked member).
 */
export function keepLocked(groups: IdRound, groupCount: number, pinned: ReadonlyArray<{ id: string; group: number }>): IdRound {
  const out = Array.from({ length: groupCount }, (_, g) => (groups[g] ?? []).slice());
  const pinnedTo = new Map(pinned.map((p) => [p.id, p.group]));
  for (const { id, group } of pinned) {
    const from = out.findIndex((members) => members.includes(id));
    if (from === group) continue;
    const target = out[group]!;
    const unlocked = target.findLastIndex((other) => pinnedTo.get(other) !== group);
    if (from >= 0) out[from]!.splice(out[from]!.indexOf(id), 1);
    if (unlocked >= 0 && from >= 0) {
      const [other] = target.splice(unlocked, 1);
      out[from]!.push(other!);
    }
    target.push(id);
  }
  return out;
}
