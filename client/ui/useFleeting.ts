/**
 * A status message that clears itself: `show(text)` puts it up, it goes after `ms` (a newer one restarts
 * the wait), `clear()` takes it down at once. For success and progress lines only — errors stay until the
 * person acts. Render it inside a live region that is always in the page (`<p role="status">`), so the text
 * is announced when it appears and nothing is announced when it goes.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export const STATUS_CLEARS_AFTER_MS = 5000;

export function useFleeting<T>(ms: number = STATUS_CLEARS_AFTER_MS): { value: T | null; show(value: T): void; clear(): void } {
  const [value, setValue] = useState<T | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const clear = useCallback(() => {
    clearTimeout(timer.current);
    setValue(null);
  }, []);
  const show = useCallback(
    (next: T) => {
      clearTimeout(timer.current);
      setValue(next);
      timer.current = setTimeout(() => setValue(null), ms);
    },
    [ms],
  );
  useEffect(() => () => clearTimeout(timer.current), []);
  return { value, show, clear };
}
