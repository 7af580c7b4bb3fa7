/**
 * Socket command handlers of the breakout groups: load → pure core → persist in one transaction with one
 * seq bump → ack → publish (staff get drafts, locks and reports; the public started rounds only).
 */
import type { Transaction } from 'kysely';
import { mergeText } from '../../shared/breakouts/merge.js';
import type { HelpRequest, RoundView } from '../../shared/breakouts/schemas.js';
import { DomainError } from '../../shared/errors.js';
import { isStaffRole } from '../../shared/kernel/roles.js';
import type { CommandName } from '../../shared/socket.js';
import { newId } from '../auth/tokens.js';
import type { DB } from '../db/types.js';
import { findEventById, rowToInfo } from '../events/repository.js';
import { mergeChanges, type Db, type Handler, type HandlerContext, type HandlerOutcome, type Handlers } from '../kernel/feature.js';
import { arrive } from './core/arrivals.js';
import * as edits from './core/edits.js';
import * as lifecycle from './core/lifecycle.js';
import { needsPlacement, placeLate, readyToPlace } from './core/late.js';
import { remeasure } from './core/report.js';
import type { RoundState } from './core/types.js';
import { roundChanges, type AudienceChanges } from './core/views.js';
import { deleteRound, insertHelp, insertMessage, insertRound, loadRounds, resultVersionText, resolveHelp as resolveHelpRow, savePlanSettings, saveResult, saveRound } from './repository.js';
import { helpChanges, historyFor, requireRound, type BreakoutRuntime } from './runtime.js';

type H<K extends CommandName> = Handler<K>;

/** Attendees whose group differs between two states of a round (moved, swapped, added, removed). */
function movedPeople(before: RoundState, after: RoundState): string[] {
  const where = (r: RoundState) => new Map(r.groups.flatMap((g) => g.members.map((m) => [m, g.index] as const)));
  const a = where(before);
  const b = where(after);
  return [...new Set([...a.keys(), ...b.keys()])].filter((id) => a.get(id) !== b.get(id));
}

