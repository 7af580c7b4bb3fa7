/**
 * An attendee deletes their own answer (polls:retract). Pure. Allowed for every poll that is not a draft,
 * while it is open AND after it closed (the right to erasure does not end with the poll): the tally is
 * recomputed without the answer, and an open poll takes a new answer afterwards. Deleting when there is
 * nothing to delete is not an error (a second tab, a retried command): nothing changes.
 *
 * Quizzes: the player leaves the quiz: every answer of theirs and their nickname go, so scores, ranks and
 * the leaderboard are computed without them; while a question runs they may join and answer it again.
 */
import type { AnswerState, Tally, TallyContext } from './tally.js';
import { applyAnswer, applyQuizAnswer } from './tally.js';
import { pollError } from './errors.js';
import type { PollRecord, QuizAnswerRecord } from './types.js';

export function requireRetractable(poll: PollRecord | undefined): PollRecord {
  if (!poll || poll.status === 'draft') throw pollError('not_found', 'no such poll');
  return poll;
}

/** Takes a (non-quiz) answer out of the tally; `prev` null: nothing to take out. Returns whether it changed. */
export function retractAnswer(tally: Tally, prev: AnswerState | null, ctx: TallyContext): boolean {
  if (!prev) return false;
  applyAnswer(tally, prev, null, ctx);
  return true;
}

/** The quiz without one attendee's answers: the kept list (order kept) and the removed ones, out of the tally. */
export function retractQuiz(
  tally: Tally,
  answers: readonly QuizAnswerRecord[],
  attendeeId: string,
): { kept: QuizAnswerRecord[]; removed: QuizAnswerRecord[] } {
  const kept: QuizAnswerRecord[] = [];
  const removed: QuizAnswerRecord[] = [];
  for (const a of answers) (a.attendeeId === attendeeId ? removed : kept).push(a);
  for (const a of removed) applyQuizAnswer(tally, a, -1);
  return { kept, removed };
}
