/**
 * One polite live region per page for things that happen out of sight of a screen-reader user's focus
 * (a person moved to another column, a new help request). Components call `announce(text)`. The text
 * clears itself after a few seconds, so a screen reader that walks the page later does not read old news.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { STATUS_CLEARS_AFTER_MS } from './useFleeting.js';

const AnnouncerContext = createContext<(text: string) => void>(() => {});

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const toggle = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const announce = useCallback((text: string) => {
    // The same sentence twice in a row must be read twice: alternate an invisible suffix.
    toggle.current = !toggle.current;
    setMessage(toggle.current ? text : `${text}\u00a0`);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(''), STATUS_CLEARS_AFTER_MS);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);
  const value = useMemo(() => announce, [announce]);
  return (
    <AnnouncerContext.Provider value={value}>
      {children}
      <div className="sr-only" role="status" aria-live="polite" data-testid="announcer">
        {message}
      </div>
    </AnnouncerContext.Provider>
  );
}

export function useAnnounce(): (text: string) => void {
  return useContext(AnnouncerContext);
}