export function breakoutHandlers(rt: BreakoutRuntime): Partial<Handlers> {
  /** Merged results may grow beyond one client's 10,000 characters, but not without bound. */
  const MAX_RESULT_LENGTH = 20_000;

  const audienceOf = (ctx: HandlerContext) => (isStaffRole(ctx.actor.role) ? 'staff' : 'public');

  async function eventInfo(ctx: HandlerContext, db: Db) {
    const row = await findEventById(db, ctx.actor.eventId);
    if (!row) throw new DomainError('not_found', 'this event no longer exists');
    return rowToInfo(row);
  }

  /**
   * One round through one rule. A rule that changes nothing returns the same object: then nothing is
   * written and no delta is sent.
   */
  async function transition(
    ctx: HandlerContext,
    roundId: string,
    rule: (round: RoundState, trx: Transaction<DB>) => RoundState | Promise<RoundState>,
  ): Promise<HandlerOutcome<{ round: RoundView }>> {
    const { eventId } = ctx.actor;
    return rt.commit(eventId, async (trx) => {
      const before = await requireRound(trx, eventId, roundId);
      const after = await withFreshReport(trx, eventId, before, await rule(before, trx));
      const view = await rt.viewerFor(trx, [after]);
      const result = { round: view(after, audienceOf(ctx)) };
      if (after === before) return { result, changes: null };
      await saveRound(trx, before, after);
      // Help requests show their group's current name: staff get them again when it changes.
      const renamed = new Set(after.groups.filter((g) => before.groups[g.index]?.name !== g.name).map((g) => g.index));
      const help = renamed.size ? (await rt.listHelp(trx, eventId, { roundId })).filter((h) => renamed.has(h.groupIndex)) : [];
      const renamedHelp: AudienceChanges = { staff: help.map((request) => ({ type: 'breakouts:help', request })), pub: [] };
      const closedHelp = await rt.closeHelpOf(trx, before, after, ctx.now);
      // Who changed groups in a started round sees the help requests of the new group, not the old one's.
      const moved = after.status === 'draft' ? [] : movedPeople(before, after);
      const movedHelp = moved.length ? await rt.myHelp(trx, eventId, moved) : null;
      return { result, changes: mergeChanges(roundChanges(before, after, view), renamedHelp, closedHelp, movedHelp), rounds: [after] };
    });
  }

  /**
   * A hand edit that moved people gets its report recounted (docs/protocol.md: "reports are recomputed
   * after every manual change"): one pass over this round against the earlier ones, not the engine.
   */
  async function withFreshReport(trx: Transaction<DB>, eventId: string, before: RoundState, after: RoundState): Promise<RoundState> {
    if (after === before || !after.report) return after;
    const members = after.groups.flatMap((g) => g.members);
    const [rounds, people] = await Promise.all([loadRounds(trx, eventId), rt.people.byIds(trx, eventId, members)]);
    return remeasure(before, after, { history: historyFor(rounds, after), attributes: new Map(people.map((p) => [p.id, p.attributes])) });
  }

  async function requireAttendeeOfEvent(ctx: HandlerContext, db: Db, id: string): Promise<void> {
    if ((await rt.people.byIds(db, ctx.actor.eventId, [id])).length === 0) throw new DomainError('not_found', 'no such attendee in this event');
  }

  const plan: H<'breakouts:plan'> = {
    serial: true,
    async run(ctx, cmd) {
      const { eventId } = ctx.actor;
      // Read, then plan outside the transaction (the engine may search for seconds), then write. The
      // event's queue keeps anything else of this event from changing the rounds in between.
      const event = await eventInfo(ctx, rt.kernel.db);
      const rounds = await loadRounds(rt.kernel.db, eventId);
      // Default: who is online, and (pre-assignment) roster entries who have not come yet.
      let ids = cmd.people ?? rt.people.onlineIds(eventId);
      if (!cmd.people && cmd.includeAbsent) {
        const here = new Set(ids);
        const absent = (await rt.people.all(rt.kernel.db, eventId)).filter((p) => p.invited && !here.has(p.id)).map((p) => p.id);
        ids = [...ids, ...absent];
      }
      const people = await rt.people.byIds(rt.kernel.db, eventId, ids);
      if (cmd.people && people.length !== new Set(cmd.people).size) {
        const known = new Set(people.map((p) => p.id));
        const unknown = cmd.people.filter((id) => !known.has(id));
        throw new DomainError('invalid_payload', `not attendees of this event: ${unknown.slice(0, 5).join(', ')}`, { fields: ['people'] });
      }
      // Keep the order the facilitator (or the connection order) gave: the seed then decides, not the database.
      const order = new Map(ids.map((id, i) => [id, i]));
      people.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
      const started = rounds.filter((r) => r.status !== 'draft');
      const drafts = rounds.filter((r) => r.status === 'draft');
      const planned = await rt.planner.plan(cmd, {
        eventId,
        eventCode: event.code,
        language: event.language,
        firstNumber: Math.max(0, ...started.map((r) => r.number)) + 1,
        people,
        history: historyFor(started, null),
        roundIds: Array.from({ length: cmd.rounds }, () => newId()),
        seed: cmd.seed ?? rt.seed(),
        timeLimitMs: rt.planTimeLimitMs,
      });
      return rt.commit(eventId, async (trx) => {
        for (const d of drafts) await deleteRound(trx, d.id);
        for (const r of planned) await insertRound(trx, r, ctx.now);
        const view = await rt.viewerFor(trx, planned);
        const changes = mergeChanges(...drafts.map((d) => roundChanges(d, null, view)), ...planned.map((r) => roundChanges(null, r, view)));
        return { result: { rounds: planned.map((r) => view(r, 'staff')) }, changes, rounds: planned, removed: drafts.map((d) => d.id) };
      });
    },
  };

  const planSettings: H<'breakouts:planSettings'> = {
    serial: true,
    async run(ctx, { settings }) {
      const { eventId } = ctx.actor;
      return rt.commit(eventId, async (trx) => {
        await savePlanSettings(trx, eventId, settings, ctx.now);
        return { result: { settings }, changes: { staff: [{ type: 'breakouts:planSettings', settings }], pub: [] } };
      });
    },
  };

  const reshuffle: H<'breakouts:reshuffle'> = {
    serial: true,
    async run(ctx, { roundId, seed }) {
      const { eventId } = ctx.actor;
      const rounds = await loadRounds(rt.kernel.db, eventId);
      const before = rounds.find((r) => r.id === roundId);
      if (!before) throw new DomainError('not_found', 'no such breakout round');
      const people = await rt.people.byIds(rt.kernel.db, eventId, before.groups.flatMap((g) => g.members));
      const after = await rt.planner.reshuffle(before, {
        people,
        history: historyFor(rounds, before),
        seed: seed ?? rt.seed(),
        timeLimitMs: rt.planTimeLimitMs,
      });
      // Planned from `before`, read in this same turn of the event's queue, so it is still the current state.
      return transition(ctx, roundId, () => after);
    },
  };

  const move: H<'breakouts:move'> = {
    serial: true,
    async run(ctx, { roundId, personId, toGroup }) {
      return transition(ctx, roundId, async (round, trx) => {
        // Inside the transaction: on SQLite a query outside it would wait for it forever.
        if (!round.groups.some((g) => g.members.includes(personId))) await requireAttendeeOfEvent(ctx, trx, personId);
        return edits.move(round, personId, toGroup);
      });
    },
  };

  const swap: H<'breakouts:swap'> = {
    serial: true,
    run: (ctx, { roundId, a, b }) => transition(ctx, roundId, (round) => edits.swap(round, a, b)),
  };

  const lock: H<'breakouts:lock'> = {
    serial: true,
    run: (ctx, { roundId, personId, locked }) => transition(ctx, roundId, (round) => edits.lock(round, personId, locked)),
  };

  const group: H<'breakouts:group'> = {
    serial: true,
    run: (ctx, { roundId, index, ...patch }) => transition(ctx, roundId, (round) => edits.editGroup(round, index, patch)),
  };

  const start: H<'breakouts:start'> = {
    serial: true,
    run: (ctx, { roundId, durationSec }) =>
      transition(ctx, roundId, async (round, trx) => {
        const { eventId } = ctx.actor;
        const rounds = await loadRounds(trx, eventId);
        let next = lifecycle.start(round, rounds, durationSec, ctx.now);
        const online = rt.people.onlineIds(eventId);
        // Everyone here now is on time; whoever comes later is marked late (core/arrivals.ts).
        next = arrive(next, online, next.startedAt!);
        // Who came online after planning gets a group now, by the late-join rule (nobody planned moves).
        const newcomers = online.filter((id) => needsPlacement(next, id));
        if (newcomers.length) {
          const people = await rt.people.byIds(trx, eventId, [...next.groups.flatMap((g) => g.members), ...newcomers]);
          const history = historyFor(rounds, next);
          const arriving = new Set(newcomers);
          const fields = (await eventInfo(ctx, trx)).settings.attendeeFields;
          // Who has not answered a required field yet waits for it (the spread rule needs the value).
          for (const person of people.filter((p) => arriving.has(p.id) && readyToPlace(fields, p.attributes))) {
            next = placeLate(next, person, { people, history, seed: rt.seed() }).round;
          }
        }
        return next;
      }),
  };

  const extend: H<'breakouts:extend'> = {
    serial: true,
    run: (ctx, { roundId, seconds }) => transition(ctx, roundId, (round) => lifecycle.extend(round, seconds, ctx.now)),
  };

  const close: H<'breakouts:close'> = {
    serial: true,
    run: (ctx, { roundId, countdownSec }) => transition(ctx, roundId, (round) => lifecycle.close(round, countdownSec, ctx.now)),
  };

  const showResults: H<'breakouts:showResults'> = {
    serial: true,
    run: (ctx, { roundId, show }) =>
      transition(ctx, roundId, (round) => {
        if (round.status === 'draft') throw new DomainError('invalid_state', 'the round has not started yet');
        return round.showResults === show ? round : { ...round, showResults: show };
      }),
  };

  const message: H<'breakouts:message'> = {
    serial: true,
    async run(ctx, { roundId, text }) {
      const { eventId } = ctx.actor;
      return rt.commit(eventId, async (trx) => {
        const round = await requireRound(trx, eventId, roundId);
        if (round.status !== 'running' && round.status !== 'closing') {
          throw new DomainError('invalid_state', `messages go to groups that meet; this round is ${round.status}`);
        }
        await insertMessage(trx, { id: newId(), roundId, text, at: ctx.now.toISOString() });
        const view = await rt.viewerFor(trx, [round]);
        return { result: { round: view(round, 'staff') }, changes: roundChanges(round, round, view) };
      });
    },
  };

  const discard: H<'breakouts:discard'> = {
    serial: true,
    async run(ctx, { roundId }) {
      const { eventId } = ctx.actor;
      return rt.commit(eventId, async (trx) => {
        const round = await requireRound(trx, eventId, roundId);
        lifecycle.assertDraft(round, 'discard');
        const view = await rt.viewerFor(trx, [round]);
        await deleteRound(trx, roundId);
        return { result: {}, changes: roundChanges(round, null, view), removed: [roundId] };
      });
    },
  };

  const choose: H<'breakouts:choose'> = {
    serial: true,
    run: (ctx, { roundId, index }) => transition(ctx, roundId, (round) => edits.choose(round, ctx.actor.attendeeId ?? '', index)),
  };

  const help: H<'breakouts:help'> = {
    serial: true,
    async run(ctx, { roundId }) {
      const { eventId } = ctx.actor;
      const attendeeId = ctx.actor.attendeeId ?? '';
      return rt.commit(eventId, async (trx) => {
        const round = await requireRound(trx, eventId, roundId);
        const g = edits.assertMayAskHelp(round, attendeeId);
        // One open request per group is enough: asking again returns it instead of ringing again.
        const open = (await trx
          .selectFrom('breakout_help')
          .select('id')
          .where('round_id', '=', roundId)
          .where('group_index', '=', g.index)
          .where('resolved_at', 'is', null)
          .executeTakeFirst());
        if (open) return { result: { request: (await rt.findHelp(trx, eventId, open.id))! }, changes: null };
        const name = (await rt.people.byIds(trx, eventId, [attendeeId]))[0]?.name ?? null;
        const request: HelpRequest = {
          id: newId(),
          roundId,
          groupIndex: g.index,
          groupName: g.name,
          attendeeId,
          name,
          at: ctx.now.toISOString(),
          resolvedAt: null,
        };
        await insertHelp(trx, eventId, request);
        return { result: { request }, changes: mergeChanges(helpChanges(request), await rt.myHelp(trx, eventId, g.members)) };
      });
    },
  };

  const resolveHelp: H<'breakouts:resolveHelp'> = {
    serial: true,
    async run(ctx, { id }) {
      const { eventId } = ctx.actor;
      return rt.commit(eventId, async (trx) => {
        const request = await rt.findHelp(trx, eventId, id);
        if (!request) throw new DomainError('not_found', 'no such help request');
        if (request.resolvedAt) return { result: { request }, changes: null };
        const resolved = { ...request, resolvedAt: ctx.now.toISOString() };
        await resolveHelpRow(trx, id, resolved.resolvedAt);
        // The members see it at once ("help is coming" goes away, they may ask again).
        const round = await requireRound(trx, eventId, request.roundId);
        return { result: { request: resolved }, changes: mergeChanges(helpChanges(resolved), await rt.myHelp(trx, eventId, round.groups[request.groupIndex]?.members ?? [])) };
      });
    },
  };

  /**
   * A member's (or facilitator's) edit of the group result: the full text and the version it started
   * from. Edits on an older version are merged three-way into the current text.
   */
  const editResult: H<'breakouts:editResult'> = {
    serial: true,
    async run(ctx, { roundId, index, baseVersion, text }) {
      const { eventId } = ctx.actor;
      return rt.commit(eventId, async (trx) => {
        const round = await requireRound(trx, eventId, roundId);
        const g = edits.assertMayEditResult(round, index, { staff: isStaffRole(ctx.actor.role), attendeeId: ctx.actor.attendeeId });
        if (baseVersion > g.resultVersion) throw new DomainError('invalid_state', `version ${baseVersion} does not exist yet (the result is at ${g.resultVersion})`);
        const base = baseVersion === g.resultVersion ? g.result : await resultVersionText(trx, roundId, index, baseVersion);
        if (base === undefined) throw new DomainError('invalid_state', `version ${baseVersion} of this result is not known`);
        const merged = mergeText(base, text, g.result);
        if (merged === g.result) return { result: { text: g.result, version: g.resultVersion }, changes: null };
        if (merged.length > MAX_RESULT_LENGTH) throw new DomainError('too_long', `the result would be longer than ${MAX_RESULT_LENGTH} characters`);
        const version = g.resultVersion + 1;
        await saveResult(trx, roundId, index, merged, version, ctx.actor.attendeeId, ctx.now);
        const change = { type: 'breakouts:result' as const, roundId, index, text: merged, version };
        return { result: { text: merged, version }, changes: { staff: [change], pub: [change] } };
      });
    },
  };

  return {
    'breakouts:plan': plan,
    'breakouts:planSettings': planSettings,
    'breakouts:reshuffle': reshuffle,
    'breakouts:move': move,
    'breakouts:swap': swap,
    'breakouts:lock': lock,
    'breakouts:group': group,
    'breakouts:start': start,
    'breakouts:extend': extend,
    'breakouts:close': close,
    'breakouts:showResults': showResults,
    'breakouts:message': message,
    'breakouts:discard': discard,
    'breakouts:choose': choose,
    'breakouts:help': help,
    'breakouts:resolveHelp': resolveHelp,
    'breakouts:editResult': editResult,
  };
}
