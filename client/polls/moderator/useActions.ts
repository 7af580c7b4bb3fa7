/** Several polls commands from one card: which one is busy (its button shows progress) and the last refusal. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PollCommandName, PollCommandPayload, PollCommandResult } from '../../../shared/polls/index.js';
import type { PollAck, PollErrorLike } from '../types.js';
import { usePollSend } from '../usePollCommand.js';

export function usePollActions() {
  const send = usePollSend();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<PollErrorLike | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(
    async <K extends PollCommandName>(name: K, payload: PollCommandPayload<K>): Promise<PollAck<PollCommandResult<K>>> => {
      setBusy(name);
      setError(null);
      const ack = await send(name, payload);
      if (mounted.current) {
        setBusy(null);
        if (!ack.ok) setError(ack.error);
      }
      return ack;
    },
    [send],
  );
  return { run, busy, error, send };
}
