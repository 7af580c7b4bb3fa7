/** The server's time on this device: Date.now() corrected by the offset measured at the last snapshot. */
import { useEffect, useState } from 'react';
import { useEventState } from '../kernel/react.js';

/** Re-renders every `intervalMs` while `active`; returns the server-corrected time in ms. */
export function useServerNow(active: boolean, intervalMs = 500): number {
  const offset = useEventState((s) => s.synced.clockOffsetMs);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return now + offset;
}
