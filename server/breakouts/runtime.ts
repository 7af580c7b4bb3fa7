/**
 * The shell around the breakout core: load rounds, build the views each audience gets, commit a change in
 * one transaction with one seq bump and move the round timers to the new state; and what runs without a
 * command: round timers (time up → closing → closed, re-armed after a restart) and placing late joiners.
 * Everything goes through the event's serial queue like a command, so its deltas are numbered in order
 * with everyone else's.
 */
import { randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Transaction } from 'kysely';
import type { HelpRequest, RoundView } from '../../shared/breakouts/schemas.js';
import { DomainError } from '../../shared/errors.js';
import type { DB } from '../db/types.js';
import { findEventById, rowToInfo } from '../events/repository.js';
import { mergeChanges, type Changes, type Committed, type Db, type Kernel } from '../kernel/feature.js';
import type { People } from '../people/index.js';
import { arrive } from './core/arrivals.js';
import { advance } from './core/lifecycle.js';
import { needsPlacement, placeLate, readyToPlace } from './core/late.js';
import { isActive, type IdRound, type RoundState } from './core/types.js';
import { roundChanges, toRoundView, type Audience } from './core/views.js';
import type { PlanOptions } from './engine/index.js';
import { Planner } from './planner.js';
import { activeRoundRefs, listHelp, resolveHelpOfRound, loadMessages, loadRound, loadRounds, saveRound } from './repository.js';
import { RoundTimers } from './timers.js';

export type ViewFn = (round: RoundState, audience: Audience) => RoundView;

export interface BreakoutWork<R> {
  result: R;
  /** What each audience receives; null when nothing changed (no seq is used). */
  changes: Partial<Changes> | null;
  /** Rounds whose timers must follow their new state. */
  rounds?: readonly RoundState[];
  /** Rounds that no longer exist. */
  removed?: readonly string[];
}

/**
 * Groups of the rounds that count as "met before" for `round`: every started round, and drafts planned
 * ahead of it (a multi-round plan avoids repeats across its own rounds too).
 */
export function historyFor(rounds: readonly RoundState[], round: Pick<RoundState, 'id' | 'number'> | null): IdRound[] {
  return rounds
    .filter((r) => r.id !== round?.id && (r.status !== 'draft' || (round !== null && r.number < round.number)))
    .map((r) => r.groups.map((g) => g.members));
}

/** A help request to staff (the members get their lists from BreakoutRuntime.myHelp). */
export function helpChanges(request: HelpRequest): Partial<Changes> {
  return { staff: [{ type: 'breakouts:help', request }], pub: [] };
}

/** Help requests of the groups `attendeeId` is in now, in started rounds: an attendee's view of them. */
export function helpOf(rounds: readonly RoundState[], help: readonly HelpRequest[], attendeeId: string): HelpRequest[] {
  const mine = new Set(rounds.filter((r) => r.status !== 'draft').flatMap((r) => r.groups.filter((g) => g.members.includes(attendeeId)).map((g) => `${r.id}\u0000${g.index}`)));
  return mine.size ? help.filter((h) => mine.has(`${h.roundId}\u0000${h.groupIndex}`)) : [];
}

export async function requireRound(db: Db, eventId: string, roundId: string): Promise<RoundState> {
  const round = await loadRound(db, eventId, roundId);
  if (!round) throw new DomainError('not_found', 'no such breakout round');
  return round;
}

export class BreakoutRuntime {
  readonly timers: RoundTimers;
  /** Engine options: the wall clock enables the engine's time limit. */
  readonly engine: PlanOptions = { clock: () => performance.now() };
  readonly planner: Planner;
  /** Passed to the engine with every plan and reshuffle; undefined = the engine's default. */
  readonly planTimeLimitMs: number | undefined;

  constructor(
    readonly kernel: Kernel,
    readonly people: People,
  ) {
    this.planTimeLimitMs = kernel.options.planTimeLimitMs;
    this.planner = new Planner(kernel.logger, this.engine);
    this.timers = new RoundTimers((eventId, roundId) => this.tick(eventId, roundId), () => kernel.now().getTime());
  }

  /** A seed for the engine when the facilitator gave none (the core never draws random numbers). */
  seed(): number {
    return randomInt(1, 2 ** 31 - 1);
  }

