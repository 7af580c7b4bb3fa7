/** The breakout groups module: rounds, groups, timers, results, help requests, planning on a worker. */
import type { RoundStatus } from '../../shared/breakouts/schemas.js';
import { mergeChanges, type Db, type FeatureModule, type Kernel } from '../kernel/feature.js';
import type { People } from '../people/index.js';
import { roundChanges } from './core/views.js';
import { breakoutHandlers } from './handlers.js';
import { breakoutMigrations } from './migrations.js';
import { loadRound, loadRounds } from './repository.js';
import { BreakoutRuntime } from './runtime.js';
import { breakoutsPersonalSnapshot, breakoutsSharedSnapshot } from './snapshot.js';
import type { BreakoutsSnapshot } from '../../shared/breakouts/schemas.js';

/** What other features may read of a round (the stage checks what it puts on air). */
export interface BreakoutsApi {
  /** The round's status in this event, or null when there is none. */
  roundInfo(db: Db, eventId: string, id: string): Promise<{ status: RoundStatus; showResults: boolean } | null>;
}

export interface BreakoutsModule extends FeatureModule {
  api: BreakoutsApi;
}

export function createBreakoutsModule(kernel: Kernel, people: People): BreakoutsModule {
  const rt = new BreakoutRuntime(kernel, people);
  return {
    api: {
      async roundInfo(db, eventId, id) {
        const round = await loadRound(db, eventId, id);
        return round ? { status: round.status, showResults: round.showResults } : null;
      },
    },
    name: 'breakouts',
    handlers: breakoutHandlers(rt),
    migrations: breakoutMigrations,
    sharedSnapshot: (ctx) => breakoutsSharedSnapshot(rt, ctx),
    personalSnapshot: (ctx, shared) => breakoutsPersonalSnapshot(rt, ctx, shared as Pick<BreakoutsSnapshot, 'rounds'> | undefined),
    // Rounds that were running when the server stopped continue with their original end times.
    start: () => rt.rearm(),
    stop: () => rt.stop(),
    forgetEvent: (eventId) => rt.forgetEvent(eventId),
    resync: (eventId) => rt.resync(eventId),
    rearm: () => rt.rearm(),
    onPresence(eventId, attendeeId, online) {
      // Who comes online while a round runs gets a group (they stay in it when they leave: they may come back).
      if (online) rt.attendeeConnected(eventId, attendeeId);
    },
    /** Rounds and help requests show names: send the rounds these people are in again, and their requests. */
    async onPeopleChanged(trx, eventId, ids) {
      // A walk-in who just answered the required fields gets their group now.
      const placed = await rt.placeAnswered(trx, eventId, ids);
      const who = new Set(ids);
      const rounds = (await loadRounds(trx, eventId)).filter((r) => r.id !== placed?.round.id && r.groups.some((g) => g.members.some((m) => who.has(m))));
      const help = await rt.listHelp(trx, eventId, { attendeeIds: ids });
      if (rounds.length === 0 && help.length === 0 && !placed) return null;
      const view = await rt.viewerFor(trx, rounds);
      const helpChanges = { staff: help.map((request) => ({ type: 'breakouts:help' as const, request })), pub: [] };
      // The asker's new name also shows in their group mates' lists.
      const all = help.length ? await loadRounds(trx, eventId) : [];
      const mates = help.flatMap((h) => all.find((r) => r.id === h.roundId)?.groups[h.groupIndex]?.members ?? []);
      const mateHelp = mates.length ? await rt.myHelp(trx, eventId, mates) : null;
      return mergeChanges(placed?.changes, ...rounds.map((r) => roundChanges(r, r, view)), helpChanges, mateHelp);
    },
  };
}
