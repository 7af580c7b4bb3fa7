/**
 * Erasing a question (its author withdrew it, or it was deleted in the chat it came from): the tombstone
 * overwrites the row and its vote rows go (persist.ts → eraseQuestion), and duplicates that had been
 * merged into it come back to review (core/merge.ts, releaseMerged). One transaction, the caller's.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../db/types.js';
import type { Mutation, QuestionChange } from './core/fanout.js';
import { releaseMerged } from './core/merge.js';
import type { QuestionRecord } from './core/types.js';
import { persistChanges } from './persist.js';
import { rowToRecord } from './repository.js';

export async function persistErase(trx: Transaction<DB>, eventId: string, before: QuestionRecord, after: QuestionRecord, now: Date): Promise<Mutation> {
  const changes: QuestionChange[] = [{ before, after }];
  if (after !== before) {
    const dups = await trx.selectFrom('questions').selectAll().where('event_id', '=', eventId).where('merged_into', '=', before.id).execute();
    for (const row of dups) {
      const dup = rowToRecord(row);
      changes.push({ before: dup, after: releaseMerged(dup, now) });
    }
  }
  return persistChanges(trx, eventId, changes);
}
