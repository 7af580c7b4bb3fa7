/**
 * The stage part of a snapshot: staff get both screens and the queue; the stage and speaker links get
 * both screens (what they render or follow); attendees get nothing on air — their pages show the
 * highlight and the presented poll through qa and polls, and what the room screen shows is no business
 * of a phone.
 */
import type { StageSnapshot } from '../../shared/stage/schemas.js';
import type { SharedSnapshotContext } from '../kernel/feature.js';
import { emptyStage } from './core/types.js';
import { loadStage } from './repository.js';

export async function stageSnapshot({ trx, eventId, view }: SharedSnapshotContext): Promise<StageSnapshot> {
  if (view === 'staff') return loadStage(trx, eventId);
  if (view === 'stage') {
    const { room, overlay } = await loadStage(trx, eventId);
    return { room, overlay, queue: [] };
  }
  return emptyStage();
}
