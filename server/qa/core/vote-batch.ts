/**
 * Group commit of votes, the pure part: the votes of one coalescing window, in arrival order, against the
 * questions and the existing votes they touch. Each vote is decided on its own (decideVote) against the
 * state left by the votes before it, so a vote and its take-back in one window cancel out and a refusal
 * refuses only that vote. The result says which rows to add and remove and how each count moves.
 */
import { DomainError } from '../../../shared/errors.js';
import type { QuestionState } from '../../../shared/qa/schemas.js';
import { decideVote } from './votes.js';

export interface BatchVote {
  questionId: string;
  attendeeId: string;
  up: boolean;
}

/** changed: this vote flipped the attendee's vote (false for a repeated up or down). */
export type VoteOutcome = { ok: true; voted: boolean; changed: boolean } | { ok: false; error: DomainError };

export interface BatchDecision {
  outcomes: VoteOutcome[];
  /** (question, attendee) pairs to insert and to delete. */
  add: Array<{ questionId: string; attendeeId: string }>;
  remove: Array<{ questionId: string; attendeeId: string }>;
  /** question → count before the window and after it, only where it moved. */
  counts: Map<string, { before: number; after: number }>;
}

const pairKey = (questionId: string, attendeeId: string) => `${questionId}\u0000${attendeeId}`;

export function decideVoteBatch(
  questions: ReadonlyMap<string, { state: QuestionState; votes: number }>,
  /** Pairs that already have a vote row (pairKey order: question, attendee). */
  existing: ReadonlySet<string>,
  votes: readonly BatchVote[],
): BatchDecision {
  const now = new Map<string, boolean>();
  const outcomes: VoteOutcome[] = [];
  for (const v of votes) {
    const key = pairKey(v.questionId, v.attendeeId);
    const had = now.get(key) ?? existing.has(key);
    try {
      const decision = decideVote(questions.get(v.questionId), had, v.up);
      const voted = decision === 'none' ? had : decision === 'add';
      now.set(key, voted);
      outcomes.push({ ok: true, voted, changed: decision !== 'none' });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      outcomes.push({ ok: false, error: err });
    }
  }
  const add: BatchDecision['add'] = [];
  const remove: BatchDecision['remove'] = [];
  const delta = new Map<string, number>();
  for (const [key, voted] of now) {
    const had = existing.has(key);
    if (voted === had) continue;
    const [questionId, attendeeId] = key.split('\u0000') as [string, string];
    (voted ? add : remove).push({ questionId, attendeeId });
    delta.set(questionId, (delta.get(questionId) ?? 0) + (voted ? 1 : -1));
  }
  const counts = new Map<string, { before: number; after: number }>();
  for (const [id, d] of delta) {
    if (d === 0) continue;
    const before = questions.get(id)!.votes;
    counts.set(id, { before, after: Math.max(0, before + d) });
  }
  return { outcomes, add, remove, counts };
}

export { pairKey };
