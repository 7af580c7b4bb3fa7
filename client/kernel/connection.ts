/**
 * The thin shell around one Socket.IO connection to one event: it feeds snapshots, deltas and personal
 * changes into the store, asks for a snapshot after every (re)connect and after a gap, and sends commands.
 * All decisions about ordering live in reducer.ts.
 */
import { io, type Socket } from 'socket.io-client';
// Only the zod-free parts of shared/ at run time: the attendee page loads no schema library (docs/performance.md).
import { isHandshakeError } from '../../shared/kernel/handshake.js';
import { isLinkRole, isRole } from '../../shared/kernel/role-names.js';
import type { LinkRole } from '../../shared/kernel/roles.js';
import type { ClientToServerEvents, HandshakeAuth, ServerToClientEvents, WrongRoleData } from '../../shared/socket.js';
import type { Snapshot, SnapshotResult } from '../../shared/socket.js';
import type { z } from 'zod';
import { assembleSnapshot } from '../../shared/snapshot.js';
import type { Ack } from '../../shared/errors.js';
import { PROTOCOL_VERSION } from '../../shared/version.js';
import { offlineAck, type ClientAck, type SendCommand } from './commands.js';
import { SOCKET_OPTIONS } from './socket-options.js';
import type { ConnectionState, EventStore, RefusalReason } from './store.js';

export type PlenumSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface ConnectOptions {
  code: string;
  token?: string;
  /** A role link's page: the role it needs (the server refuses another with `wrong_role`). */
  expect?: LinkRole;
  store: EventStore;
  /** Injected by tests; the default opens a same-origin socket with the session cookie. */
  createSocket?: (auth: HandshakeAuth) => PlenumSocket;
  ackTimeoutMs?: number;
  snapshotRetryMs?: number;
}

export interface EventConnection {
  send: SendCommand;
  close(): void;
}

function defaultSocket(auth: HandshakeAuth): PlenumSocket {
  return io({ ...SOCKET_OPTIONS, auth });
}

/** The untyped view of timeout-emit; the typed overloads cannot express "any command name". */
type LooseEmit = (name: string, payload: unknown, cb: (err: Error | null, res: unknown) => void) => void;

/** `data` of a `wrong_role` refusal (shared/socket.ts WrongRoleData), or null when it is not one. */
function wrongRoleData(data: unknown): WrongRoleData | null {
  if (typeof data !== 'object' || data === null) return null;
  const { expected, actual } = data as Record<string, unknown>;
  return isLinkRole(expected) && isRole(actual) ? { expected, actual } : null;
}

/** What the page tells the user about a refused handshake. */
export function refusal(err: { message: string; data?: unknown }, opts: Pick<ConnectOptions, 'token' | 'expect'>): ConnectionState {
  const reason: RefusalReason = isHandshakeError(err.message) ? err.message : 'unknown';
  if (reason === 'wrong_role') {
    const roles = wrongRoleData(err.data);
    return roles ? { status: 'refused', reason, roles } : { status: 'refused', reason };
  }
  if (reason === 'unauthorized' && opts.expect) return { status: 'refused', reason: opts.token ? 'link_invalid' : 'link_incomplete' };
  return { status: 'refused', reason };
}

export function connectEvent(opts: ConnectOptions): EventConnection {
  const { store } = opts;
  const ackTimeoutMs = opts.ackTimeoutMs ?? 15_000;
  const snapshotRetryMs = opts.snapshotRetryMs ?? 1_000;
  const auth: HandshakeAuth = {
    protocol: PROTOCOL_VERSION,
    code: opts.code,
    ...(opts.token ? { token: opts.token } : {}),
    ...(opts.expect ? { expect: opts.expect } : {}),
  };
  const socket = (opts.createSocket ?? defaultSocket)(auth);
  const state = () => store.getState();

  let closed = false;
  let revoked = false;
  let attempt = 0;
  // Each connection gets a generation so a snapshot ack from before a reconnect is ignored.
  let generation = 0;
  let snapshotInFlight = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const emit = (name: string, payload: unknown, timeoutMs: number): Promise<{ err: Error | null; res: unknown }> =>
    new Promise((resolve) => {
      (socket.timeout(timeoutMs).emit as unknown as LooseEmit)(name, payload, (err, res) => resolve({ err, res }));
    });

  function requestSnapshot(): void {
    if (closed || revoked || snapshotInFlight || !socket.connected) return;
    snapshotInFlight = true;
    const gen = generation;
    state().markSnapshotRequested();
    const sentAt = Date.now();
    void emit('sync:snapshot', {}, ackTimeoutMs).then(({ err, res }) => {
      const receivedAt = Date.now();
      if (gen !== generation || closed) return;
      snapshotInFlight = false;
      const ack = res as Ack<z.output<typeof SnapshotResult>> | undefined;
      if (err || !ack || !ack.ok) {
        clearTimeout(retryTimer);
        // A refusal for rate says how long to wait; retrying sooner would only be refused again.
        const retryAfter = ack && !ack.ok ? (ack.error.retryAfterMs ?? 0) : 0;
        retryTimer = setTimeout(requestSnapshot, Math.max(snapshotRetryMs, retryAfter));
        return;
      }
      let snapshot: Snapshot;
      try {
        // The shared part arrives as bytes (serialised once on the server for everyone of this view).
        snapshot = assembleSnapshot(ack);
      } catch {
        clearTimeout(retryTimer);
        retryTimer = setTimeout(requestSnapshot, snapshotRetryMs);
        return;
      }
      state().receiveSnapshot(snapshot, { sentAt, receivedAt });
      state().setConnection({ status: 'live' });
      if (state().synced.phase === 'gap') requestSnapshot();
    });
  }

  socket.on('connect', () => {
    generation += 1;
    snapshotInFlight = false;
    attempt = 0;
    state().setConnection({ status: 'syncing' });
    requestSnapshot();
  });

  socket.on('sync:delta', (delta) => {
    state().receiveDelta(delta);
    if (state().synced.phase === 'gap') requestSnapshot();
  });
  socket.on('sync:deltas', ({ deltas }) => {
    for (const delta of deltas) state().receiveDelta(delta);
    if (state().synced.phase === 'gap') requestSnapshot();
  });
  socket.on('sync:personal', ({ changes }) => state().receivePersonal(changes));
  socket.on('session:revoked', ({ reason }) => {
    revoked = true;
    state().setConnection({ status: 'revoked', reason });
    socket.disconnect();
  });

  socket.on('connect_error', (err) => {
    if (closed || revoked) return;
    if (socket.active) {
      // A network problem: Socket.IO keeps retrying on its own.
      attempt += 1;
      state().setConnection({ status: 'connecting', attempt });
      return;
    }
    state().setConnection(refusal(err as Error & { data?: unknown }, opts));
  });

  socket.on('disconnect', () => {
    generation += 1;
    snapshotInFlight = false;
    if (closed || revoked) return;
    state().setConnection(socket.active ? { status: 'connecting', attempt } : { status: 'closed' });
  });

  const send: SendCommand = async (name, payload) => {
    if (!socket.connected) return offlineAck();
    const { err, res } = await emit(name, payload, ackTimeoutMs);
    if (err) return { ok: false, error: { code: 'timeout', message: err.message } };
    return res as ClientAck<typeof name>;
  };

  return {
    send,
    close() {
      closed = true;
      clearTimeout(retryTimer);
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
