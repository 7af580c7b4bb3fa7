/** The polls module: live polls and quizzes (issue 7). Built from the kernel and the people API. */
import type { PollStatus, PollType } from '../../shared/polls/schemas.js';
import type { Db, FeatureModule, Kernel } from '../kernel/feature.js';
import type { People } from '../people/index.js';
import { expirePoll } from './core/lifecycle.js';
import { expireQuizQuestion } from './core/quiz.js';
import { flushTallies } from './flush.js';
import { answerHandlers } from './handlers-answer.js';
import { editHandlers } from './handlers-edit.js';
import { runHandlers } from './handlers-run.js';
import { pollsMigrations } from './migrations.js';
import { createMutate } from './mutate.js';
import { PRESENT_KEY, type PollsParts } from './parts.js';
import { listOpenPolls, savePoll } from './repository.js';
import { exportRoutes } from './routes.js';
import { pollsPersonalSnapshot, pollsSharedSnapshot } from './snapshot.js';
import { PollsStore } from './state.js';
import { PollTimers } from './timers.js';
import { emptyChanges, pollChanged, quizPersonal } from './views.js';

/** ≤ 10 tallies deltas per second per event and audience (the bound), whatever the answer rate. */
export const TALLIES_WINDOW_MS = 100;

/** What other features may read of a poll (the stage checks what it puts on air). */
export interface PollsApi {
  /** The poll's kind and status in this event, or null when there is none. */
  pollInfo(db: Db, eventId: string, id: string): Promise<{ type: PollType; status: PollStatus } | null>;
}

export interface PollsModule extends FeatureModule {
  api: PollsApi;
}

export function createPollsModule(kernel: Kernel, people: People): PollsModule {
  const store = new PollsStore();
  const mutate = createMutate(kernel, store);

  const tallies = kernel.coalescer<string | null>({
    name: 'pollTallies',
    windowMs: TALLIES_WINDOW_MS,
    async flush(trx, eventId, entries) {
      return flushTallies(await store.get(trx, eventId), eventId, entries, people);
    },
  });

  /** A deadline passed: close the poll or end the quiz question, in the event's queue. */
  function onDue(eventId: string, pollId: string): void {
    kernel.background(eventId, 'poll timer', async () => {
      const done = await mutate(eventId, async (trx, ev) => {
        const ps = ev.polls.get(pollId);
        if (!ps) return { result: null, changes: null };
        const now = kernel.now();
        const before = ps.record;
        const next = expireQuizQuestion(expirePoll(before, now), now);
        timers.sync(next); // re-arms when the timer fired a little early
        if (next === before) return { result: null, changes: null };
        await savePoll(trx, next);
        ps.record = next;
        const out = pollChanged(emptyChanges(), ps, before);
        if (before.quiz?.phase === 'question') quizPersonal(out, ps);
        return { result: null, changes: out };
      });
      done.publish();
    });
  }
  const timers = new PollTimers(onDue, () => kernel.now().getTime());

  const parts: PollsParts = { kernel, people, store, timers, tallies, mutate };

  return {
    name: 'polls',
    handlers: { ...editHandlers(parts), ...runHandlers(parts), ...answerHandlers(parts) },
    migrations: pollsMigrations,
    sharedSnapshot: (ctx) => pollsSharedSnapshot(ctx, store),
    personalSnapshot: (ctx) => pollsPersonalSnapshot(ctx, store, people),
    routes: () => exportRoutes(kernel, store),
    api: {
      async pollInfo(db, eventId, id) {
        const ps = (await store.get(db, eventId)).polls.get(id);
        return ps ? { type: ps.record.definition.type, status: ps.record.status } : null;
      },
    },
    async start() {
      for (const p of await listOpenPolls(kernel.db)) timers.sync(p);
    },
    async stop() {
      timers.stop();
    },
    forgetEvent(eventId) {
      timers.forgetEvent(eventId);
      tallies.forgetEvent(eventId);
      store.drop(eventId);
    },
    // Another node wrote: the next read loads answers, tallies and polls again (inside its transaction).
    resync(eventId) {
      store.drop(eventId);
    },
    async rearm() {
      for (const p of await listOpenPolls(kernel.db)) timers.sync(p);
    },
    onPresence(eventId) {
      // Moderators compare answers with people here now, which matters while a poll is open; the count
      // rides on the next tallies flush (people:count already tells everyone the number in general).
      const ev = store.peek(eventId);
      if (ev && [...ev.polls.values()].some((ps) => ps.record.status === 'open')) tallies.record(eventId, PRESENT_KEY, null);
    },
  };
}
