/** REST for organizers: create, list, read, update, delete events; rotate role links. */
import { Router, type Request } from 'express';
import { CreateEventBody, EventCreated, RotateParams, UpdateEventBody, type EventDetails } from '../../shared/api.js';
import { DomainError } from '../../shared/errors.js';
import type { z } from 'zod';
import { baseUrl, requireOrganizer } from '../auth/http.js';
import type { EventRow } from '../db/types.js';
import { parse } from '../http/errors.js';
import type { Kernel } from '../kernel/feature.js';
import type { RunningKernel } from '../kernel/kernel.js';
import { buildLinks, countQuestions, findEventById, insertEvent, listEventsWithCounts, rotateToken, rowToInfo } from './repository.js';
import { deleteEvent, updateEvent } from './service.js';
import { defaultSettings, mergeSettings } from './settings.js';

function details(req: Request, kernel: Kernel, row: EventRow, questionCount: number): EventDetails {
  return { ...rowToInfo(row), links: buildLinks(baseUrl(req, kernel), row), createdAt: row.created_at, questionCount };
}

async function requireEvent(kernel: Kernel, id: string): Promise<EventRow> {
  const row = await findEventById(kernel.db, id);
  if (!row) throw new DomainError('not_found', 'no such event');
  return row;
}

export function eventRoutes(kernel: RunningKernel): Router {
  const router = Router();
  router.use('/events', requireOrganizer(kernel));

  router.post('/events', async (req, res) => {
    const body: z.output<typeof CreateEventBody> = parse(CreateEventBody, req.body);
    const row = await insertEvent(kernel.db, {
      title: body.title,
      format: body.format,
      language: body.language,
      startsAt: body.startsAt ?? null,
      settings: mergeSettings(defaultSettings(), body.settings),
      createdBy: (res.locals.organizer as { id: string }).id,
      now: kernel.now(),
    });
    const created: z.infer<typeof EventCreated> = { id: row.id, code: row.code, links: buildLinks(baseUrl(req, kernel), row) };
    kernel.logger.info({ eventId: row.id, code: row.code }, 'event created');
    res.status(201).json(created);
  });

  router.get('/events', async (req, res) => {
    const rows = await listEventsWithCounts(kernel.db);
    res.json(rows.map(({ question_count, ...row }) => details(req, kernel, row, question_count)));
  });

  router.get('/events/:id', async (req, res) => {
    const row = await requireEvent(kernel, req.params.id);
    res.json(details(req, kernel, row, await countQuestions(kernel.db, row.id)));
  });

  router.patch('/events/:id', async (req, res) => {
    const body = parse(UpdateEventBody, req.body);
    await requireEvent(kernel, req.params.id);
    await kernel.queues.run(req.params.id, async () => {
      const out = await updateEvent(kernel, req.params.id, body);
      out.publish();
    });
    const row = await requireEvent(kernel, req.params.id);
    res.json(details(req, kernel, row, await countQuestions(kernel.db, row.id)));
  });

  router.delete('/events/:id', async (req, res) => {
    const id = req.params.id;
    await requireEvent(kernel, id);
    await deleteEvent(kernel, id);
    kernel.logger.info({ eventId: id }, 'event deleted');
    res.status(204).end();
  });

  router.post('/events/:id/links/:role/rotate', async (req, res) => {
    const { role } = parse(RotateParams, { role: req.params.role });
    const id = req.params.id;
    await requireEvent(kernel, id);
    await kernel.queues.run(id, async () => {
      await rotateToken(kernel.db, id, role);
      // The handshake reads the token from the database, so the old one is refused from now on.
      kernel.delivery.revoke(id, 'link_rotated', role);
    });
    const row = await requireEvent(kernel, id);
    kernel.logger.info({ eventId: id, role }, 'link rotated');
    res.json(details(req, kernel, row, await countQuestions(kernel.db, id)));
  });

  return router;
}
