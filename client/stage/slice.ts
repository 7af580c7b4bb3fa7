/**
 * The stage slice of the synced state, as pure functions: what the presenter screen (`room`) and the stream
 * overlay show now, and (staff) the queue of next items. The server owns this state; the acks of the stage
 * commands carry the new screens or queue, so the moderator's panel follows at once.
 */
import type { QueueEntry, ScreenState, StageSnapshot } from '../../shared/stage/index.js';
import type { Change } from '../../shared/socket.js';
import type { AckHandlers, FeatureSlice } from '../kernel/feature.js';

export interface StageData {
  room: ScreenState;
  overlay: ScreenState;
  queue: readonly QueueEntry[];
}

export const offAir: ScreenState = { item: null, since: null, autoHideS: null, by: null };
export const emptyStage: StageData = { room: offAir, overlay: offAir, queue: [] };

export function stageFromSnapshot(part: StageSnapshot | undefined): StageData {
  if (!part) return emptyStage;
  return { room: part.room, overlay: part.overlay, queue: part.queue };
}

export function applyStage(state: StageData, change: Change): StageData {
  switch (change.type) {
    case 'stage:screen':
      return { ...state, [change.screen]: change.state };
    case 'stage:queue':
      return { ...state, queue: change.queue };
    default:
      return state;
  }
}

const screens = (state: StageData, result: { room: ScreenState; overlay: ScreenState }): StageData => ({ ...state, room: result.room, overlay: result.overlay });
const queue = (state: StageData, result: { queue: QueueEntry[] }): StageData => ({ ...state, queue: result.queue });

const acks: AckHandlers<StageData> = {
  'stage:show': screens,
  'stage:clear': screens,
  'stage:enqueue': queue,
  'stage:dequeue': queue,
  'stage:reorder': queue,
  'stage:next': (state, result) => ({ room: result.room, overlay: result.overlay, queue: result.queue }),
};

export const stageSlice: FeatureSlice<StageData, 'stage'> = {
  name: 'stage',
  empty: emptyStage,
  fromSnapshot: (part) => stageFromSnapshot(part),
  apply: applyStage,
  onAck: acks,
};

/** When an overlay item hides by itself (ms, server clock), or null when it stays until taken off air. */
export function hidesAt(state: ScreenState, autoHideOverrideS?: number | null): number | null {
  if (!state.item || !state.since) return null;
  const seconds = autoHideOverrideS ?? state.autoHideS;
  if (seconds == null) return null;
  const since = Date.parse(state.since);
  return Number.isNaN(since) ? null : since + seconds * 1000;
}

/** Whether the overlay shows its item at `now` (server clock, ms). */
export function overlayVisible(state: ScreenState, now: number, autoHideOverrideS?: number | null): boolean {
  if (!state.item) return false;
  const until = hidesAt(state, autoHideOverrideS);
  return until === null || now < until;
}

/** Move one queue entry up or down (keyboard reorder); the same order when it cannot move. */
export function moveEntry(ids: readonly string[], id: string, delta: -1 | 1): string[] {
  const from = ids.indexOf(id);
  const to = from + delta;
  const out = [...ids];
  if (from < 0 || to < 0 || to >= ids.length) return out;
  out.splice(from, 1);
  out.splice(to, 0, id);
  return out;
}
