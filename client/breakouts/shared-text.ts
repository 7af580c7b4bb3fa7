/**
 * One member's copy of a group's shared result text, as a pure state machine. The member types into
 * `draft`; edits go to the server with the version they are based on (`base`), one request at a time.
 * A newer text from the server (someone else's edit) is merged under the unsent local change, so two
 * people typing at once keep both. While a request is on its way, server texts wait in `pending`: the
 * ack's text already contains everything up to its version, so only newer ones are merged after it.
 */
import { mergeText } from '../../shared/breakouts/merge.js';
import { replayEdit } from './merge.js';

export interface ServerText {
  text: string;
  version: number;
}

export interface SharedText {
  /** The server's text the draft is based on. */
  base: ServerText;
  /** What the member sees and types into. */
  draft: string;
  /** The text of the request waiting for its ack (the draft as it was when sent). */
  inflight: string | null;
  /** The newest server text that arrived while a request was on its way. */
  pending: ServerText | null;
}

export function initialSharedText(server: ServerText): SharedText {
  return { base: server, draft: server.text, inflight: null, pending: null };
}

export function edit(state: SharedText, draft: string): SharedText {
  return draft === state.draft ? state : { ...state, draft };
}

/**
 * A keystroke in the text field. `shown` is what the field displayed before it; the draft may already
 * be newer (another member's text was merged in and the field has not been redrawn yet). Then only the
 * keystroke's change (shown → typed) is applied to the draft, instead of the stale field replacing it.
 */
export function typed(state: SharedText, shown: string, text: string): SharedText {
  return edit(state, state.draft === shown ? text : replayEdit(shown, text, state.draft));
}

/** Local changes the server has not seen yet (sent or not). */
export function hasUnsaved(state: SharedText): boolean {
  return state.inflight !== null || state.draft !== state.base.text;
}

/** A request can go out: nothing on its way, and the draft differs from the base. */
export function canSend(state: SharedText): boolean {
  return state.inflight === null && state.draft !== state.base.text;
}

export function beginSend(state: SharedText): { state: SharedText; request: { baseVersion: number; text: string } } {
  return {
    state: { ...state, inflight: state.draft },
    request: { baseVersion: state.base.version, text: state.draft },
  };
}

/** A server text (a delta, a snapshot, or the store after an ack) arrived. */
export function receive(state: SharedText, server: ServerText): SharedText {
  if (server.version <= state.base.version) return state;
  if (state.inflight !== null) {
    if (state.pending && state.pending.version >= server.version) return state;
    return { ...state, pending: server };
  }
  const draft = state.draft === state.base.text ? server.text : mergeText(state.base.text, state.draft, server.text);
  return { base: server, draft, inflight: null, pending: null };
}

/** The server accepted the request; its answer is the merged text at a new version. */
export function acknowledged(state: SharedText, server: ServerText): SharedText {
  const sent = state.inflight ?? state.base.text;
  // Typing that happened after the request went out goes on top of the merged text.
  const draft = state.draft === sent ? server.text : mergeText(sent, state.draft, server.text);
  const newer = server.version > state.base.version ? server : state.base;
  const next: SharedText = { base: newer, draft, inflight: null, pending: null };
  return state.pending ? receive(next, state.pending) : next;
}

/** The request failed: the draft stays (to be sent again), texts that came meanwhile are merged now. */
export function failed(state: SharedText): SharedText {
  const next: SharedText = { ...state, inflight: null, pending: null };
  return state.pending ? receive(next, state.pending) : next;
}
