/**
 * Attendee commands: answer and nickname. An answer commits in its own transaction WITHOUT a seq (like a
 * vote) and is acknowledged after the commit; its counts reach everyone through the tallies coalescer
 * (≤ 10 deltas per second per event and audience, whatever the answer rate), the attendee's other tabs
 * through a personal change. One answer per person: the row's key is (poll, attendee) from the people
 * module's identity, so a reload, a second tab or a reconnect replaces (allowChange) or is refused.
 */
import type { PersonalChange } from '../../shared/socket.js';
import type { CommandName, CommandResult } from '../../shared/socket.js';
import { newId } from '../auth/tokens.js';
import type { Changes, Handler, HandlerContext, Handlers } from '../kernel/feature.js';
import { validateAnswer } from './core/answer.js';
import { pollError } from './core/errors.js';
import { initialOpenState } from './core/open-text.js';
import { checkNickname, validateQuizAnswer } from './core/quiz.js';
import { requireRetractable, retractAnswer, retractQuiz } from './core/retract.js';
import { applyAnswer, applyQuizAnswer } from './core/tally.js';
import { AnswerBatcher } from './batch.js';
import { requirePoll } from './mutate.js';
import { entryKey, removedEntryKey, type PollsParts } from './parts.js';
import { deleteAnswer, deleteQuizPlayer, insertQuizAnswer, upsertAnswer, upsertPlayer, type StoredAnswer } from './repository.js';
import { quizKey } from './state.js';
import { emptyChanges, myAnswerOf, myQuizOf, players, quizPersonal } from './views.js';

type H<K extends CommandName> = Handler<K>;

function attendeeOf(ctx: HandlerContext): string {
  const id = ctx.actor.attendeeId;
  if (!id) throw pollError('forbidden', 'only attendees may answer');
  return id;
}

