/** The pure reducer over the registered features, with the shapes the slice tests read best. */
import type { Question } from '../../shared/qa/schemas.js';
import { clientFeatures } from '../features.js';
import { createSyncReducer, type SyncedState } from '../kernel/reducer.js';

export type { SyncedState } from '../kernel/reducer.js';

const reducer = createSyncReducer(clientFeatures);

export const initialSyncState = reducer.initial;
export const applySnapshot = reducer.snapshot;
export const applyDelta = reducer.delta;
export const snapshotRequested = reducer.requested;

/** The `qa:own` personal change. */
export const applyOwn = (s: SyncedState, question: Question) => reducer.personal(s, [{ type: 'qa:own', question }]);
/** The `qa:myVote` personal change. */
export const applyMyVote = (s: SyncedState, vote: { id: string; voted: boolean }) => reducer.personal(s, [{ type: 'qa:myVote', ...vote }]);
/** The ack of attendee:rename. */
export const applyMyName = (s: SyncedState, name: string | null) => reducer.ack(s, 'attendee:rename', { name: name ?? '' }, { name });
/** The ack of attendee:profile. */
export const applyMyAttributes = (s: SyncedState, attributes: Record<string, string>) =>
  reducer.ack(s, 'attendee:profile', { attributes }, { attributes });
/** The ack of breakouts:editResult. */
export const applyResultAck = (s: SyncedState, r: { roundId: string; index: number; text: string; version: number }) =>
  reducer.ack(s, 'breakouts:editResult', { roundId: r.roundId, index: r.index, baseVersion: r.version - 1, text: r.text }, { text: r.text, version: r.version });
