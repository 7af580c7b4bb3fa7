/** Writes a set of question changes and works out what else they changed (board, pending count). */
import type { Transaction } from 'kysely';
import type { DB } from '../db/types.js';
import { boardAfter } from './core/board.js';
import { pendingAfter, type Mutation, type QuestionChange } from './core/fanout.js';
import { isErased } from './core/rules.js';
import { countPending, deleteQuestion, eraseQuestion, insertQuestion, loadBoard, saveQuestion } from './repository.js';

function leavesOrEntersBoard(c: QuestionChange): boolean {
  const b = c.before;
  const a = c.after;
  return Boolean(b?.highlighted || (b && b.queuePos !== null) || a?.highlighted || (a && a.queuePos !== null));
}

export async function persistChanges(trx: Transaction<DB>, eventId: string, changes: QuestionChange[]): Promise<Mutation> {
  const mutation: Mutation = { questions: changes };
  if (changes.some(leavesOrEntersBoard)) {
    const before = await loadBoard(trx, eventId);
    mutation.board = { before, after: boardAfter(before, changes.map((c) => ({ id: (c.after ?? c.before)!.id, after: c.after }))) };
  }
  if (changes.some((c) => c.before?.state === 'pending' || c.after?.state === 'pending')) {
    const before = await countPending(trx, eventId);
    mutation.pendingCount = { before, after: pendingAfter(before, changes) };
  }
  for (const { before, after } of changes) {
    if (!after) await deleteQuestion(trx, before!.id);
    else if (!before) await insertQuestion(trx, after);
    else if (isErased(after) && !isErased(before)) {
      const attendeeIds = await eraseQuestion(trx, after);
      if (attendeeIds.length) (mutation.unvoted ??= []).push({ questionId: after.id, attendeeIds });
    } else await saveQuestion(trx, after);
  }
  return mutation;
}