export function answerHandlers(parts: PollsParts): Partial<Handlers> {
  const { kernel, people, mutate, tallies } = parts;
  const batcher = new AnswerBatcher(kernel, mutate);

  /** The sender's other tabs learn at once (the sender has the ack). */
  const toOtherTabs = (ctx: HandlerContext, attendeeId: string, change: PersonalChange) => () =>
    kernel.delivery.personalOf(ctx.actor.eventId, [{ attendeeId, change }], ctx.socket);

  /**
   * Not serial: the answer joins the event's next group commit (batch.ts), which runs in the event's
   * queue; the ack follows that commit.
   */
  const answer: H<'polls:answer'> = {
    serial: false,
    async run(ctx, { pollId, answer: payload }) {
      const { eventId } = ctx.actor;
      const attendeeId = attendeeOf(ctx);
      const result = await batcher.submit<CommandResult<'polls:answer'>>(eventId, async (trx, ev) => {
        const ps = ev.polls.get(pollId);
        if (ps?.record.definition.type === 'quiz' && payload.type === 'quiz') {
          const key = quizKey(attendeeId, payload.questionId);
          const rec = validateQuizAnswer(ps.record, { attendeeId, questionId: payload.questionId, optionIds: payload.optionIds }, {
            nickname: ps.players.get(attendeeId) ?? null,
            alreadyAnswered: ps.quizAnswered.has(key),
            now: ctx.now,
          });
          await insertQuizAnswer(trx, rec);
          ps.quizAnswers.push(rec);
          ps.quizAnswered.add(key);
          applyQuizAnswer(ps.tally, rec);
          tallies.record(eventId, pollId, null);
          const mine = { pollId, answer: payload, answeredAt: rec.answeredAt, openState: null };
          return { mine, quiz: myQuizOf(ps, attendeeId) };
        }
        const prev = ps?.answers.get(attendeeId);
        const clean = validateAnswer(ps?.record, payload, { hasAnswered: prev !== undefined, now: ctx.now });
        const def = ps!.record.definition;
        const named = ps!.record.settings.identity === 'named';
        const stored: StoredAnswer = {
          id: prev?.id ?? newId(),
          pollId,
          attendeeId,
          name: named ? ((await people.namesOf(trx, [attendeeId])).get(attendeeId) ?? null) : null,
          answer: clean,
          answeredAt: ctx.now.toISOString(),
          openState: def.type === 'open' && clean.type === 'open' ? initialOpenState(def.review, clean.text, ev.isBlocked) : null,
        };
        await upsertAnswer(trx, eventId, stored);
        applyAnswer(ps!.tally, prev ?? null, stored, { isBlocked: ev.isBlocked });
        ps!.answers.set(attendeeId, stored);
        tallies.record(eventId, pollId, null);
        if (def.type === 'open') tallies.record(eventId, entryKey(pollId, attendeeId), stored.openState, prev?.openState ?? null);
        return { mine: myAnswerOf(stored, pollId), quiz: null };
      });
      const { mine, quiz } = result;
      const change: PersonalChange = quiz ? { type: 'polls:myQuiz', quiz } : { type: 'polls:myAnswer', mine };
      return { result, publish: toOtherTabs(ctx, attendeeId, change) };
    },
  };

  const nickname: H<'polls:nickname'> = {
    serial: true,
    async run(ctx, { pollId, nickname: wanted }) {
      const { eventId } = ctx.actor;
      const attendeeId = attendeeOf(ctx);
      const done = await mutate(eventId, async (trx, ev) => {
        const ps = requirePoll(ev, pollId);
        if (ps.record.status === 'draft') throw pollError('not_found', 'no such poll');
        if (ps.record.definition.type !== 'quiz') throw pollError('invalid_payload', 'this poll is not a quiz');
        if (ps.record.status !== 'open') throw pollError('poll_closed', 'the quiz is over');
        const nick = checkNickname(wanted, players(ps), attendeeId);
        await upsertPlayer(trx, pollId, { attendeeId, nickname: nick });
        ps.players.set(attendeeId, nick);
        // The player count is part of the quiz view: the next tallies flush sends it.
        tallies.record(eventId, pollId, null);
        return { result: { quiz: myQuizOf(ps, attendeeId) }, changes: null };
      });
      return { result: done.result, publish: toOtherTabs(ctx, attendeeId, { type: 'polls:myQuiz', quiz: done.result.quiz }) };
    },
  };

  /**
   * The attendee deletes their own answer (core/retract.ts): through the same group commit as answers, so
   * it is ordered with them; the row goes, the tally is recomputed in memory, and the counts (and, for
   * open text, the entry's removal) reach everyone through the tallies coalescer like an answer's.
   * Quizzes: once ranks are shown (review, finished), every player's own rank is sent again.
   */
  const retract: H<'polls:retract'> = {
    serial: false,
    async run(ctx, { pollId }) {
      const { eventId } = ctx.actor;
      const attendeeId = attendeeOf(ctx);
      const done = await batcher.submit(eventId, async (trx, ev) => {
        const ps = ev.polls.get(pollId);
        const poll = requireRetractable(ps?.record);
        const state = ps!;
        if (poll.definition.type === 'quiz') {
          const hadPlayer = state.players.has(attendeeId);
          const { kept, removed } = retractQuiz(state.tally, state.quizAnswers, attendeeId);
          let others: NonNullable<Changes['personal']> = [];
          if (removed.length || hadPlayer) {
            await deleteQuizPlayer(trx, pollId, attendeeId);
            state.quizAnswers = kept;
            for (const a of removed) state.quizAnswered.delete(quizKey(attendeeId, a.questionId));
            state.players.delete(attendeeId);
            tallies.record(eventId, pollId, null);
            const phase = poll.quiz?.phase;
            if (phase === 'review' || phase === 'finished') others = quizPersonal(emptyChanges(), state).personal;
          }
          const result: CommandResult<'polls:retract'> = { mine: myAnswerOf(undefined, pollId), quiz: myQuizOf(state, attendeeId) };
          return { result, others };
        }
        const prev = state.answers.get(attendeeId);
        if (retractAnswer(state.tally, prev ?? null, { isBlocked: ev.isBlocked }) && prev) {
          await deleteAnswer(trx, prev.id);
          state.answers.delete(attendeeId);
          tallies.record(eventId, pollId, null);
          if (poll.definition.type === 'open') tallies.record(eventId, removedEntryKey(pollId, prev.id), null, prev.openState ?? null);
        }
        const result: CommandResult<'polls:retract'> = { mine: myAnswerOf(undefined, pollId), quiz: null };
        return { result, others: [] as NonNullable<Changes['personal']> };
      });
      const { result, others } = done;
      const change: PersonalChange = result.quiz ? { type: 'polls:myQuiz', quiz: result.quiz } : { type: 'polls:myAnswer', mine: result.mine };
      return {
        result,
        publish: () => {
          kernel.delivery.personalOf(eventId, [{ attendeeId, change }], ctx.socket);
          kernel.delivery.personalOf(eventId, others.filter((p) => p.attendeeId !== attendeeId));
        },
      };
    },
  };

  return { 'polls:answer': answer, 'polls:nickname': nickname, 'polls:retract': retract };
}
