/**
 * qa:merge — a moderator merges a duplicate into the question that stays. One transaction: the pure rule
 * (core/merge.ts) decides, then both questions, the vote rows and both counts are written; the public
 * sees the merged question leave and the kept one's new count, its author sees where it went (qa:own),
 * voters whose vote moved learn it through qa:myVote.
 */
import type { Transaction } from 'kysely';
import { DomainError } from '../../shared/errors.js';
import type { DB } from '../db/types.js';
import type { Changes, Kernel } from '../kernel/feature.js';
import { buildFanout } from './core/fanout.js';
import { mergeQuestions, type VoteRow } from './core/merge.js';
import { toMod } from './core/views.js';
import { persistChanges } from './persist.js';
import { getQuestions } from './repository.js';

async function voteRows(trx: Transaction<DB>, ids: readonly string[]): Promise<VoteRow[]> {
  const rows = await trx.selectFrom('votes').selectAll().where('question_id', 'in', [...ids]).execute();
  return rows.map((r) => ({ questionId: r.question_id, attendeeId: r.attendee_id, createdAt: r.created_at }));
}

export async function mergeInTransaction(trx: Transaction<DB>, eventId: string, keepId: string, mergeId: string, now: Date) {
  const found = await getQuestions(trx, eventId, [keepId, mergeId]);
  const kept = found.get(keepId);
  const merged = found.get(mergeId);
  if (!kept || !merged) throw new DomainError('not_found', 'no such question');
  const result = mergeQuestions({ kept, merged, votes: await voteRows(trx, [keepId, mergeId]), now });
  await trx.deleteFrom('votes').where('question_id', '=', mergeId).execute();
  if (result.moved.length) {
    await trx
      .insertInto('votes')
      .values(result.moved.map((v) => ({ question_id: v.questionId, attendee_id: v.attendeeId, created_at: v.createdAt })))
      .execute();
  }
  const mutation = await persistChanges(trx, eventId, [
    { before: kept, after: result.kept },
    { before: merged, after: result.merged },
  ]);
  // saveQuestion leaves `votes` to the vote path; the merge owns both counts inside this transaction.
  await trx.updateTable('questions').set({ votes: result.kept.votes }).where('id', '=', keepId).execute();
  await trx.updateTable('questions').set({ votes: 0 }).where('id', '=', mergeId).execute();
  const changes: Changes = buildFanout(mutation);
  for (const v of result.moved) changes.personal.push({ attendeeId: v.attendeeId, change: { type: 'qa:myVote', id: keepId, voted: true } });
  for (const v of result.dropped) changes.personal.push({ attendeeId: v.attendeeId, change: { type: 'qa:myVote', id: mergeId, voted: false } });
  return { result: { kept: toMod(result.kept), merged: toMod(result.merged) }, changes };
}

export function mergeCommand(kernel: Kernel, onCommitted: (eventId: string, ids: string[]) => void) {
  return async (eventId: string, keepId: string, mergeId: string, now: Date) => {
    const out = await kernel.commit(eventId, (trx) => mergeInTransaction(trx, eventId, keepId, mergeId, now));
    onCommitted(eventId, [keepId, mergeId]);
    return out;
  };
}
