/** GET /api/events/:id/questions.csv for organizers (cookie) and moderators (token). */
import { stringify } from 'csv-stringify/sync';
import { Router, type Request } from 'express';
import { DomainError } from '../../shared/errors.js';
import { bearerToken, organizerOf } from '../auth/http.js';
import { tokensEqual } from '../auth/tokens.js';
import { findEventById } from '../events/repository.js';
import type { Kernel } from '../kernel/feature.js';
import type { QuestionRecord } from './core/types.js';
import { listForModerators } from './repository.js';

export const CSV_COLUMNS = [
  'id', 'state', 'text', 'author', 'anonymous', 'votes', 'labels', 'starred', 'reply', 'created_at', 'answered_at', 'source', 'merged_into',
] as const;

/** Spreadsheets run cells starting with = + - @ as formulas; attendee text must never do that. */
function defuse(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function questionsCsv(questions: readonly QuestionRecord[]): string {
  const rows = questions.map((q) => [
    q.id,
    q.state,
    defuse(q.text),
    defuse(q.anonymous ? '' : (q.authorName ?? '')),
    q.anonymous ? 'yes' : 'no',
    String(q.votes),
    defuse(q.labels.join('; ')),
    q.starred ? 'yes' : 'no',
    defuse(q.reply ?? ''),
    q.createdAt,
    q.answeredAt ?? '',
    q.source,
    q.mergedInto ?? '',
  ]);
  // The BOM makes Excel read UTF-8 (umlauts); CRLF is what RFC 4180 and Excel expect.
  return '\uFEFF' + stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: 'windows', quoted_match: /[",\r\n;]/ });
}

/** Organizers (cookie) and moderators (Bearer moderator token) of this event; the event row. */
export async function moderatorOrOrganizer(req: Request, kernel: Kernel) {
  const event = await findEventById(kernel.db, String(req.params.id));
  const token = bearerToken(req);
  const allowed = token ? event !== undefined && tokensEqual(event.moderator_token, token) : (await organizerOf(req, kernel)) !== null;
  if (!allowed) throw new DomainError('unauthorized', 'log in as an organizer or use the moderator link');
  if (!event) throw new DomainError('not_found', 'no such event');
  return event;
}

export function csvRoutes(kernel: Kernel): Router {
  const router = Router();
  router.get('/events/:id/questions.csv', async (req, res) => {
    const event = await moderatorOrOrganizer(req, kernel);
    const csv = questionsCsv(await listForModerators(kernel.db, event.id));
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="plenum-${event.code}-questions.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(csv);
  });
  return router;
}
