/**
 * Quizzes: the run (lobby → question → review → … → finished), answers and scoring.
 *
 * Scoring (shown to attendees in the UI, polls.quiz.rule): a wrong or missing answer gets 0 points. A
 * correct answer gets
 *     points = round(1000 × (1 − elapsed / limit / 2))
 * where elapsed is the time from the question's start to the answer (clamped to 0 … limit), so an
 * instant answer gets 1000 and one in the last moment 500. Multiple-choice questions count as correct
 * only when the chosen set equals the correct set. Answers up to QUIZ_GRACE_MS after the end still count
 * (with elapsed = limit); later ones are refused with time_up.
 */
import {
  QUIZ_GRACE_MS, QUIZ_POINTS_MAX, QUIZ_POINTS_MIN_CORRECT, type MyQuiz, type QuizQuestion,
} from '../../../shared/polls/schemas.js';
import { pollError } from './errors.js';
import { rankPlayers, type PlayerScore, type RankedPlayer } from './leaderboard.js';
import { closePoll } from './lifecycle.js';
import { addSeconds, type PollRecord, type QuizAnswerRecord, type QuizPlayer } from './types.js';

const iso = (now: Date) => now.toISOString();

function quizOf(p: PollRecord) {
  if (p.definition.type !== 'quiz') throw pollError('invalid_state', 'this poll is not a quiz');
  if (p.status !== 'open' || !p.quiz) throw pollError('invalid_state', 'the quiz is not running');
  return { def: p.definition, run: p.quiz };
}

export function isCorrect(question: Pick<QuizQuestion, 'correct'>, optionIds: readonly string[]): boolean {
  const chosen = new Set(optionIds);
  return chosen.size === question.correct.length && question.correct.every((id) => chosen.has(id));
}

/** Points for one answer; elapsedMs is clamped to 0 … limit. */
export function quizPoints(correct: boolean, elapsedMs: number, limitSec: number): number {
  if (!correct) return 0;
  const limitMs = limitSec * 1000;
  const e = Math.min(Math.max(elapsedMs, 0), limitMs);
  const span = QUIZ_POINTS_MAX - QUIZ_POINTS_MIN_CORRECT;
  return Math.round(QUIZ_POINTS_MAX - span * (e / limitMs));
}

/** Lobby → first question; review → next question; review of the last → finished (and the poll closes). */
export function quizNext(p: PollRecord, now: Date): PollRecord {
  const { def, run } = quizOf(p);
  if (run.phase === 'question') throw pollError('invalid_state', 'end the running question first');
  if (run.phase === 'finished') throw pollError('invalid_state', 'the quiz is over');
  const nextIndex = run.phase === 'lobby' ? 0 : run.index + 1;
  const at = iso(now);
  const q = def.questions[nextIndex];
  if (!q) return closePoll({ ...p, quiz: { ...run, phase: 'finished' } }, now);
  return { ...p, quiz: { phase: 'question', index: nextIndex, questionStartedAt: at, questionEndsAt: addSeconds(at, q.timeLimitSec) }, updatedAt: at };
}

/** The moderator ends the running question before its timer. */
export function quizEndQuestion(p: PollRecord, now: Date): PollRecord {
  const { run } = quizOf(p);
  if (run.phase !== 'question') throw pollError('invalid_state', 'no question is running');
  const at = iso(now);
  const endsAt = run.questionEndsAt && Date.parse(run.questionEndsAt) < now.getTime() ? run.questionEndsAt : at;
  return { ...p, quiz: { ...run, phase: 'review', questionEndsAt: endsAt }, updatedAt: at };
}

/** Timer: a running question whose time (plus grace) is over goes to review. Same object when nothing is due. */
export function expireQuizQuestion(p: PollRecord, now: Date): PollRecord {
  const run = p.quiz;
  if (p.status !== 'open' || !run || run.phase !== 'question' || !run.questionEndsAt) return p;
  if (Date.parse(run.questionEndsAt) + QUIZ_GRACE_MS > now.getTime()) return p;
  return { ...p, quiz: { ...run, phase: 'review' }, updatedAt: iso(now) };
}

export function currentQuestion(p: PollRecord): QuizQuestion | null {
  if (p.definition.type !== 'quiz' || !p.quiz || p.quiz.index < 0) return null;
  return p.definition.questions[p.quiz.index] ?? null;
}

/**
 * Checks and scores one quiz answer. Refusals: not_found (no such poll), poll_closed (not running),
 * nickname_required, unknown_option (question or option not in the quiz), time_up (the question is over
 * or not the current one any more), already_answered (one answer per question), too_many_selections
 * (several options for a single-choice question), invalid_payload (an option twice).
 */
