/** Renders a component inside an event store filled from a snapshot, with a recording fake command sender. */
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import type { CommandName, CommandPayload } from '../../shared/socket.js';
import type { Snapshot } from '../../shared/socket.js';
import { clientFeatures } from '../features.js';
import { withAcks, type ClientAck, type SendCommand } from '../kernel/commands.js';
import { EventProvider, FeaturesProvider } from '../kernel/react.js';
import { createEventStore } from '../kernel/store.js';

export type Reply = (name: CommandName, payload: unknown) => unknown;

export interface Deferred {
  name: CommandName;
  payload: unknown;
  resolve(ack: unknown): void;
}

/**
 * `reply` answers each command (default: `{ ok: true }`); with `manual: true` commands stay pending until
 * the test resolves them, so busy states can be observed.
 */
export function renderWithEvent(ui: ReactElement, snap: Snapshot, opts: { reply?: Reply; manual?: boolean } = {}) {
  const store = createEventStore(clientFeatures, snap);
  const pending: Deferred[] = [];
  const raw = vi.fn((name: CommandName, payload: unknown) => {
    if (opts.manual) return new Promise((resolve) => pending.push({ name, payload, resolve }));
    return Promise.resolve(opts.reply ? opts.reply(name, payload) : { ok: true });
  });
  const send = withAcks(raw as unknown as SendCommand, store);
  const result = render(
    <FeaturesProvider features={clientFeatures}>
      <MemoryRouter>
        <EventProvider store={store} send={send}>
          {ui}
        </EventProvider>
      </MemoryRouter>
    </FeaturesProvider>,
  );
  const calls = () => raw.mock.calls.map(([name, payload]) => [name, payload] as [CommandName, unknown]);
  return { ...result, store, raw, calls, pending };
}

export type { ClientAck, CommandPayload };
