/** Event changes shared by REST (organizers) and sockets (moderators). */
import type { Kysely } from 'kysely';
import { DomainError } from '../../shared/errors.js';
import type { EventFormat, EventInfo, EventSettingsPatch, Language } from '../../shared/events/schemas.js';
import type { DB } from '../db/types.js';
import type { Services } from '../services.js';
import { commitMutation, type Committed } from '../sync/commit.js';
import { findEventById, rowToInfo } from './repository.js';
import { mergeSettings, publicEventInfo } from './settings.js';

export interface EventPatch {
  title?: string;
  format?: EventFormat;
  language?: Language;
  startsAt?: string | null;
  settings?: EventSettingsPatch;
}

/** Applies a patch in one transaction with a seq bump; publish sends event:update to both audiences. */
export function updateEvent(services: Services, eventId: string, patch: EventPatch): Promise<Committed<EventInfo>> {
  return commitMutation(services, eventId, async (trx) => {
    const row = await findEventById(trx, eventId);
    if (!row) throw new DomainError('not_found', 'no such event');
    const current = rowToInfo(row);
    const next: EventInfo = {
      ...current,
      title: patch.title ?? current.title,
      format: patch.format ?? current.format,
      language: patch.language ?? current.language,
      startsAt: patch.startsAt === undefined ? current.startsAt : patch.startsAt,
      settings: mergeSettings(current.settings, patch.settings),
    };
    await trx
      .updateTable('events')
      .set({
        title: next.title,
        format: next.format,
        language: next.language,
        starts_at: next.startsAt,
        settings: JSON.stringify(next.settings),
      })
      .where('id', '=', eventId)
      .execute();
    return { result: next, mutation: { event: { mod: next, pub: publicEventInfo(next) } } };
  });
}

export async function eventExists(db: Kysely<DB>, eventId: string): Promise<boolean> {
  return (await findEventById(db, eventId)) !== undefined;
}
