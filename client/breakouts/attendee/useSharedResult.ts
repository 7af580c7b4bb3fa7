/**
 * The shell around the pure shared-text machine for one group's result: debounced sending (one request
 * at a time, with the version it is based on), merging texts others saved, a retry after a network
 * failure, and keeping the caret in place when someone else's edit changes the text.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { GroupView } from '../../../shared/breakouts/schemas.js';
import type { ClientError } from '../../kernel/commands.js';
import { useSend } from '../../kernel/react.js';
import { mapPosition } from '../merge.js';
import {
  acknowledged, beginSend, canSend, failed, hasUnsaved, initialSharedText, receive, typed, type SharedText,
} from '../shared-text.js';

export const SEND_DELAY_MS = 400;
const RETRY_MS = 3000;
const retryable = new Set(['offline', 'timeout', 'rate_limited', 'internal']);

export type SaveState = 'saved' | 'typing' | 'saving' | 'error';

export function useSharedResult(roundId: string, group: GroupView, field: RefObject<HTMLTextAreaElement | null>) {
  const send = useSend();
  const [state, setState] = useState<SharedText>(() => initialSharedText({ text: group.result, version: group.resultVersion }));
  const [error, setError] = useState<ClientError | null>(null);
  const current = useRef(state);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const caret = useRef<{ start: number; end: number } | null>(null);
  /** What the text field shows: the draft as last drawn (the state may be ahead of it). */
  const shown = useRef(state.draft);
  const mounted = useRef(true);

  /**
   * Applies a transition. When the new draft differs from what the field holds (`inField`: the text the
   * caret positions refer to), remembers where the caret goes once the field is redrawn.
   */
  const apply = useCallback(
    (fn: (s: SharedText) => SharedText, inField?: string) => {
      const before = current.current;
      const after = fn(before);
      if (after === before) return;
      const el = field.current;
      const from = inField ?? before.draft;
      if (el && after.draft !== from && document.activeElement === el) {
        caret.current = { start: mapPosition(from, after.draft, el.selectionStart), end: mapPosition(from, after.draft, el.selectionEnd) };
      }
      current.current = after;
      setState(after);
    },
    [field],
  );

  useLayoutEffect(() => {
    shown.current = state.draft;
    const el = field.current;
    if (caret.current && el) el.setSelectionRange(caret.current.start, caret.current.end);
    caret.current = null;
  }, [state, field]);

  const flushRef = useRef<() => Promise<void>>(async () => {});
  const schedule = useCallback((ms: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flushRef.current(), ms);
  }, []);

  flushRef.current = async () => {
    if (!canSend(current.current)) return;
    const { state: sending, request } = beginSend(current.current);
    apply(() => sending);
    const ack = await send('breakouts:editResult', { roundId, index: group.index, ...request });
    if (!mounted.current) return;
    if (ack.ok) {
      setError(null);
      apply((s) => acknowledged(s, { text: ack.text, version: ack.version }));
      if (canSend(current.current)) schedule(SEND_DELAY_MS);
    } else {
      setError(ack.error);
      apply(failed);
      if (retryable.has(ack.error.code)) schedule(Math.max(RETRY_MS, ack.error.retryAfterMs ?? 0));
    }
  };

  // Texts others saved (deltas, snapshots after a reconnect, and the store's copy of our own acks).
  useEffect(() => {
    apply((s) => receive(s, { text: group.result, version: group.resultVersion }));
  }, [apply, group.result, group.resultVersion]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      clearTimeout(timer.current);
      // The round ended while a change was waiting for its delay: send it anyway.
      const last = current.current;
      if (canSend(last)) void send('breakouts:editResult', { roundId, index: group.index, ...beginSend(last).request });
    };
    // Only on unmount; the latest values are read through refs.
  }, []);

  const onChange = useCallback(
    (text: string) => {
      apply((s) => typed(s, shown.current, text), text);
      schedule(SEND_DELAY_MS);
    },
    [apply, schedule],
  );

  const saveState: SaveState = error ? 'error' : state.inflight !== null ? 'saving' : hasUnsaved(state) ? 'typing' : 'saved';
  return { value: state.draft, onChange, saveState, error };
}
