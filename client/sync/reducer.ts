/**
 * The client side of the sync model, as pure functions: a snapshot replaces everything, numbered deltas
 * are applied strictly in order, and a missing number puts the state into `gap` so the connection shell
 * asks for a fresh snapshot. Personal events (own questions, own votes) are idempotent upserts outside
 * the sequence. No IO here: the connection module feeds messages in and reads `phase` back; the times a
 * snapshot was requested and received are parameters, from which the server clock offset is estimated.
 */
import type { EventInfo } from '../../shared/events/schemas.js';
import type { ModQuestion, Question } from '../../shared/qa/schemas.js';
import type { Change, Delta, Me, Snapshot } from '../../shared/socket.js';
import { applyBreakoutChange, applyResult, breakoutsFromSnapshot, emptyBreakouts, type BreakoutsData } from './breakouts.js';

export type AnyQuestion = Question | ModQuestion;

export interface QaData {
  questions: Readonly<Record<string, AnyQuestion>>;
  highlightedId: string | null;
  queue: readonly string[];
  pendingCount: number;
  /** Question ids this attendee has upvoted. */
  myVotes: Readonly<Record<string, true>>;
  /** This attendee's own questions in every state, as last reported by the server. */
  own: Readonly<Record<string, Question>>;
}

/**
 * awaiting: no usable snapshot yet (first connect, reconnect, or a resync already requested); deltas are buffered.
 * ready: data reflects `seq`; the next delta must carry seq + 1.
 * gap: a delta was missed; the shell must request a snapshot (then call `snapshotRequested`).
 */
export type SyncPhase = 'awaiting' | 'ready' | 'gap';

export interface SyncedState {
  phase: SyncPhase;
  /** The seq the data reflects; -1 before the first snapshot. */
  seq: number;
  /** Deltas received while not ready, replayed on top of the next snapshot. */
  buffer: readonly Delta[];
  event: EventInfo | null;
  me: Me | null;
  qa: QaData;
  breakouts: BreakoutsData;
  /** Server clock minus this device's clock, in ms: countdowns use Date.now() + clockOffsetMs. */
  clockOffsetMs: number;
}

/** When the snapshot was asked for and when its answer arrived (this device's clock, ms). */
export interface SnapshotTiming {
  sentAt: number;
  receivedAt: number;
}

/** A client that stays disconnected from the flow this long simply waits for the snapshot instead. */
const MAX_BUFFER = 500;

export const emptyQa: QaData = {
  questions: {},
  highlightedId: null,
  queue: [],
  pendingCount: 0,
  myVotes: {},
  own: {},
};

export function initialSyncState(): SyncedState {
  return { phase: 'awaiting', seq: -1, buffer: [], event: null, me: null, qa: emptyQa, breakouts: emptyBreakouts, clockOffsetMs: 0 };
}

function byId<T extends { id: string }>(items: readonly T[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const item of items) out[item.id] = item;
  return out;
}

/**
 * The server's clock offset: its time stamp was taken somewhere between request and answer, so the
 * midpoint is the best guess (the error is at most half the round trip).
 */
export function clockOffset(serverTime: string | undefined, timing: SnapshotTiming | undefined, fallback: number): number {
  const server = serverTime ? Date.parse(serverTime) : Number.NaN;
  if (!timing || Number.isNaN(server)) return fallback;
  return Math.round(server - (timing.sentAt + timing.receivedAt) / 2);
}

/** Replaces all data with the snapshot, then replays buffered deltas that are newer than it. */
export function applySnapshot(state: SyncedState, snapshot: Snapshot, timing?: SnapshotTiming): SyncedState {
  const myVotes: Record<string, true> = {};
  for (const id of snapshot.qa.myVotes) myVotes[id] = true;
  let next: SyncedState = {
    phase: 'ready',
    seq: snapshot.seq,
    buffer: [],
    event: snapshot.event,
    me: snapshot.me,
    qa: {
      questions: byId(snapshot.qa.questions),
      highlightedId: snapshot.qa.highlightedId,
      queue: snapshot.qa.queue,
      pendingCount: snapshot.qa.pendingCount,
      myVotes,
      own: byId(snapshot.qa.own),
    },
    breakouts: breakoutsFromSnapshot(snapshot.breakouts),
    clockOffsetMs: clockOffset(snapshot.serverTime, timing, state.clockOffsetMs),
  };
  const newer = [...state.buffer].filter((d) => d.seq > snapshot.seq).sort((a, b) => a.seq - b.seq);
  for (const delta of newer) next = applyDelta(next, delta);
  return next;
}

