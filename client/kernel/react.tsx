/** React binding of the per-event store, the command sender and the registered features. */
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { LinkRole } from '../../shared/kernel/roles.js';
import { offlineAck, withAcks, type SendCommand } from './commands.js';
import { connectEvent, type EventConnection } from './connection.js';
import type { AnyFeature } from './feature.js';
import { createEventStore, type EventState, type EventStore } from './store.js';

const FeaturesContext = createContext<readonly AnyFeature[] | null>(null);

/** The app root passes the registered features (client/features.ts) once; tests pass the same list. */
export function FeaturesProvider({ features, children }: { features: readonly AnyFeature[]; children: ReactNode }) {
  return <FeaturesContext.Provider value={features}>{children}</FeaturesContext.Provider>;
}

export function useFeatures(): readonly AnyFeature[] {
  const features = useContext(FeaturesContext);
  if (!features) throw new Error('useFeatures must be used inside <FeaturesProvider>');
  return features;
}

interface EventContextValue {
  store: EventStore;
  send: SendCommand;
}

const EventContext = createContext<EventContextValue | null>(null);

export function EventProvider({ store, send, children }: EventContextValue & { children: ReactNode }) {
  const value = useMemo(() => ({ store, send }), [store, send]);
  return <EventContext.Provider value={value}>{children}</EventContext.Provider>;
}

function useEventContext(): EventContextValue {
  const ctx = useContext(EventContext);
  if (!ctx) throw new Error('useEvent* must be used inside <EventProvider>');
  return ctx;
}

/** Subscribes to part of the event state; select stable references (slices), derive with useMemo. */
export function useEventState<T>(selector: (state: EventState) => T): T {
  return useStore(useEventContext().store, selector);
}

export function useSend(): SendCommand {
  return useEventContext().send;
}

/**
 * Opens the socket for one event while the component is mounted. The store outlives token changes (an
 * attendee whose identity was re-issued keeps seeing the list while the new connection syncs).
 */
export function useEventConnection(params: {
  code: string;
  token: string | undefined;
  enabled: boolean;
  /** A role link's page: the role it needs (see connectEvent). */
  expect?: LinkRole;
}): EventContextValue {
  const { code, token, enabled, expect } = params;
  const features = useFeatures();
  const [store] = useState(() => createEventStore(features));
  const connection = useRef<EventConnection | null>(null);

  useEffect(() => {
    if (!enabled) return;
    store.getState().setConnection({ status: 'connecting', attempt: 0 });
    const conn = connectEvent({ code, ...(token ? { token } : {}), ...(expect ? { expect } : {}), store });
    connection.current = conn;
    return () => {
      conn.close();
      if (connection.current === conn) connection.current = null;
    };
  }, [code, token, enabled, expect, store]);

  const send = useMemo<SendCommand>(
    () => withAcks((name, payload) => (connection.current ? connection.current.send(name, payload) : Promise.resolve(offlineAck())), store),
    [store],
  );
  return { store, send };
}
