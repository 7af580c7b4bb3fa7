/** Event changes shared by REST (organizers) and sockets (moderators). */
import { DomainError } from '../../shared/errors.js';
import type { EventFormat, EventInfo, EventSettingsPatch, Language } from '../../shared/events/schemas.js';
import type { Committed, Kernel } from '../kernel/feature.js';
import type { RunningKernel } from '../kernel/kernel.js';
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
export async function updateEvent(kernel: Kernel, eventId: string, patch: EventPatch): Promise<Committed<EventInfo>> {
  const committed = await kernel.commit(eventId, async (trx) => {
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
    return {
      result: next,
      changes: { staff: [{ type: 'event:update', event: next }], pub: [{ type: 'event:update', event: publicEventInfo(next) }] },
    };
  });
  if (patch.settings) for (const m of kernel.modules) m.onSettingsChanged?.(eventId, committed.result.settings);
  return committed;
}

/**
 * Deletes the event with all its data (foreign keys cascade to every feature's rows), drops every cache and
 * timer of it and every socket connected to it. In the event's queue, so no command of it is half-way.
 */
export async function deleteEvent(kernel: RunningKernel, eventId: string): Promise<void> {
  await kernel.queues.run(eventId, async () => {
    await kernel.db.deleteFrom('events').where('id', '=', eventId).execute();
    kernel.forgetEvent(eventId);
    for (const m of kernel.modules) m.forgetEvent?.(eventId);
    kernel.delivery.revoke(eventId, 'event_deleted');
  });
}
