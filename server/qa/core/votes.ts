/** Upvote rules: one vote per person and question, only on live questions, and it can be taken back. */
import { DomainError } from '../../../shared/errors.js';
import type { QuestionState } from '../../../shared/qa/schemas.js';

export type VoteDecision = 'add' | 'remove' | 'none';

/**
 * What a vote command does. Repeating an up (or down) is not an error but a no-op, so a retried command
 * or a second tab cannot count twice; the database primary key (question, attendee) enforces it too.
 */
export function decideVote(question: { state: QuestionState } | undefined, hasVoted: boolean, up: boolean): VoteDecision {
  if (!question) throw new DomainError('not_found', 'no such question');
  if (question.state !== 'live') throw new DomainError('invalid_state', `cannot vote on a question that is ${question.state}`);
  if (up) return hasVoted ? 'none' : 'add';
  return hasVoted ? 'remove' : 'none';
}

export function applyVote(votes: number, decision: VoteDecision): number {
  if (decision === 'add') return votes + 1;
  if (decision === 'remove') return Math.max(0, votes - 1);
  return votes;
}
