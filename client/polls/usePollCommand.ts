/**
 * Sends polls commands through the kernel's sender (acks reach the slice via withAcks). Typed from
 * shared/polls, so it compiles before and after polls joins the folded command table of shared/socket.ts.
 */
import { useMemo } from 'react';
import type { PollCommandName, PollCommandPayload, PollCommandResult } from '../../shared/polls/index.js';
import { useSend } from '../kernel/react.js';
import type { PollAck } from './types.js';

export type PollSend = <K extends PollCommandName>(name: K, payload: PollCommandPayload<K>) => Promise<PollAck<PollCommandResult<K>>>;

export function usePollSend(): PollSend {
  const send = useSend();
  return useMemo(() => send as unknown as PollSend, [send]);
}

/** The server's clock as the sync kernel estimates it (countdowns end when the server says so). */
export function serverNow(clockOffsetMs: number): () => number {
  return () => Date.now() + clockOffsetMs;
}
