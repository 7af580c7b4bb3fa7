/** REST for visitors: what an event is, and a new attendee identity. */
import { Router } from 'express';
import { IssueAttendeeBody, type AttendeeIssued, type JoinInfo } from '../../shared/api.js';
import { EventCode } from '../../shared/events/schemas.js';
import { DomainError } from '../../shared/errors.js';
import { newId, newToken, sha256Hex } from '../auth/tokens.js';
import { parse } from '../http/errors.js';
import type { Services } from '../services.js';
import { findEventByCode, rowToInfo } from './repository.js';

async function eventByCode(services: Services, code: string) {
  if (!EventCode.safeParse(code).success) throw new DomainError('not_found', 'no event with this code');
  const row = await findEventByCode(services.db, code);
  if (!row) throw new DomainError('not_found', 'no event with this code');
  return row;
}

export function joinRoutes(services: Services): Router {
  const router = Router();

  router.get('/join/:code', async (req, res) => {
    const { id, code, title, format, language, startsAt } = rowToInfo(await eventByCode(services, req.params.code));
    const info: JoinInfo = { id, code, title, format, language, startsAt };
    res.json(info);
  });

  router.post('/join/:code/attendees', async (req, res) => {
    const wait = services.limiter.hit('join', req.ip ?? 'unknown', services.now().getTime());
    if (wait > 0) throw new DomainError('rate_limited', 'too many new participants from this address; try again shortly', { retryAfterMs: wait });
    const event = await eventByCode(services, req.params.code);
    const body = parse(IssueAttendeeBody, req.body ?? {});
    const token = newToken();
    const attendeeId = newId();
    await services.db
      .insertInto('attendees')
      .values({ id: attendeeId, event_id: event.id, token_hash: sha256Hex(token), name: body.name?.trim() || null, created_at: services.now().toISOString() })
      .execute();
    const issued: AttendeeIssued = { attendeeId, token };
    res.status(201).json(issued);
  });

  return router;
}
