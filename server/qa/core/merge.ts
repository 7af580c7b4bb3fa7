/**
 * Merging a duplicate question into the one that stays. Pure: the caller loads both questions and their
 * vote rows, calls mergeQuestions with `now`, and persists the result in one transaction (delete
 * `dropped`, insert `moved`, write both questions). Nothing here touches IO or a clock.
 *
 * - Votes move to the kept question; a person who voted for both counts once (their earlier vote stays).
 * - The kept question's count is the number of distinct voters after the merge.
 * - The merged question gets state `merged` and records where it went (`mergedInto`) for its author and
 *   the export, loses its votes and leaves the stage and the speakers' queue.
 */
import { DomainError } from '../../../shared/errors.js';
import type { QuestionState } from '../../../shared/qa/schemas.js';
import type { QuestionRecord } from './types.js';

/** One upvote, as the votes table stores it. */
export interface VoteRow {
  questionId: string;
  attendeeId: string;
  createdAt: string;
}

/** A question that may have been merged into another one. */
export type MergeableQuestion = QuestionRecord;

export interface MergeInput {
  kept: MergeableQuestion;
  merged: MergeableQuestion;
  /** Vote rows of both questions (rows of other questions are ignored). */
  votes: readonly VoteRow[];
  now: Date;
}

export interface MergeResult {
  /** The kept question with its new vote count. */
  kept: MergeableQuestion;
  /** The merged question: `mergedInto` = kept id, no votes, off the stage and out of the queue. */
  merged: MergeableQuestion & { mergedInto: string };
  /** All votes of the kept question after the merge, one per person, oldest first. */
  votes: VoteRow[];
  /** Rows to insert: voters of the merged question who had not voted for the kept one (original time kept). */
  moved: VoteRow[];
  /** Rows to delete: every vote of the merged question. */
  dropped: VoteRow[];
}

/** Questions that can be merged away: the incoming and the live ones. */
export const MERGEABLE_STATES: readonly QuestionState[] = ['pending', 'live'];
/** Questions that can take a duplicate: also answered ones ("already answered, see there"). */
export const KEEPABLE_STATES: readonly QuestionState[] = ['pending', 'live', 'answered'];

export function isMerged(q: { mergedInto?: string | null }): boolean {
  return q.mergedInto != null;
}

export function mergeQuestions({ kept, merged, votes, now }: MergeInput): MergeResult {
  if (kept.id === merged.id) throw new DomainError('invalid_state', 'cannot merge a question into itself');
  if (kept.eventId !== merged.eventId) throw new DomainError('not_found', 'both questions must belong to the same event');
  if (isMerged(merged)) throw new DomainError('invalid_state', `the question was already merged into ${merged.mergedInto}`);
  if (isMerged(kept)) throw new DomainError('invalid_state', `the question to keep was itself merged into ${kept.mergedInto}`);
  if (!MERGEABLE_STATES.includes(merged.state)) {
    throw new DomainError('invalid_state', `cannot merge a question that is ${merged.state}`);
  }
  if (!KEEPABLE_STATES.includes(kept.state)) {
    throw new DomainError('invalid_state', `cannot merge into a question that is ${kept.state}`);
  }

  const keptVotes = new Map<string, VoteRow>();
  for (const v of votes) {
    if (v.questionId !== kept.id) continue;
    const seen = keptVotes.get(v.attendeeId);
    if (!seen || v.createdAt < seen.createdAt) keptVotes.set(v.attendeeId, v);
  }
  const dropped = votes.filter((v) => v.questionId === merged.id);
  const moved = new Map<string, VoteRow>();
  for (const v of dropped) {
    if (keptVotes.has(v.attendeeId)) continue; // voted for both: counts once, the kept vote stays
    const seen = moved.get(v.attendeeId);
    if (!seen || v.createdAt < seen.createdAt) moved.set(v.attendeeId, { questionId: kept.id, attendeeId: v.attendeeId, createdAt: v.createdAt });
  }
  const byTime = (a: VoteRow, b: VoteRow): number =>
    a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.attendeeId < b.attendeeId ? -1 : a.attendeeId > b.attendeeId ? 1 : 0;
  const all = [...keptVotes.values(), ...moved.values()].sort(byTime);
  const at = now.toISOString();
  return {
    kept: { ...kept, votes: all.length, updatedAt: at },
    merged: { ...merged, state: 'merged', mergedInto: kept.id, votes: 0, highlighted: false, queuePos: null, updatedAt: at },
    votes: all,
    moved: [...moved.values()].sort(byTime),
    dropped,
  };
}

/**
 * The question a duplicate was merged into was deleted by its author (erased): the duplicate is its own
 * author's words, so it comes back to the review queue (pending, no longer merged) for the moderators to
 * decide again. The votes that had moved to the erased question went with it.
 */
export function releaseMerged(q: MergeableQuestion, now: Date): MergeableQuestion {
  if (q.state !== 'merged') return q;
  return { ...q, state: 'pending', mergedInto: null, highlighted: false, queuePos: null, updatedAt: now.toISOString() };
}
