/** Busy and error state around a callback that returns an ack (stays safe when the component unmounts first). */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PollAck, PollErrorLike } from './types.js';

export function useSubmit<A, R extends object>(fn: (arg: A) => Promise<PollAck<R>>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PollErrorLike | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(
    async (arg: A): Promise<PollAck<R>> => {
      setBusy(true);
      setError(null);
      let ack: PollAck<R>;
      try {
        ack = await fn(arg);
      } catch {
        ack = { ok: false, error: { code: 'network' } };
      }
      if (mounted.current) {
        setBusy(false);
        if (!ack.ok) setError(ack.error);
      }
      return ack;
    },
    [fn],
  );
  return { run, busy, error, setError };
}