  /** Names and messages for these rounds, then a cheap view builder for any audience. */
  async viewerFor(db: Db, rounds: readonly RoundState[]): Promise<ViewFn> {
    const names = await this.people.namesOf(db, rounds.flatMap((r) => r.groups.flatMap((g) => g.members)));
    const messages = await loadMessages(db, rounds.map((r) => r.id));
    return (round, audience) => toRoundView(round, names, messages.get(round.id) ?? [], audience);
  }

  /** Help requests with the asker's current name. */
  async listHelp(db: Db, eventId: string, only: { roundId?: string; attendeeIds?: readonly string[] } = {}): Promise<HelpRequest[]> {
    const help = await listHelp(db, eventId, only);
    const names = await this.people.namesOf(db, help.map((h) => h.attendeeId));
    return help.map((h) => ({ ...h, name: names.get(h.attendeeId) ?? null }));
  }

  async findHelp(db: Db, eventId: string, id: string): Promise<HelpRequest | undefined> {
    return (await this.listHelp(db, eventId)).find((h) => h.id === id);
  }

  /** Each of these attendees' complete help list as a personal change (it replaces the list they had). */
  async myHelp(db: Db, eventId: string, attendeeIds: readonly string[]): Promise<Partial<Changes>> {
    if (attendeeIds.length === 0) return {};
    const [rounds, help] = await Promise.all([loadRounds(db, eventId), this.listHelp(db, eventId)]);
    return { personal: [...new Set(attendeeIds)].map((attendeeId) => ({ attendeeId, change: { type: 'breakouts:myHelp' as const, help: helpOf(rounds, help, attendeeId) } })) };
  }

  /**
   * A round that just closed takes its open help requests with it (nobody can come to a group that no
   * longer meets): they are resolved at the close, and staff and members hear of it.
   */
  async closeHelpOf(db: Db, before: RoundState, after: RoundState, now: Date): Promise<Partial<Changes> | null> {
    if (after.status !== 'closed' || before.status === 'closed') return null;
    const open = (await this.listHelp(db, after.eventId, { roundId: after.id })).filter((h) => h.resolvedAt === null);
    if (open.length === 0) return null;
    const at = now.toISOString();
    await resolveHelpOfRound(db, after.id, at);
    const members = open.flatMap((h) => after.groups[h.groupIndex]?.members ?? []);
    return mergeChanges(...open.map((h) => helpChanges({ ...h, resolvedAt: at })), await this.myHelp(db, after.eventId, members));
  }

  /** A breakouts write: one transaction, one seq bump when there are changes; publish also moves the timers. */
  async commit<R>(eventId: string, work: (trx: Transaction<DB>) => Promise<BreakoutWork<R>>): Promise<Committed<R>> {
    let after: BreakoutWork<R> | undefined;
    const committed = await this.kernel.commit(eventId, async (trx) => {
      after = await work(trx);
      return { result: after.result, changes: after.changes };
    });
    return {
      ...committed,
      publish: () => {
        committed.publish();
        for (const round of after?.rounds ?? []) this.timers.sync(round);
        for (const id of after?.removed ?? []) this.timers.disarm(id);
      },
    };
  }

  attendeeConnected(eventId: string, attendeeId: string): void {
    if (this.timers.hasActive(eventId)) this.kernel.background(eventId, 'late join', () => this.placeLateJoiner(eventId, attendeeId));
  }

  /** After startup: every running or closing round gets its timer again (overdue ones fire at once). */
  async rearm(): Promise<void> {
    const { db } = this.kernel;
    for (const ref of await activeRoundRefs(db)) {
      const round = await loadRound(db, ref.eventId, ref.id);
      if (round) this.timers.sync(round);
    }
  }

  forgetEvent(eventId: string): void {
    this.timers.forgetEvent(eventId);
  }

  /** Another node wrote this event: its timers come with rearm (snapshots are cached per seq by the kernel). */
  resync(_eventId: string): void {}

  async stop(): Promise<void> {
    this.timers.stop();
    await this.planner.stop();
  }

