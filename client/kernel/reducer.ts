/**
 * The client side of the sync model, as pure functions over the registered feature slices: a snapshot
 * replaces everything, numbered deltas are applied strictly in order, and a missing number puts the state
 * into `gap` so the connection shell asks for a fresh snapshot. Personal changes (`sync:personal`) and the
 * acks of commands that carry state are idempotent updates outside the sequence. No IO here and no
 * feature: the connection feeds messages in and reads `phase` back; each feature's slice knows its own
 * changes. The integration tests and the benchmark use this very code (tests/integration/helpers.ts).
 */
import type { EventInfo } from '../../shared/events/schemas.js';
import type { CommandName, CommandPayload, CommandResult } from '../../shared/socket.js';
import type { Delta, Me, PersonalChange, Snapshot } from '../../shared/socket.js';
import type { AnyFeature, FeatureStates } from './feature.js';

/**
 * awaiting: no usable snapshot yet (first connect, reconnect, or a resync already requested); deltas are buffered.
 * ready: data reflects `seq`; the next delta must carry seq + 1.
 * gap: a delta was missed; the shell must request a snapshot (then call `requested`).
 */
export type SyncPhase = 'awaiting' | 'ready' | 'gap';

export interface KernelState {
  phase: SyncPhase;
  /** The seq the data reflects; -1 before the first snapshot. */
  seq: number;
  /** Deltas received while not ready, replayed on top of the next snapshot. */
  buffer: readonly Delta[];
  event: EventInfo | null;
  /** Who this connection is. Name and profile answers belong to the people slice (acks update them there). */
  me: Pick<Me, 'role' | 'id'> | null;
  /** Server clock minus this device's clock, in ms: countdowns use Date.now() + clockOffsetMs. */
  clockOffsetMs: number;
}

/** The kernel's fields and one slice per registered feature, under the feature's name. */
export type SyncedState = KernelState & FeatureStates;

/** When the snapshot was asked for and when its answer arrived (this device's clock, ms). */
export interface SnapshotTiming {
  sentAt: number;
  receivedAt: number;
}

/** A client that stays disconnected from the flow this long simply waits for the snapshot instead. */
const MAX_BUFFER = 500;

/**
 * The server's clock offset: its time stamp was taken somewhere between request and answer, so the
 * midpoint is the best guess (the error is at most half the round trip).
 */
export function clockOffset(serverTime: string | undefined, timing: SnapshotTiming | undefined, fallback: number): number {
  const server = serverTime ? Date.parse(serverTime) : Number.NaN;
  if (!timing || Number.isNaN(server)) return fallback;
  return Math.round(server - (timing.sentAt + timing.receivedAt) / 2);
}

/** The shell asked for a snapshot after a gap or a reconnect: keep showing the data, buffer what arrives. */
export function snapshotRequested<T extends KernelState>(state: T): T {
  return state.phase === 'awaiting' ? state : { ...state, phase: 'awaiting' };
}

type Slices = Record<string, unknown>;
const slicesOf = (state: SyncedState) => state as unknown as Slices;

export interface SyncReducer {
  initial(): SyncedState;
  /** Replaces all data with the snapshot, then replays buffered deltas that are newer than it. */
  snapshot(state: SyncedState, snapshot: Snapshot, timing?: SnapshotTiming): SyncedState;
  /** Applies, buffers or drops one delta, and detects a gap in the sequence. */
  delta(state: SyncedState, delta: Delta): SyncedState;
  /** One attendee's personal changes (idempotent, no seq). */
  personal(state: SyncedState, changes: readonly PersonalChange[]): SyncedState;
  /** The ok ack of a command: the slices that take it update at once. */
  ack<K extends CommandName>(state: SyncedState, name: K, payload: CommandPayload<K>, result: CommandResult<K>): SyncedState;
  requested(state: SyncedState): SyncedState;
}

export function createSyncReducer(features: readonly AnyFeature[]): SyncReducer {
  /** Runs `fn` over every slice; returns `state` itself when no slice changed. */
  function mapSlices(state: SyncedState, fn: (f: AnyFeature, slice: unknown) => unknown): SyncedState {
    let out: Slices | null = null;
    for (const f of features) {
      const prev = slicesOf(state)[f.name];
      const next = fn(f, prev);
      if (next !== prev) (out ??= { ...slicesOf(state) })[f.name] = next;
    }
    return out ? (out as unknown as SyncedState) : state;
  }

  function initial(): SyncedState {
    const kernel: KernelState = { phase: 'awaiting', seq: -1, buffer: [], event: null, me: null, clockOffsetMs: 0 };
    const slices: Slices = {};
    for (const f of features) slices[f.name] = f.empty;
    return { ...kernel, ...slices } as SyncedState;
  }

  function delta(state: SyncedState, d: Delta): SyncedState {
    if (state.phase !== 'ready') {
      if (state.buffer.some((b) => b.seq === d.seq)) return state;
      const buffer = [...state.buffer, d];
      return { ...state, buffer: buffer.length > MAX_BUFFER ? buffer.slice(-MAX_BUFFER) : buffer };
    }
    if (d.seq <= state.seq) return state; // already contained in the snapshot or applied before
    if (d.seq !== state.seq + 1) return { ...state, phase: 'gap', buffer: [d] };
    let event = state.event;
    for (const change of d.changes) if (change.type === 'event:update') event = change.event;
    const applied = mapSlices(state, (f, slice) => {
      let s = slice;
      for (const change of d.changes) s = f.apply(s, change);
      return s;
    });
    return { ...applied, seq: d.seq, event };
  }

  function snapshot(state: SyncedState, snap: Snapshot, timing?: SnapshotTiming): SyncedState {
    const parts = snap as unknown as Record<string, unknown>;
    const slices: Slices = {};
    for (const f of features) slices[f.name] = f.fromSnapshot(parts[f.name] as never, snap);
    let next = {
      phase: 'ready',
      seq: snap.seq,
      buffer: [],
      event: snap.event,
      me: { role: snap.me.role, id: snap.me.id },
      clockOffsetMs: clockOffset(snap.serverTime, timing, state.clockOffsetMs),
      ...slices,
    } as unknown as SyncedState;
    const newer = [...state.buffer].filter((d) => d.seq > snap.seq).sort((a, b) => a.seq - b.seq);
    for (const d of newer) next = delta(next, d);
    return next;
  }

  function personal(state: SyncedState, changes: readonly PersonalChange[]): SyncedState {
    return mapSlices(state, (f, slice) => {
      if (!f.personal) return slice;
      let s = slice;
      for (const change of changes) s = f.personal(s, change);
      return s;
    });
  }

  function ack<K extends CommandName>(state: SyncedState, name: K, payload: CommandPayload<K>, result: CommandResult<K>): SyncedState {
    return mapSlices(state, (f, slice) => {
      const handler = f.onAck?.[name] as ((s: unknown, r: CommandResult<K>, p: CommandPayload<K>) => unknown) | undefined;
      return handler ? handler(slice, result, payload) : slice;
    });
  }

  return { initial, snapshot, delta, personal, ack, requested: snapshotRequested };
}
