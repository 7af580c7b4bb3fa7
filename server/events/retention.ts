/**
 * Retention (docs/privacy.md): an event and all its data are deleted RETENTION_DAYS after its end. Its end
 * is the later of its start (`startsAt`, which may lie in the future) and its last change; an event still in
 * use is therefore never deleted, and one planned for next year is kept until then.
 */
import type { RunningKernel } from '../kernel/kernel.js';
import { deleteEvent } from './service.js';

export interface RetentionFacts {
  id: string;
  startsAt: string | null;
  lastActiveAt: string | null;
  createdAt: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Pure: the event's end in ms. */
export function eventEnd(e: RetentionFacts): number {
  const times = [e.startsAt, e.lastActiveAt ?? e.createdAt].map((t) => (t ? Date.parse(t) : Number.NaN)).filter((t) => Number.isFinite(t));
  return times.length ? Math.max(...times) : Date.parse(e.createdAt);
}

/** Pure: the events whose retention has run out at `now` (none when days is 0). */
export function expiredEvents(events: readonly RetentionFacts[], now: number, days: number): string[] {
  if (days <= 0) return [];
  return events.filter((e) => now - eventEnd(e) > days * DAY_MS).map((e) => e.id);
}

/** Deletes the expired events; returns their ids. */
export async function deleteExpiredEvents(kernel: RunningKernel, days: number): Promise<string[]> {
  if (days <= 0) return [];
  const rows = await kernel.db.selectFrom('events').select(['id', 'starts_at', 'last_active_at', 'created_at']).execute();
  const facts = rows.map((r) => ({ id: r.id, startsAt: r.starts_at, lastActiveAt: r.last_active_at, createdAt: r.created_at }));
  const expired = expiredEvents(facts, kernel.now().getTime(), days);
  for (const id of expired) {
    await deleteEvent(kernel, id);
    kernel.logger.info({ eventId: id, retentionDays: days }, 'event deleted: its retention period ended');
  }
  return expired;
}
