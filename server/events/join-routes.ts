/** REST for visitors: what an event is (a new attendee identity is the people module's). */
import { Router } from 'express';
import type { JoinInfo } from '../../shared/api.js';
import { EventCode } from '../../shared/events/schemas.js';
import { DomainError } from '../../shared/errors.js';
import type { Kernel } from '../kernel/feature.js';
import { findEventByCode, rowToInfo } from './repository.js';

export async function eventByCode(kernel: Kernel, code: string) {
  if (!EventCode.safeParse(code).success) throw new DomainError('not_found', 'no event with this code');
  const row = await findEventByCode(kernel.db, code);
  if (!row) throw new DomainError('not_found', 'no event with this code');
  return row;
}

export function joinRoutes(kernel: Kernel): Router {
  const router = Router();

  router.get('/join/:code', async (req, res) => {
    const { id, code, title, format, language, startsAt } = rowToInfo(await eventByCode(kernel, req.params.code));
    const info: JoinInfo = { id, code, title, format, language, startsAt };
    res.json(info);
  });

  return router;
}
