/**
 * Abuse the rate limits alone did not stop (issue 12): a client that keeps sending past its limit is dropped
 * and refused for a while; a client that never reads is dropped once its outgoing buffer passes the cap; a
 * snapshot loop is limited. Everyone else carries on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { KERNEL_LIMITS } from '../../server/kernel/rate-limit.js';
import { PROTOCOL_VERSION } from '../../shared/version.js';
import { api, connect, connectError, createEvent, joinAttendee, setupOrganizer, sleep, startTestServer, until, type TestEvent, type TestServer } from './helpers.js';

describe('flooding and slow readers', () => {
  let t: TestServer;
  let ev: TestEvent;
  beforeAll(async () => {
    t = await startTestServer({
      flood: { cooldownMs: 1500, maxBufferedBytes: 1024 * 1024, maxBufferedPackets: 200, checkEveryMs: 100 },
      limits: { snapshot: KERNEL_LIMITS.snapshot! },
    });
    ev = await createEvent(t, await setupOrganizer(t));
  });
  afterAll(async () => {
    await t.close();
  });

  it('a client that keeps sending past its limit is dropped, refused until the cooldown passed, then welcome again', async () => {
    const flooder = await joinAttendee(t, ev.code, 'Flut');
    const bystander = await connect(t, { code: ev.code, token: (await joinAttendee(t, ev.code, 'Ruhig')).token });
    const c = await connect(t, { code: ev.code, token: flooder.token });
    const { question } = await bystander.ok('qa:ask', { text: 'Wer stört hier?' });
    // 2,000 messages at once, without waiting for acks (the limit is 100 per 10 s).
    for (let i = 0; i < 2000; i++) c.socket.emit('qa:vote', { id: question.id, up: i % 2 === 0 }, () => {});
    await until(() => c.disconnectReason, 5000, 'the flooder to be dropped');
    // Dropped at once, its queue discarded: the client sees the transport close.
    expect(['io server disconnect', 'transport close']).toContain(c.disconnectReason);
    expect(t.server.kernel.flood.dropped.flooding).toBe(1);
    expect(await connectError(t, { code: ev.code, token: flooder.token })).toBe('rate_limited');
    // Meanwhile everyone else is served.
    expect((await bystander.call('qa:vote', { id: question.id, up: true })).ok).toBe(true);
    await sleep(1600);
    const back = await connect(t, { code: ev.code, token: flooder.token });
    expect((await back.snapshot()).me.name).toBe('Flut');
    back.close();
    bystander.close();
  });

  it('messages without an ack count too: a flood of them is dropped like any other, and /metrics counts the drops', async () => {
    const flooder = await joinAttendee(t, ev.code, 'Stumm');
    const c = await connect(t, { code: ev.code, token: flooder.token });
    const before = t.server.kernel.flood.dropped.flooding;
    const silent = c.socket as unknown as { emit(name: string, payload: unknown): void };
    // 151 messages without acks are within the limit plus 50 refusals; one more drops the socket.
    for (let i = 0; i < 150; i++) silent.emit('qa:vote', { id: 'nope', up: true });
    await sleep(300);
    expect(c.socket.connected).toBe(true);
    for (let i = 0; i < 50; i++) silent.emit('qa:vote', { id: 'nope', up: true });
    await until(() => c.disconnectReason, 5000, 'the silent flooder to be dropped');
    expect(t.server.kernel.flood.dropped.flooding).toBe(before + 1);
    expect(await connectError(t, { code: ev.code, token: flooder.token })).toBe('rate_limited');
    const metrics = (await api(t.url, '/metrics')).text;
    expect(metrics).toContain(`plenum_dropped_sockets_total{reason="flooding"} ${before + 1}`);
  });

  it('a client that never reads is dropped once its outgoing buffer passes the cap; the others keep receiving', async () => {
    const slow = await joinAttendee(t, ev.code, 'Langsam');
    const reader = await connect(t, { code: ev.code, token: (await joinAttendee(t, ev.code, 'Liest')).token });
    const url = `${t.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`;
    const ws = new WebSocket(url);
    const connected = new Promise<void>((resolve, reject) => {
      ws.on('message', (data) => {
        const text = String(data);
        if (text.startsWith('0')) ws.send(`40${JSON.stringify({ protocol: PROTOCOL_VERSION, code: ev.code, token: slow.token })}`);
        if (text.startsWith('40')) resolve();
        if (text.startsWith('44')) reject(new Error(text));
      });
      ws.on('error', reject);
    });
    await connected;
    const closed = new Promise<void>((resolve) => ws.on('close', () => resolve()));
    // From now on the client reads nothing: the TCP window fills, then the server's buffers.
    (ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const big = 'x'.repeat(64 * 1024);
    let received = 0;
    reader.socket.onAny(() => void (received += 1));
    const rssBefore = process.memoryUsage().rss;
    for (let i = 0; i < 800 && t.server.kernel.flood.dropped.slowReaders === 0; i++) {
      // A heavy broadcast to the event, like a burst of large deltas.
      (t.server.io as unknown as { emit(event: string, payload: unknown): void }).emit('sync:personal', { changes: [], pad: big });
      if (i % 20 === 0) await sleep(20);
    }
    await until(() => t.server.kernel.flood.dropped.slowReaders >= 1, 5000, 'the slow reader to be dropped');
    (ws as unknown as { _socket: { resume(): void } })._socket.resume();
    await Promise.race([closed, sleep(3000)]);
    expect(ws.readyState).toBe(WebSocket.CLOSED);
    expect(received).toBeGreaterThan(0);
    expect((await reader.call('sync:snapshot', {})).ok).toBe(true);
    // The dropped socket (and the buffer it held) is gone from the server.
    expect([...t.server.io.of('/').sockets.values()].filter((s) => s.data.attendeeId === slow.attendeeId)).toEqual([]);
    const rssAfter = process.memoryUsage().rss;
    console.log(`slow reader dropped after ${t.server.kernel.flood.dropped.slowReaders} check(s); rss ${(rssBefore / 1e6).toFixed(0)} → ${(rssAfter / 1e6).toFixed(0)} MB`);
    reader.close();
  });

  it('snapshots are limited per identity (10 per 10 s), and the refusal says when to retry', async () => {
    const person = await joinAttendee(t, ev.code, 'Schleife');
    const c = await connect(t, { code: ev.code, token: person.token });
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push(await c.call('sync:snapshot', {}));
    expect(answers.slice(0, 10).every((a) => a.ok)).toBe(true);
    const refused = answers[10]!;
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('rate_limited');
      expect(refused.error.retryAfterMs).toBeGreaterThan(0);
    }
    // A second tab of the same person shares the limit.
    const tab = await connect(t, { code: ev.code, token: person.token });
    expect((await tab.call('sync:snapshot', {})).ok).toBe(false);
    c.close();
    tab.close();
  });
});

describe('the snapshot budget of an event (bytes per view)', () => {
  let t: TestServer;
  let ev: TestEvent;
  beforeAll(async () => {
    // 6 KB at once, 6 KB a second: three or four snapshots of this small event, then the crowd waits.
    t = await startTestServer({ limits: { snapshotBytes: { capacity: 6_000, perMs: 1_000 } } });
    ev = await createEvent(t, await setupOrganizer(t));
  });
  afterAll(async () => {
    await t.close();
  });

  it('many identities asking at once: the first are served, the rest told to wait at least a second, then served', async () => {
    const clients = await Promise.all(Array.from({ length: 12 }, async (_, i) => connect(t, { code: ev.code, token: (await joinAttendee(t, ev.code, `Menge ${i}`)).token })));
    // What the budget charges: the shared part's bytes (serialised once per seq and view).
    const size = (await clients[0]!.ok('sync:snapshot', {})).shared.byteLength;
    expect(size).toBeLessThan(3_000);
    await sleep(1_100);
    const answers = await Promise.all(clients.map((c) => c.call('sync:snapshot', {})));
    const served = answers.filter((a) => a.ok).length;
    const refused = answers.filter((a) => !a.ok);
    // The budget holds 6,000 bytes: at least 2 snapshots, at most what fits plus the one that went into debt.
    expect(served).toBeGreaterThanOrEqual(2);
    expect(served).toBeLessThanOrEqual(Math.floor(6_000 / size) + 1);
    for (const r of refused) {
      if (r.ok) continue;
      expect(r.error.code).toBe('rate_limited');
      expect(r.error.retryAfterMs).toBeGreaterThanOrEqual(1_000);
    }
    // Staff have their own budget.
    const moderator = await connect(t, { code: ev.code, token: ev.tokens.moderator });
    expect((await moderator.call('sync:snapshot', {})).ok).toBe(true);
    // Waiting as told, everyone gets one in the end (nobody is dropped for it).
    const late = clients.filter((_, i) => !answers[i]!.ok);
    for (const c of late) {
      let ack = await c.call('sync:snapshot', {});
      for (let k = 0; k < 10 && !ack.ok; k++) {
        await sleep(ack.ok ? 0 : ack.error.retryAfterMs ?? 1_000);
        ack = await c.call('sync:snapshot', {});
      }
      expect(ack.ok).toBe(true);
      expect(c.socket.connected).toBe(true);
    }
    for (const c of [...clients, moderator]) c.close();
  });
});
