/**
 * One zustand store per event, built from slices: `connection` (socket status, set by the connection
 * shell) and `synced` (event, me, Q&A and breakout data, changed only through the pure reducer).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RevokedReason } from '../../shared/socket.js';
import type { Question } from '../../shared/qa/schemas.js';
import type { Delta, Snapshot } from '../../shared/socket.js';
import type { z } from 'zod';
import {
  applyDelta, applyMyAttributes, applyMyName, applyMyVote, applyOwn, applyResultAck, applySnapshot, initialSyncState,
  snapshotRequested, type SnapshotTiming, type SyncedState,
} from './reducer.js';

/** Why the server refused the socket (connect_error message), or `unknown`. */
export type RefusalReason = 'protocol_mismatch' | 'unauthorized' | 'not_found' | 'invalid_payload' | 'unknown';

export type ConnectionState =
  | { status: 'connecting'; attempt: number }
  | { status: 'syncing' }
  | { status: 'live' }
  | { status: 'refused'; reason: RefusalReason }
  | { status: 'revoked'; reason: z.infer<typeof RevokedReason> }
  | { status: 'closed' };

export interface ConnectionSlice {
  connection: ConnectionState;
  setConnection(connection: ConnectionState): void;
}

export interface SyncSlice {
  synced: SyncedState;
  /** `timing` (request and answer times) lets the reducer estimate the server clock; default: now. */
  receiveSnapshot(snapshot: Snapshot, timing?: SnapshotTiming): void;
  receiveDelta(delta: Delta): void;
  receiveOwn(question: Question): void;
  receiveMyVote(vote: { id: string; voted: boolean }): void;
  receiveMyName(name: string | null): void;
  receiveMyAttributes(attributes: Record<string, string>): void;
  receiveResultAck(result: { roundId: string; index: number; text: string; version: number }): void;
  markSnapshotRequested(): void;
}

export type EventState = ConnectionSlice & SyncSlice;
export type EventStore = StoreApi<EventState>;

type Set = StoreApi<EventState>['setState'];

function createConnectionSlice(set: Set): ConnectionSlice {
  return {
    connection: { status: 'connecting', attempt: 0 },
    setConnection: (connection) => set({ connection }),
  };
}

function createSyncSlice(set: Set): SyncSlice {
  const update = (fn: (s: SyncedState) => SyncedState) => set((state) => {
    const synced = fn(state.synced);
    return synced === state.synced ? state : { synced };
  });
  return {
    synced: initialSyncState(),
    receiveSnapshot: (snapshot, timing) => {
      const now = Date.now();
      update((s) => applySnapshot(s, snapshot, timing ?? { sentAt: now, receivedAt: now }));
    },
    receiveDelta: (delta) => update((s) => applyDelta(s, delta)),
    receiveOwn: (question) => update((s) => applyOwn(s, question)),
    receiveMyVote: (vote) => update((s) => applyMyVote(s, vote)),
    receiveMyName: (name) => update((s) => applyMyName(s, name)),
    receiveMyAttributes: (attributes) => update((s) => applyMyAttributes(s, attributes)),
    receiveResultAck: (result) => update((s) => applyResultAck(s, result)),
    markSnapshotRequested: () => update(snapshotRequested),
  };
}

export function createEventStore(initial?: Snapshot): EventStore {
  const store = createStore<EventState>()((set) => ({
    ...createConnectionSlice(set),
    ...createSyncSlice(set),
  }));
  if (initial) {
    store.getState().receiveSnapshot(initial);
    store.getState().setConnection({ status: 'live' });
  }
  return store;
}
