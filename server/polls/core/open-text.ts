/**
 * Open-text answers are reviewed like questions: with review on, a new (or changed) answer waits as
 * pending; without review it goes on the wall at once, unless it contains a blocked word (then pending).
 * Moderators approve or reject; a rejected answer can be approved later and vice versa.
 */
import type { OpenEntryState } from '../../../shared/polls/schemas.js';
import type { BlockedMatcher } from './types.js';

export function initialOpenState(review: boolean, text: string, isBlocked: BlockedMatcher): OpenEntryState {
  return review || isBlocked(text) ? 'pending' : 'approved';
}

export interface ReviewOutcome<T> {
  changed: T[];
  skipped: string[];
}

/** Applies a decision to the named entries; ids that are unknown or already in that state are skipped. */
export function reviewEntries<T extends { id: string; openState: OpenEntryState | null }>(
  entries: readonly T[],
  ids: readonly string[],
  decision: 'approve' | 'reject',
): ReviewOutcome<T> {
  const target: OpenEntryState = decision === 'approve' ? 'approved' : 'rejected';
  const byId = new Map(entries.map((e) => [e.id, e]));
  const changed: T[] = [];
  const skipped: string[] = [];
  for (const id of new Set(ids)) {
    const e = byId.get(id);
    if (!e || e.openState === target) skipped.push(id);
    else changed.push({ ...e, openState: target });
  }
  return { changed, skipped };
}