/** Applies, buffers or drops one delta, and detects a gap in the sequence. */
export function applyDelta(state: SyncedState, delta: Delta): SyncedState {
  if (state.phase !== 'ready') {
    if (state.buffer.some((d) => d.seq === delta.seq)) return state;
    const buffer = [...state.buffer, delta];
    return { ...state, buffer: buffer.length > MAX_BUFFER ? buffer.slice(-MAX_BUFFER) : buffer };
  }
  if (delta.seq <= state.seq) return state; // already contained in the snapshot or applied before
  if (delta.seq !== state.seq + 1) return { ...state, phase: 'gap', buffer: [delta] };
  let breakouts = state.breakouts;
  for (const change of delta.changes) breakouts = applyBreakoutChange(breakouts, change);
  return { ...state, seq: delta.seq, qa: applyChanges(state.qa, delta.changes), event: eventAfter(state.event, delta.changes), breakouts };
}

/** The shell asked for a snapshot after a gap or a reconnect: keep showing the data, buffer what arrives. */
export function snapshotRequested(state: SyncedState): SyncedState {
  return state.phase === 'awaiting' ? state : { ...state, phase: 'awaiting' };
}

function eventAfter(event: EventInfo | null, changes: readonly Change[]): EventInfo | null {
  let out = event;
  for (const change of changes) if (change.type === 'event:update') out = change.event;
  return out;
}

function applyChanges(qa: QaData, changes: readonly Change[]): QaData {
  let out = qa;
  for (const change of changes) out = applyChange(out, change);
  return out;
}

function applyChange(qa: QaData, change: Change): QaData {
  switch (change.type) {
    case 'question:upsert':
      return { ...qa, questions: { ...qa.questions, [change.question.id]: change.question } };
    case 'question:remove':
      return removeQuestion(qa, change.id);
    case 'question:votes': {
      const questions = { ...qa.questions };
      const own = { ...qa.own };
      for (const [id, votes] of Object.entries(change.counts)) {
        const q = questions[id];
        if (q) questions[id] = { ...q, votes };
        const o = own[id];
        if (o) own[id] = { ...o, votes };
      }
      return { ...qa, questions, own };
    }
    case 'qa:pendingCount':
      return { ...qa, pendingCount: change.count };
    case 'qa:highlight':
      return { ...qa, highlightedId: change.id };
    case 'qa:queue':
      return { ...qa, queue: change.ids };
    default:
      // event:update is handled by eventAfter; other features' changes belong to their own slices.
      return qa;
  }
}

/**
 * A removal means "deleted" or "no longer public". If the question was never public here, it was deleted:
 * drop it from the own questions too (no `qa:own` follows a deletion). If it was public and the author's
 * copy still says so, drop that as well; a state change (e.g. rejected) arrives as `qa:own` right after.
 * An own copy that already shows a non-public state came from that `qa:own` and stays.
 */
function removeQuestion(qa: QaData, id: string): QaData {
  const wasPublic = id in qa.questions;
  const ownCopy = qa.own[id];
  const dropOwn = ownCopy !== undefined && (!wasPublic || ownCopy.state === 'live' || ownCopy.state === 'answered');
  if (!wasPublic && !dropOwn) return qa;
  const { [id]: _gone, ...questions } = qa.questions;
  if (!dropOwn) return { ...qa, questions };
  const { [id]: _ownGone, ...own } = qa.own;
  return { ...qa, questions, own };
}

/** `qa:own` and the acks of ask/editOwn: the author's view of an own question, in any state. */
export function applyOwn(state: SyncedState, question: Question): SyncedState {
  const prev = state.qa.own[question.id];
  // Acks and pushes may arrive in either order; never let an older version overwrite a newer one.
  if (prev && prev.updatedAt > question.updatedAt) return state;
  return { ...state, qa: { ...state.qa, own: { ...state.qa.own, [question.id]: question } } };
}

/** `qa:myVote` and the ack of qa:vote. */
export function applyMyVote(state: SyncedState, vote: { id: string; voted: boolean }): SyncedState {
  const has = state.qa.myVotes[vote.id] === true;
  if (has === vote.voted) return state;
  const myVotes = { ...state.qa.myVotes };
  if (vote.voted) myVotes[vote.id] = true;
  else delete myVotes[vote.id];
  return { ...state, qa: { ...state.qa, myVotes } };
}

/** The ack of attendee:rename; the name is personal and not part of any delta. */
export function applyMyName(state: SyncedState, name: string | null): SyncedState {
  if (!state.me) return state;
  return { ...state, me: { ...state.me, name } };
}

/** The ack of attendee:profile: the answers to the event's attendee fields. */
export function applyMyAttributes(state: SyncedState, attributes: Record<string, string>): SyncedState {
  if (!state.me) return state;
  return { ...state, me: { ...state.me, attributes } };
}

/** The ack of breakouts:editResult: the merged text and its version (idempotent with the delta that follows). */
export function applyResultAck(state: SyncedState, r: { roundId: string; index: number; text: string; version: number }): SyncedState {
  const breakouts = applyResult(state.breakouts, r);
  return breakouts === state.breakouts ? state : { ...state, breakouts };
}
