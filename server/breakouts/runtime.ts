/**
 * What runs without a command: presence (who is online, coalesced for staff), round timers (time up →
 * closing → closed, re-armed after a restart) and placing late joiners. Everything goes through the
 * event's serial queue like a command, so its deltas are numbered in order with everyone else's.
 */
import { randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { RoundView } from '../../shared/breakouts/schemas.js';
import type { PlanOptions } from './engine/index.js';
import { findEventById, rowToInfo } from '../events/repository.js';
import type { Services } from '../services.js';
import { commitFanout } from '../sync/commit.js';
import { advance } from './core/lifecycle.js';
import { needsPlacement, placeLate } from './core/late.js';
import { roundChanges } from './core/views.js';
import type { Logger } from '../logger.js';
import { Planner } from './planner.js';
import { Presence } from './presence.js';
import { activeRoundRefs, loadRound, loadRounds, peopleByIds, saveRound } from './repository.js';
import { commitBreakouts, historyFor, personView, viewerFor } from './service.js';
import { RoundTimers } from './timers.js';

export class BreakoutRuntime {
  readonly presence: Presence;
  readonly timers: RoundTimers;
  /** Engine options: the wall clock enables the engine's time limit. */
  readonly engine: PlanOptions = { clock: () => performance.now() };
  /**
   * The public rounds of an event are the same for every attendee and the stage, so a burst of snapshots
   * builds them once. Every breakouts commit invalidates inside its transaction (see commitBreakouts);
   * on SQLite transactions never interleave, so a cached list matches the seq of the snapshot reading it.
   */
  readonly publicRounds = new Map<string, RoundView[]>();

  readonly planner: Planner;
  /** Passed to the engine with every plan and reshuffle; undefined = the engine's default. */
  readonly planTimeLimitMs: number | undefined;

  constructor(
    private readonly services: () => Services,
    options: { presenceFlushMs?: number; planTimeLimitMs?: number; logger: Logger },
  ) {
    this.planTimeLimitMs = options.planTimeLimitMs;
    this.planner = new Planner(options.logger, this.engine);
    this.presence = new Presence((eventId) => this.flushPresence(eventId), undefined, options.presenceFlushMs ?? 500);
    this.timers = new RoundTimers((eventId, roundId) => this.tick(eventId, roundId), () => this.services().now().getTime());
  }

  /** A seed for the engine when the facilitator gave none (the core never draws random numbers). */
  seed(): number {
    return randomInt(1, 2 ** 31 - 1);
  }

  attendeeConnected(eventId: string, attendeeId: string): void {
    this.presence.connect(eventId, attendeeId);
    if (this.timers.hasActive(eventId)) this.background(eventId, 'late join', () => this.placeLateJoiner(eventId, attendeeId));
  }

  attendeeDisconnected(eventId: string, attendeeId: string): void {
    // They stay in their group (they may come back); staff only see them go offline.
    this.presence.disconnect(eventId, attendeeId);
  }

  /** After startup: every running or closing round gets its timer again (overdue ones fire at once). */
  async rearm(): Promise<void> {
    const { db } = this.services();
    for (const ref of await activeRoundRefs(db)) {
      const round = await loadRound(db, ref.eventId, ref.id);
      if (round) this.timers.sync(round);
    }
  }

  forgetEvent(eventId: string): void {
    this.publicRounds.delete(eventId);
    this.presence.forgetEvent(eventId);
    this.timers.forgetEvent(eventId);
  }

  async stop(): Promise<void> {
    this.presence.stop();
    this.timers.stop();
    await this.planner.stop();
  }

  private background(eventId: string, what: string, task: () => Promise<void>): void {
    const services = this.services();
    services.queues.run(eventId, task).catch((err: unknown) => services.logger.warn({ err, eventId }, `${what} failed (event deleted?)`));
  }

  private flushPresence(eventId: string): void {
    this.background(eventId, 'presence flush', async () => {
      const services = this.services();
      const ids = this.presence.take(eventId);
      if (!ids) return;
      const out = await commitFanout(services, eventId, async (trx) => {
        const people = await peopleByIds(trx, eventId, ids);
        if (people.length === 0) return { result: null, fanout: null };
        const views = people.map((p) => personView(p, this.presence.isOnline(eventId, p.id)));
        return { result: null, fanout: { mod: [{ type: 'presence', people: views }], pub: [], own: [] } };
      });
      out.publish();
    });
  }

  private tick(eventId: string, roundId: string): void {
    this.background(eventId, 'round timer', async () => {
      const services = this.services();
      const out = await commitBreakouts(services, eventId, async (trx) => {
        const round = await loadRound(trx, eventId, roundId);
        const event = await findEventById(trx, eventId);
        if (!round || !event) return { result: null, changes: null };
        const next = advance(round, services.now(), rowToInfo(event).settings.breakouts.closingSec);
        // Nothing due yet (a very long wait fired early): just arm again.
        if (next === round) return { result: null, changes: null, rounds: [round] };
        await saveRound(trx, round, next);
        const view = await viewerFor(trx, [next]);
        return { result: null, changes: roundChanges(round, next, view), rounds: [next] };
      });
      out.publish();
    });
  }

  private async placeLateJoiner(eventId: string, attendeeId: string): Promise<void> {
    const services = this.services();
    const out = await commitBreakouts(services, eventId, async (trx) => {
      const rounds = await loadRounds(trx, eventId);
      const round = rounds.find((r) => needsPlacement(r, attendeeId));
      if (!round) return { result: null, changes: null };
      const members = round.groups.flatMap((g) => g.members);
      const people = await peopleByIds(trx, eventId, [...members, attendeeId]);
      const newcomer = people.find((p) => p.id === attendeeId);
      if (!newcomer) return { result: null, changes: null };
      const placed = placeLate(round, newcomer, { people, history: historyFor(rounds, round), seed: this.seed() });
      await saveRound(trx, round, placed.round);
      const view = await viewerFor(trx, [placed.round]);
      services.logger.debug({ eventId, attendeeId, group: placed.group }, 'late joiner placed');
      return { result: null, changes: roundChanges(round, placed.round, view), rounds: [placed.round] };
    });
    out.publish();
  }
}
