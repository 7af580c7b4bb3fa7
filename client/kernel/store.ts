/**
 * One zustand store per event (the vanilla store; the React binding is react.tsx), built from slices:
 * `connection` (socket status, set by the connection shell) and `synced` (event, me and one slice per
 * registered feature, changed only through the pure reducer).
 */
import type { HandshakeError } from '../../shared/socket.js';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { z } from 'zod';
import type { CommandName, CommandPayload, CommandResult, RevokedReason, WrongRoleData } from '../../shared/socket.js';
import type { Delta, PersonalChange, Snapshot } from '../../shared/socket.js';
import type { AnyFeature } from './feature.js';
import { createSyncReducer, type SnapshotTiming, type SyncedState } from './reducer.js';

/**
 * Why the server refused the socket: its connect_error message, or `unknown`. On a role link's page an
 * `unauthorized` becomes `link_incomplete` (no token in the address nor stored on this device) or
 * `link_invalid` (the token is no longer valid: the link was renewed).
 */
export type RefusalReason = HandshakeError | 'link_incomplete' | 'link_invalid' | 'unknown';

export type ConnectionState =
  | { status: 'connecting'; attempt: number }
  | { status: 'syncing' }
  | { status: 'live' }
  | { status: 'refused'; reason: RefusalReason; roles?: WrongRoleData }
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
  receivePersonal(changes: readonly PersonalChange[]): void;
  /** The ok ack of a command; the features that take it update their slice (see FeatureSlice.onAck). */
  receiveAck<K extends CommandName>(name: K, payload: CommandPayload<K>, result: CommandResult<K>): void;
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

function createSyncSlice(set: Set, features: readonly AnyFeature[]): SyncSlice {
  const reducer = createSyncReducer(features);
  const update = (fn: (s: SyncedState) => SyncedState) => set((state) => {
    const synced = fn(state.synced);
    return synced === state.synced ? state : { synced };
  });
  return {
    synced: reducer.initial(),
    receiveSnapshot: (snapshot, timing) => {
      const now = Date.now();
      update((s) => reducer.snapshot(s, snapshot, timing ?? { sentAt: now, receivedAt: now }));
    },
    receiveDelta: (delta) => update((s) => reducer.delta(s, delta)),
    receivePersonal: (changes) => update((s) => reducer.personal(s, changes)),
    receiveAck: (name, payload, result) => update((s) => reducer.ack(s, name, payload, result)),
    markSnapshotRequested: () => update(reducer.requested),
  };
}

export function createEventStore(features: readonly AnyFeature[], initial?: Snapshot): EventStore {
  const store = createStore<EventState>()((set) => ({
    ...createConnectionSlice(set),
    ...createSyncSlice(set, features),
  }));
  if (initial) {
    store.getState().receiveSnapshot(initial);
    store.getState().setConnection({ status: 'live' });
  }
  return store;
}