export function validateQuizAnswer(
  p: PollRecord | undefined,
  input: { attendeeId: string; questionId: string; optionIds: readonly string[] },
  ctx: { nickname: string | null; alreadyAnswered: boolean; now: Date },
): QuizAnswerRecord {
  if (!p || p.status === 'draft') throw pollError('not_found', 'no such poll');
  if (p.definition.type !== 'quiz') throw pollError('invalid_payload', 'this poll is not a quiz');
  if (p.status !== 'open' || !p.quiz) throw pollError('poll_closed', 'the quiz is not running');
  if (!ctx.nickname) throw pollError('nickname_required', 'choose a nickname first');
  const index = p.definition.questions.findIndex((q) => q.id === input.questionId);
  const question = p.definition.questions[index];
  if (!question) throw pollError('unknown_option', 'no such question in this quiz');
  const run = p.quiz;
  if (run.phase === 'lobby' || index > run.index) throw pollError('invalid_state', 'this question has not started yet');
  const endsAt = run.questionEndsAt ? Date.parse(run.questionEndsAt) : 0;
  if (index < run.index || run.phase !== 'question' || now(ctx) > endsAt + QUIZ_GRACE_MS) {
    throw pollError('time_up', 'the time for this question is up');
  }
  if (ctx.alreadyAnswered) throw pollError('already_answered', 'you have already answered this question');
  const known = new Set(question.options.map((o) => o.id));
  if (input.optionIds.some((id) => !known.has(id))) throw pollError('unknown_option', 'no such option in this question');
  if (new Set(input.optionIds).size !== input.optionIds.length) throw pollError('invalid_payload', 'an option is chosen twice');
  if (question.kind === 'single' && input.optionIds.length !== 1) {
    throw pollError('too_many_selections', 'choose exactly one option', { params: { max: 1 } });
  }
  const correct = isCorrect(question, input.optionIds);
  const startedAt = run.questionStartedAt ? Date.parse(run.questionStartedAt) : now(ctx);
  return {
    pollId: p.id,
    attendeeId: input.attendeeId,
    questionId: question.id,
    optionIds: [...input.optionIds],
    correct,
    points: quizPoints(correct, now(ctx) - startedAt, question.timeLimitSec),
    answeredAt: iso(ctx.now),
  };
}

function now(ctx: { now: Date }): number {
  return ctx.now.getTime();
}

/** Nicknames are unique per quiz, compared case-insensitively. */
export function checkNickname(nickname: string, others: readonly QuizPlayer[], attendeeId: string): string {
  const n = nickname.trim().replace(/\s+/g, ' ');
  if (!n) throw pollError('invalid_payload', 'the nickname is empty', { fields: ['nickname'] });
  const key = n.toLocaleLowerCase('de');
  if (others.some((o) => o.attendeeId !== attendeeId && o.nickname.toLocaleLowerCase('de') === key)) {
    throw pollError('nickname_taken', 'another player already uses this nickname');
  }
  return n;
}

/** Ids of the questions whose points are public: all up to the current one in review/finished, else before it. */
export function revealedQuestionIds(p: PollRecord): Set<string> {
  if (p.definition.type !== 'quiz' || !p.quiz) return new Set();
  const last = p.quiz.phase === 'review' || p.quiz.phase === 'finished' ? p.quiz.index : p.quiz.index - 1;
  return new Set(p.definition.questions.slice(0, Math.max(0, last + 1)).map((q) => q.id));
}

/** Every player's score over the revealed questions, ranked (ties share a rank). */
export function quizStandings(p: PollRecord, players: readonly QuizPlayer[], answers: readonly QuizAnswerRecord[]): RankedPlayer[] {
  const revealed = revealedQuestionIds(p);
  const scores = new Map<string, PlayerScore>(players.map((pl) => [pl.attendeeId, { ...pl, score: 0, correct: 0 }]));
  for (const a of answers) {
    const s = scores.get(a.attendeeId);
    if (!s || !revealed.has(a.questionId)) continue;
    s.score += a.points;
    if (a.correct) s.correct += 1;
  }
  return rankPlayers([...scores.values()]);
}


/**
 * The attendee's own quiz state (personal change polls:myQuiz and the snapshot): answers of questions not
 * yet reviewed show neither correctness nor points, so a second device cannot learn the answer early.
 */
export function myQuizView(
  p: PollRecord,
  attendeeId: string,
  nickname: string | null,
  answers: readonly QuizAnswerRecord[],
  standings: readonly RankedPlayer[],
): MyQuiz {
  const revealed = revealedQuestionIds(p);
  const mine = answers.filter((a) => a.attendeeId === attendeeId && a.pollId === p.id);
  const me = standings.find((s) => s.attendeeId === attendeeId);
  return {
    pollId: p.id,
    nickname,
    score: mine.filter((a) => revealed.has(a.questionId)).reduce((sum, a) => sum + a.points, 0),
    rank: revealed.size > 0 && me ? me.rank : null,
    answers: mine.map((a) => {
      const shown = revealed.has(a.questionId);
      return { questionId: a.questionId, optionIds: a.optionIds, correct: shown ? a.correct : null, points: shown ? a.points : 0, answeredAt: a.answeredAt };
    }),
  };
}
