import { describe, expect, it, vi } from 'vitest';
import { question, snapshot, snapshotAck } from '../testing/fixtures.js';
import { FakeSocket } from '../testing/fake-socket.js';
import { PROTOCOL_VERSION } from '../../shared/version.js';
import { connectEvent } from './connection.js';
import { clientFeatures } from '../features.js';
import { createEventStore } from './store.js';

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup(token?: string) {
  const socket = new FakeSocket();
  const store = createEventStore(clientFeatures);
  let auth: unknown;
  const conn = connectEvent({
    code: '123456',
    ...(token ? { token } : {}),
    store,
    createSocket: (a) => {
      auth = a;
      return socket.asSocket();
    },
  });
  return { socket, store, conn, auth: () => auth };
}

describe('connectEvent', () => {
  it('sends the protocol, code and token in the handshake', async () => {
    const { auth } = setup('t'.repeat(20));
    expect(auth()).toEqual({ protocol: PROTOCOL_VERSION, code: '123456', token: 't'.repeat(20) });
  });

  it('requests a snapshot on connect, buffers deltas meanwhile, and goes live', async () => {
    const { socket, store } = setup();
    socket.serverEmit('connect');
    expect(store.getState().connection.status).toBe('syncing');
    const [req] = socket.commands('sync:snapshot');
    expect(req?.payload).toEqual({});

    socket.serverEmit('sync:delta', { seq: 4, changes: [{ type: 'question:upsert', question: question('b') }] });
    req!.reply(snapshotAck(snapshot({ seq: 3, qa: { questions: [question('a')] } })));
    await flush();

    const s = store.getState();
    expect(s.connection.status).toBe('live');
    expect(s.synced.seq).toBe(4);
    expect(Object.keys(s.synced.qa.questions).sort()).toEqual(['a', 'b']);
  });

  it('estimates the server clock from the snapshot round trip', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.parse('2025-01-01T09:59:00.000Z'));
      const { socket, store } = setup();
      socket.serverEmit('connect');
      const [req] = socket.commands('sync:snapshot');
      vi.setSystemTime(Date.parse('2025-01-01T09:59:02.000Z'));
      // the server stamped its reply at 10:00:00; this device thinks it is 09:59:01 halfway through
      req!.reply(snapshotAck(snapshot({ serverTime: '2025-01-01T10:00:00.000Z' })));
      await Promise.resolve();
      await Promise.resolve();
      expect(store.getState().synced.clockOffsetMs).toBe(59_000);
    } finally {
      vi.useRealTimers();
    }
  });

  it('applies the deltas of a sync:deltas message in order, and asks for a snapshot on a gap inside it', async () => {
    const { socket, store } = setup();
    socket.serverEmit('connect');
    socket.commands('sync:snapshot')[0]!.reply(snapshotAck(snapshot({ seq: 1 })));
    await flush();
    socket.serverEmit('sync:deltas', {
      deltas: [
        { seq: 2, changes: [{ type: 'question:upsert', question: question('a') }] },
        { seq: 3, changes: [{ type: 'question:upsert', question: question('b') }] },
        { seq: 4, changes: [{ type: 'question:remove', id: 'a' }] },
      ],
    });
    expect(store.getState().synced.seq).toBe(4);
    expect(Object.keys(store.getState().synced.qa.questions)).toEqual(['b']);
    expect(socket.commands('sync:snapshot')).toHaveLength(1);
    socket.serverEmit('sync:deltas', { deltas: [{ seq: 5, changes: [] }, { seq: 7, changes: [] }] });
    expect(socket.commands('sync:snapshot')).toHaveLength(2);
  });

  it('asks for a new snapshot when a delta is missing and converges', async () => {
    const { socket, store } = setup();
    socket.serverEmit('connect');
    socket.commands('sync:snapshot')[0]!.reply(snapshotAck(snapshot({ seq: 1 })));
    await flush();
    socket.serverEmit('sync:delta', { seq: 3, changes: [] });
    const requests = socket.commands('sync:snapshot');
    expect(requests).toHaveLength(2);
    // a second gap while the request is in flight does not send another request
    socket.serverEmit('sync:delta', { seq: 5, changes: [] });
    expect(socket.commands('sync:snapshot')).toHaveLength(2);
    requests[1]!.reply(snapshotAck(snapshot({ seq: 4, qa: { questions: [question('x')] } })));
    await flush();
    expect(store.getState().synced.seq).toBe(5);
    expect(store.getState().synced.phase).toBe('ready');
    expect(store.getState().synced.qa.questions.x).toBeDefined();
  });

  it('resyncs after a reconnect', async () => {
    const { socket, store } = setup();
    socket.serverEmit('connect');
    socket.commands('sync:snapshot')[0]!.reply(snapshotAck(snapshot({ seq: 1 })));
    await flush();
    socket.serverEmit('disconnect', 'transport close');
    expect(store.getState().connection.status).toBe('connecting');
    socket.serverEmit('connect');
    expect(socket.commands('sync:snapshot')).toHaveLength(2);
    socket.commands('sync:snapshot')[1]!.reply(snapshotAck(snapshot({ seq: 9 })));
    await flush();
    expect(store.getState().synced.seq).toBe(9);
    expect(store.getState().connection.status).toBe('live');
  });

  it('retries a snapshot request the server refused', async () => {
    const socket = new FakeSocket();
    const store = createEventStore(clientFeatures);
    connectEvent({ code: '123456', store, snapshotRetryMs: 5, createSocket: () => socket.asSocket() });
    socket.serverEmit('connect');
    socket.commands('sync:snapshot')[0]!.reply({ ok: false, error: { code: 'internal', message: 'busy' } });
    await flush();
    expect(store.getState().connection.status).toBe('syncing');
    await new Promise((r) => setTimeout(r, 20));
    expect(socket.commands('sync:snapshot')).toHaveLength(2);
    socket.commands('sync:snapshot')[1]!.reply(snapshotAck(snapshot({ seq: 2 })));
    await flush();
    expect(store.getState().connection.status).toBe('live');
  });

  it('applies personal events', async () => {
    const { socket, store } = setup();
    socket.serverEmit('connect');
    socket.commands('sync:snapshot')[0]!.reply(snapshotAck(snapshot({ seq: 1 })));
    await flush();
    socket.serverEmit('sync:personal', {
      changes: [
        { type: 'qa:own', question: question('mine', { state: 'pending' }) },
        { type: 'qa:myVote', id: 'q1', voted: true },
      ],
    });
    expect(store.getState().synced.qa.own.mine?.state).toBe('pending');
    expect(store.getState().synced.qa.myVotes).toEqual({ q1: true });
  });

  it('stops for good when the session is revoked', async () => {
    const { socket, store } = setup();
    socket.serverEmit('connect');
    socket.serverEmit('session:revoked', { reason: 'link_rotated' });
    expect(store.getState().connection).toEqual({ status: 'revoked', reason: 'link_rotated' });
    expect(socket.disconnectCalls).toBe(1);
    socket.serverEmit('disconnect', 'io client disconnect');
    expect(store.getState().connection.status).toBe('revoked');
  });

  it('reports why the server refused the handshake', async () => {
    const { socket, store } = setup();
    socket.active = false;
    socket.serverEmit('connect_error', new Error('unauthorized'));
    expect(store.getState().connection).toEqual({ status: 'refused', reason: 'unauthorized' });
  });

  it('on a role link page: wrong_role names both roles; unauthorized says incomplete (no token) or renewed (a token)', () => {
    const cases = [
      [{ token: 'tok-tok-tok-tok-tok', expect: 'stage' as const }, Object.assign(new Error('wrong_role'), { data: { expected: 'stage', actual: 'moderator' } }),
        { status: 'refused', reason: 'wrong_role', roles: { expected: 'stage', actual: 'moderator' } }],
      [{ expect: 'speaker' as const }, new Error('unauthorized'), { status: 'refused', reason: 'link_incomplete' }],
      [{ token: 'tok-tok-tok-tok-tok', expect: 'moderator' as const }, new Error('unauthorized'), { status: 'refused', reason: 'link_invalid' }],
      // Not a link page (the attendee page): unauthorized stays as it is.
      [{ token: 'tok-tok-tok-tok-tok' }, new Error('unauthorized'), { status: 'refused', reason: 'unauthorized' }],
      // Data that does not parse: the generic wrong-role message.
      [{ expect: 'stage' as const }, Object.assign(new Error('wrong_role'), { data: { expected: 'boss' } }), { status: 'refused', reason: 'wrong_role' }],
    ] as const;
    for (const [opts, err, expected] of cases) {
      const socket = new FakeSocket();
      const store = createEventStore(clientFeatures);
      connectEvent({ code: '123456', store, ...opts, createSocket: () => socket.asSocket() });
      socket.active = false;
      socket.serverEmit('connect_error', err);
      expect(store.getState().connection).toEqual(expected);
    }
  });

  it('sends the role the page needs in the handshake', () => {
    let auth: unknown;
    connectEvent({ code: '123456', token: 'tok-tok-tok-tok-tok', expect: 'speaker', store: createEventStore(clientFeatures), createSocket: (a) => ((auth = a), new FakeSocket().asSocket()) });
    expect(auth).toMatchObject({ code: '123456', token: 'tok-tok-tok-tok-tok', expect: 'speaker' });
  });

  it('counts retries while the network is away', async () => {
    const { socket, store } = setup();
    socket.serverEmit('connect_error', new Error('xhr poll error'));
    socket.serverEmit('connect_error', new Error('xhr poll error'));
    expect(store.getState().connection).toEqual({ status: 'connecting', attempt: 2 });
  });

  it('sends commands with acks, and fails fast when offline', async () => {
    const { socket, conn } = setup();
    expect(await conn.send('qa:vote', { id: 'a', up: true })).toMatchObject({ ok: false, error: { code: 'offline' } });
    socket.serverEmit('connect');
    const pending = conn.send('qa:vote', { id: 'a', up: true });
    const cmd = socket.commands('qa:vote')[0]!;
    expect(cmd.payload).toEqual({ id: 'a', up: true });
    cmd.reply({ ok: true, id: 'a', voted: true });
    expect(await pending).toEqual({ ok: true, id: 'a', voted: true });

    const timedOut = conn.send('qa:vote', { id: 'a', up: false });
    socket.commands('qa:vote')[1]!.fail(new Error('operation has timed out'));
    expect(await timedOut).toMatchObject({ ok: false, error: { code: 'timeout' } });
  });
});
