/**
 * Questions from outside Plenum's form, into the review queue: the chat feature's bridge calls
 * `importQuestion` / `withdrawImported` on ITS transaction (exactly once: the question and the chat
 * message id commit together), and `POST /api/events/:id/questions` imports from any other source with an
 * idempotency key. Both return the per-audience changes; the caller publishes them after the commit.
 */
import type { Transaction } from 'kysely';
import { DomainError } from '../../shared/errors.js';
import type { ImportQuestionBody, ModQuestion, QuestionSource } from '../../shared/qa/schemas.js';
import { newId } from '../auth/tokens.js';
import type { DB } from '../db/types.js';
import { findEventById, rowToInfo } from '../events/repository.js';
import type { Changes } from '../kernel/feature.js';
import { buildFanout } from './core/fanout.js';
import { importQuestion, withdrawImported } from './core/imports.js';
import { screen } from './core/rules.js';
import { toMod } from './core/views.js';
import { persistErase } from './erase.js';
import { persistChanges } from './persist.js';
import { getQuestion, rowToRecord } from './repository.js';

export interface ImportRequestOf {
  source: Exclude<QuestionSource, 'plenum'>;
  text: string;
  authorName: string | null;
  /** The source's id of the author (YouTube channel id), if any. */
  externalAuthorId?: string | null;
  label?: string | null;
  /** REST imports: unique per event; the same key again returns the first question. */
  importKey?: string | null;
  now: Date;
}

export interface QaImports {
  /** Inside the caller's transaction; `created: false` when `importKey` was seen before (no changes then). */
  importQuestion(trx: Transaction<DB>, eventId: string, req: ImportRequestOf): Promise<{ question: ModQuestion; created: boolean; changes: Changes | null }>;
  /** A chat deletion: pending or live → withdrawn; null when nothing changed. */
  withdrawImported(trx: Transaction<DB>, eventId: string, questionId: string, now: Date): Promise<Changes | null>;
}

export function createQaImports(): QaImports {
  return {
    async importQuestion(trx, eventId, req) {
      if (req.importKey) {
        const row = await trx.selectFrom('questions').selectAll().where('event_id', '=', eventId).where('import_key', '=', req.importKey).executeTakeFirst();
        if (row) return { question: toMod(rowToRecord(row)), created: false, changes: null };
      }
      const event = await findEventById(trx, eventId);
      if (!event) throw new DomainError('not_found', 'no such event');
      const settings = rowToInfo(event).settings.qa;
      const q = importQuestion({
        id: newId(),
        eventId,
        source: req.source,
        externalAuthorId: req.externalAuthorId ?? null,
        authorName: req.authorName,
        label: req.label ?? null,
        text: req.text,
        flaggedWords: screen(req.text, settings).flaggedWords,
        now: req.now,
      });
      const mutation = await persistChanges(trx, eventId, [{ before: null, after: q }]);
      if (req.importKey) await trx.updateTable('questions').set({ import_key: req.importKey }).where('id', '=', q.id).execute();
      return { question: toMod(q), created: true, changes: buildFanout(mutation) };
    },
    async withdrawImported(trx, eventId, questionId, now) {
      const before = await getQuestion(trx, eventId, questionId);
      if (!before) return null;
      const after = withdrawImported(before, now);
      if (after === before) return null;
      const mutation = await persistErase(trx, eventId, before, after, now);
      return buildFanout(mutation);
    },
  };
}

export type { ImportQuestionBody };
