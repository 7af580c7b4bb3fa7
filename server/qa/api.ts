/**
 * What other features may ask of the Q&A (through index.ts): read one question's state and the board, and
 * mark a question answered exactly as `qa:answer` does (the stage's speaker command), inside their commit.
 */
import type { Transaction } from 'kysely';
import { DomainError } from '../../shared/errors.js';
import type { QuestionState } from '../../shared/qa/schemas.js';
import type { DB } from '../db/types.js';
import type { Changes, Db } from '../kernel/feature.js';
import { buildFanout } from './core/fanout.js';
import * as rules from './core/rules.js';
import type { Board } from './core/types.js';
import { persistChanges } from './persist.js';
import { getQuestion, loadBoard } from './repository.js';

export interface QaApi {
  /** The question's state in this event, or null when there is none (deleted, another event's). */
  questionState(db: Db, eventId: string, id: string): Promise<QuestionState | null>;
  /** The highlighted question and the speakers' queue (live questions only). */
  board(db: Db, eventId: string): Promise<Board>;
  /** qa:answer inside the caller's transaction: the same rule, writes and changes for every audience. */
  answer(trx: Transaction<DB>, eventId: string, id: string, now: Date): Promise<Changes>;
}

export type { Board };

export function createQaApi(): QaApi {
  return {
    async questionState(db, eventId, id) {
      return (await getQuestion(db, eventId, id))?.state ?? null;
    },
    board: (db, eventId) => loadBoard(db, eventId),
    async answer(trx, eventId, id, now) {
      const before = await getQuestion(trx, eventId, id);
      if (!before) throw new DomainError('not_found', 'no such question');
      const mutation = await persistChanges(trx, eventId, [{ before, after: rules.answer(before, now) }]);
      return buildFanout(mutation);
    },
  };
}
