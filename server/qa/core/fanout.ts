/**
 * The delta builder: from what changed in one command, the changes each audience receives (the kernel's
 * one shape, Changes). Staff and the public get a delta with the same seq for every mutation (possibly
 * with no changes), so each audience's seq stays contiguous; authors get their own questions as the
 * personal change `qa:own`.
 */
import type { Question } from '../../../shared/qa/schemas.js';
import type { Change } from '../../../shared/socket.js';
import type { Changes } from '../../kernel/feature.js';
import { boardsEqual } from './board.js';
import { isExternalAuthor } from './imports.js';
import { ERASED_AUTHOR } from './rules.js';
import type { Board, QuestionRecord } from './types.js';
import { isPublicState, toMod, toPublic } from './views.js';

export interface QuestionChange {
  /** null: the question is new. */
  before: QuestionRecord | null;
  /** null: the question was deleted. */
  after: QuestionRecord | null;
}

export interface Mutation {
  questions?: QuestionChange[];
  board?: { before: Board; after: Board };
  pendingCount?: { before: number; after: number };
  /** Vote rows deleted with an erased question: each voter's tabs learn their vote is gone (qa:myVote). */
  unvoted?: { questionId: string; attendeeIds: string[] }[];
}

function samePublicView(a: Question, b: Question): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function buildFanout(m: Mutation): Changes {
  const mod: Change[] = [];
  const pub: Change[] = [];
  const own: Changes['personal'] = [];

  for (const { before, after } of m.questions ?? []) {
    const id = (after ?? before)?.id;
    if (!id) continue;

    if (after && after.state !== 'withdrawn') mod.push({ type: 'question:upsert', question: toMod(after) });
    else if (before) mod.push({ type: 'question:remove', id });

    if (after && isPublicState(after.state)) pub.push({ type: 'question:upsert', question: toPublic(after) });
    // Deletions go to the public even for questions it never saw: the author drops it from "own" too.
    else if (before && (after === null || isPublicState(before.state))) pub.push({ type: 'question:remove', id });

    // Imported questions have no attendee author: nobody to send `qa:own` to. An erased question has no
    // author any more: its author (from before) gets the tombstone, which drops it from their "own" list.
    const authorId = after && after.authorId !== ERASED_AUTHOR ? after.authorId : before?.authorId;
    if (after && authorId && authorId !== ERASED_AUTHOR && !isExternalAuthor(authorId)) {
      const view = toPublic(after);
      if (!before || !samePublicView(toPublic(before), view)) own.push({ attendeeId: authorId, change: { type: 'qa:own', question: view } });
    }
  }
  for (const { questionId, attendeeIds } of m.unvoted ?? []) {
    for (const attendeeId of attendeeIds) own.push({ attendeeId, change: { type: 'qa:myVote', id: questionId, voted: false } });
  }

  if (m.board && m.board.before.highlightedId !== m.board.after.highlightedId) {
    const change: Change = { type: 'qa:highlight', id: m.board.after.highlightedId };
    mod.push(change);
    pub.push(change);
  }
  if (m.board && !boardsEqual({ ...m.board.before, highlightedId: null }, { ...m.board.after, highlightedId: null })) {
    const change: Change = { type: 'qa:queue', ids: m.board.after.queue };
    mod.push(change);
    pub.push(change);
  }
  if (m.pendingCount && m.pendingCount.before !== m.pendingCount.after) {
    const change: Change = { type: 'qa:pendingCount', count: m.pendingCount.after };
    mod.push(change);
    pub.push(change);
  }
  return { staff: mod, pub, personal: own };
}

/** Pending questions after a set of changes, from the count before. */
export function pendingAfter(before: number, changes: readonly QuestionChange[]): number {
  let count = before;
  for (const c of changes) {
    if (c.before?.state === 'pending') count--;
    if (c.after?.state === 'pending') count++;
  }
  return count;
}