  private tick(eventId: string, roundId: string): void {
    this.kernel.background(eventId, 'round timer', async () => {
      const out = await this.commit(eventId, async (trx) => {
        const round = await loadRound(trx, eventId, roundId);
        const event = await findEventById(trx, eventId);
        if (!round || !event) return { result: null, changes: null };
        const next = advance(round, this.kernel.now(), rowToInfo(event).settings.breakouts.closingSec);
        // Nothing due yet (a very long wait fired early): just arm again.
        if (next === round) return { result: null, changes: null, rounds: [round] };
        await saveRound(trx, round, next);
        const view = await this.viewerFor(trx, [next]);
        const closedHelp = await this.closeHelpOf(trx, round, next, this.kernel.now());
        return { result: null, changes: mergeChanges(roundChanges(round, next, view), closedHelp), rounds: [next] };
      });
      out.publish();
    });
  }

  /**
   * Inside a profile change's transaction: online walk-ins who now answered every required field get
   * their group in the running round (they were held back at connect).
   */
  async placeAnswered(trx: Transaction<DB>, eventId: string, ids: readonly string[]): Promise<{ changes: Partial<Changes>; round: RoundState } | null> {
    const waiting = ids.filter((id) => this.people.isOnline(eventId, id));
    if (waiting.length === 0) return null;
    const rounds = await loadRounds(trx, eventId);
    const round = rounds.find((r) => waiting.some((id) => needsPlacement(r, id)));
    if (!round) return null;
    const event = await findEventById(trx, eventId);
    if (!event) return null;
    const fields = rowToInfo(event).settings.attendeeFields;
    const people = await this.people.byIds(trx, eventId, [...round.groups.flatMap((g) => g.members), ...waiting]);
    let next = round;
    for (const person of people.filter((p) => waiting.includes(p.id) && needsPlacement(next, p.id) && readyToPlace(fields, p.attributes))) {
      next = placeLate(next, person, { people, history: historyFor(rounds, round), seed: this.seed() }).round;
    }
    if (next === round) return null;
    await saveRound(trx, round, next);
    const view = await this.viewerFor(trx, [next]);
    return { changes: mergeChanges(roundChanges(round, next, view), await this.myHelp(trx, eventId, waiting)), round: next };
  }

  /**
   * Someone came online while a round runs: their first presence in the round is recorded (after the start:
   * late), and a walk-in gets a group. Only staff hear of an arrival that placed nobody.
   */
  private async placeLateJoiner(eventId: string, attendeeId: string): Promise<void> {
    const out = await this.commit(eventId, async (trx) => {
      const rounds = await loadRounds(trx, eventId);
      const round = rounds.find(isActive);
      if (!round) return { result: null, changes: null };
      const arrived = arrive(round, [attendeeId], this.kernel.now().toISOString());
      const placed = needsPlacement(arrived, attendeeId) ? await this.placeNewcomer(trx, eventId, rounds, arrived, attendeeId) : null;
      const next = placed ?? arrived;
      if (next === round) return { result: null, changes: null };
      await saveRound(trx, round, next);
      const view = await this.viewerFor(trx, [next]);
      if (!placed) return { result: null, changes: { staff: roundChanges(round, next, view).staff, pub: [] }, rounds: [next] };
      this.kernel.logger.debug({ eventId, attendeeId }, 'late joiner placed');
      return { result: null, changes: mergeChanges(roundChanges(round, next, view), await this.myHelp(trx, eventId, [attendeeId])), rounds: [next] };
    });
    out.publish();
  }

  /** The round with the newcomer in a group, or null while they have not answered a required field. */
  private async placeNewcomer(trx: Transaction<DB>, eventId: string, rounds: readonly RoundState[], round: RoundState, attendeeId: string): Promise<RoundState | null> {
    const members = round.groups.flatMap((g) => g.members);
    const people = await this.people.byIds(trx, eventId, [...members, attendeeId]);
    const newcomer = people.find((p) => p.id === attendeeId);
    if (!newcomer) return null;
    // Not before the required fields are answered (then the profile change places them, see placeAnswered).
    const event = await findEventById(trx, eventId);
    if (event && !readyToPlace(rowToInfo(event).settings.attendeeFields, newcomer.attributes)) return null;
    return placeLate(round, newcomer, { people, history: historyFor(rounds, round), seed: this.seed() }).round;
  }
}
