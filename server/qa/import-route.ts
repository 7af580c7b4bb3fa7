/**
 * POST /api/events/:id/questions — other chat sources (a Zoom bot, a Stream Deck button, a script) put a
 * question into the review queue with the moderator token (Bearer, like the CSV export) or an organizer's
 * session. 201 with the new question; the same idempotencyKey again → 200 with the first question.
 */
import { Router } from 'express';
import { ImportQuestionBody } from '../../shared/qa/schemas.js';
import { parse } from '../http/errors.js';
import type { Kernel } from '../kernel/feature.js';
import { moderatorOrOrganizer } from './csv.js';
import type { QaImports } from './imports.js';

export function importRoutes(kernel: Kernel, imports: QaImports): Router {
  const router = Router();
  router.post('/events/:id/questions', async (req, res) => {
    const event = await moderatorOrOrganizer(req, kernel);
    const body = parse(ImportQuestionBody, req.body);
    // In the event's queue like every command: emit order = seq order, and a repeated key sees the first.
    const out = await kernel.queues.run(event.id, async () => {
      const committed = await kernel.commit(event.id, async (trx) => {
        const r = await imports.importQuestion(trx, event.id, {
          source: 'api',
          text: body.text,
          authorName: body.authorName ?? null,
          label: body.label ?? null,
          importKey: body.idempotencyKey,
          now: kernel.now(),
        });
        return { result: r, changes: r.changes };
      });
      committed.publish();
      return committed.result;
    });
    res.status(out.created ? 201 : 200).json({ question: out.question, created: out.created });
  });
  return router;
}
