/** Sends one kind of command and tracks its busy state and error until the ack arrives. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommandName, CommandPayload } from '../../shared/socket.js';
import type { ClientAck, ClientError } from './commands.js';
import { useSend } from './react.js';

export interface CommandHandle<K extends CommandName> {
  run(payload: CommandPayload<K>): Promise<ClientAck<K>>;
  busy: boolean;
  error: ClientError | null;
  clearError(): void;
}

/** Whether the component is still mounted, so a late ack does not set state on an unmounted one. */
function useMounted(): { readonly current: boolean } {
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
}

export function useCommand<K extends CommandName>(name: K): CommandHandle<K> {
  const send = useSend();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientError | null>(null);
  const mounted = useMounted();

  const run = useCallback(
    async (payload: CommandPayload<K>) => {
      setBusy(true);
      setError(null);
      const ack = await send(name, payload);
      if (mounted.current) {
        setBusy(false);
        if (!ack.ok) setError(ack.error);
      }
      return ack;
    },
    [send, name],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, busy, error, clearError };
}

/**
 * Several commands from one place (a moderator's question card): which action is busy, and the last error
 * with the action it belongs to.
 */
export function useCommands() {
  const send = useSend();
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [error, setError] = useState<{ key: string; error: ClientError } | null>(null);
  const mounted = useMounted();

  const run = useCallback(
    async <K extends CommandName>(key: string, name: K, payload: CommandPayload<K>): Promise<ClientAck<K>> => {
      setBusyKey(key);
      setError(null);
      const ack = await send(name, payload);
      if (mounted.current) {
        setBusyKey(null);
        if (!ack.ok) setError({ key, error: ack.error });
      }
      return ack;
    },
    [send],
  );
  return { run, busyKey, error, clearError: useCallback(() => setError(null), []) };
}
