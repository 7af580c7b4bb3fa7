/** Moderator commands that run polls: open, close, reopen, reset, reveal, present, review, quiz steps. */
import type { Transaction } from 'kysely';
import type { CommandName } from '../../shared/socket.js';
import type { DB } from '../db/types.js';
import type { Handler, Handlers } from '../kernel/feature.js';
import { pollError } from './core/errors.js';
import { closePoll, openPoll, reopenPoll, resetPoll, revealPoll } from './core/lifecycle.js';
import { reviewEntries } from './core/open-text.js';
import { quizEndQuestion, quizNext } from './core/quiz.js';
import { applyAnswer, emptyTally } from './core/tally.js';
import type { PollRecord } from './core/types.js';
import { resultsVisible } from './core/visibility.js';
import { staffPoll } from './handlers-edit.js';
import { requirePoll } from './mutate.js';
import { outcome, type PollsParts } from './parts.js';
import { deleteAnswers, savePoll, setOpenState, setPresented } from './repository.js';
import type { PollState } from './state.js';
import { emptyChanges, entriesChanged, entryOf, myAnswerOf, myQuizOf, openEntries, pollChanged, quizPersonal, type PollsChanges } from './views.js';

type H<K extends CommandName> = Handler<K>;

export function runHandlers(parts: PollsParts): Partial<Handlers> {
  const { mutate, timers, tallies } = parts;

  /** One poll through one lifecycle rule; `extra` adds what else the step changes (memory, answers). */
  function step<K extends CommandName>(
    rule: (p: PollRecord, now: Date, payload: Parameters<Handler<K>['run']>[1]) => PollRecord,
    extra?: (ps: PollState, out: PollsChanges, before: PollRecord, trx: Transaction<DB>) => Promise<void> | void,
  ): H<K> {
    return {
      serial: true,
      async run(ctx, payload) {
        const id = (payload as { id: string }).id;
        return outcome(
          await mutate(ctx.actor.eventId, async (trx, ev) => {
            const ps = requirePoll(ev, id);
            const before = ps.record;
            const next = rule(before, ctx.now, payload);
            if (next === before) return { result: { poll: staffPoll(ps) }, changes: null };
            const out = emptyChanges();
            await savePoll(trx, next);
            ps.record = next;
            if (extra) await extra(ps, out, before, trx);
            timers.sync(next);
            pollChanged(out, ps, before);
            return { result: { poll: staffPoll(ps) }, changes: out };
          }),
        ) as never;
      },
    };
  }

  const quizStepped = (ps: PollState, out: PollsChanges, before: PollRecord) => {
    // Leaving a question (review or finished) reveals correctness and points to each player.
    if (before.quiz?.phase === 'question' && ps.record.quiz?.phase !== 'question') quizPersonal(out, ps);
  };

  const reset = step<'polls:reset'>(
    (p, now) => resetPoll(p, now),
    async (ps, out, before, trx) => {
      // Everyone who answered learns that their answer is gone; the wall is emptied for whoever saw it.
      const wall = openEntries(ps).map((e) => e.id);
      if (wall.length) {
        out.staff.push({ type: 'polls:entriesRemove', pollId: ps.record.id, ids: wall });
        if (resultsVisible(before, 'attendee')) out.pub.push({ type: 'polls:entriesRemove', pollId: ps.record.id, ids: wall });
        if (resultsVisible(before, 'stage')) out.stage.push({ type: 'polls:entriesRemove', pollId: ps.record.id, ids: wall });
      }
      const quizPeople = new Set([...ps.players.keys(), ...ps.quizAnswers.map((a) => a.attendeeId)]);
      for (const attendeeId of ps.answers.keys()) out.personal.push({ attendeeId, change: { type: 'polls:myAnswer', mine: myAnswerOf(undefined, ps.record.id) } });
      await deleteAnswers(trx, ps.record.id);
      ps.answers.clear();
      ps.quizAnswers = [];
      ps.quizAnswered.clear();
      ps.players.clear();
      ps.tally = emptyTally(ps.record.definition);
      for (const attendeeId of quizPeople) out.personal.push({ attendeeId, change: { type: 'polls:myQuiz', quiz: myQuizOf(ps, attendeeId) } });
      tallies.forget(ps.record.eventId, ps.record.id);
    },
  );

  const present: H<'polls:present'> = {
    serial: true,
    async run(ctx, { id }) {
      const { eventId } = ctx.actor;
      return outcome(
        await mutate(eventId, async (trx, ev) => {
          if (id !== null) {
            const ps = requirePoll(ev, id);
            if (ps.record.status === 'draft') throw pollError('invalid_state', 'open the poll before presenting it');
          }
          if (ev.presentedId === id) return { result: { id }, changes: null };
          await setPresented(trx, eventId, id);
          ev.presentedId = id;
          const out = emptyChanges();
          for (const list of [out.staff, out.pub, out.stage]) list.push({ type: 'polls:presented', id });
          return { result: { id }, changes: out };
        }),
      );
    },
  };

  const review: H<'polls:review'> = {
    serial: true,
    async run(ctx, { pollId, entryIds, decision }) {
      const { eventId } = ctx.actor;
      return outcome(
        await mutate(eventId, async (trx, ev) => {
          const ps = requirePoll(ev, pollId);
          if (ps.record.definition.type !== 'open') throw pollError('invalid_state', 'only open-text answers are reviewed');
          const { changed, skipped } = reviewEntries([...ps.answers.values()], entryIds, decision);
          const out = emptyChanges();
          const wall: Parameters<typeof entriesChanged>[2][number][] = [];
          for (const next of changed) {
            const prev = ps.answers.get(next.attendeeId)!;
            await setOpenState(trx, next.id, next.openState!);
            applyAnswer(ps.tally, prev, next, { isBlocked: ev.isBlocked });
            ps.answers.set(next.attendeeId, next);
            wall.push({ entry: entryOf(ps, next), wasApproved: prev.openState === 'approved' });
            out.personal.push({ attendeeId: next.attendeeId, change: { type: 'polls:myAnswer', mine: myAnswerOf(next, pollId) } });
          }
          if (changed.length) tallies.record(eventId, pollId, null);
          entriesChanged(out, ps, wall);
          return { result: { changed: changed.map((c) => c.id), skipped }, changes: out };
        }),
      );
    },
  };

  return {
    'polls:open': step<'polls:open'>((p, now) => openPoll(p, now)),
    'polls:close': step<'polls:close'>((p, now) => closePoll(p, now), quizStepped),
    'polls:reopen': step<'polls:reopen'>((p, now) => reopenPoll(p, now)),
    'polls:reset': reset,
    'polls:reveal': step<'polls:reveal'>((p, now, { revealed }) => revealPoll(p, revealed, now)),
    'polls:present': present,
    'polls:review': review,
    'polls:quizNext': step<'polls:quizNext'>((p, now) => quizNext(p, now), quizStepped),
    'polls:quizEndQuestion': step<'polls:quizEndQuestion'>((p, now) => quizEndQuestion(p, now), quizStepped),
  };
}
