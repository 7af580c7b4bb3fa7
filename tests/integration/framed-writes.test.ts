/**
 * Frames written straight to the connection (server/kernel/framed-writes.ts): taken for WebSocket clients
 * (broadcasts, emits to one socket, acks), never ahead of a packet engine.io still holds, and not for
 * polling clients; through Plenum, every
 * attendee still gets every seq once and in order, whatever its transport.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as ioClient, type Socket as ClientSocket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Delta } from '../../shared/socket.js';
import { PROTOCOL_VERSION } from '../../shared/version.js';
import { framedWriteStats, useFramedWrites } from '../../server/kernel/framed-writes.js';
import type { PlenumSocket } from '../../server/kernel/socket-types.js';
import { connect, createEvent, joinAttendee, serverWithOrganizer, until } from './helpers.js';

describe('framed writes on a bare Socket.IO server', () => {
  let http: HttpServer;
  let io: Server;
  let url = '';
  const serverSockets: Array<import('socket.io').Socket> = [];

  beforeAll(async () => {
    http = createServer();
    io = new Server(http);
    io.on('connection', (socket) => {
      useFramedWrites(socket as unknown as PlenumSocket);
      void socket.join('room');
      serverSockets.push(socket);
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await io.close();
  });
  // Each test's clients leave the room before the next test counts writes to it.
  const opened: ClientSocket[] = [];
  afterEach(() => {
    for (const socket of opened.splice(0)) socket.close();
  });

  async function client(transports: Array<'websocket' | 'polling'>): Promise<{ socket: ClientSocket; got: unknown[] }> {
    const socket = ioClient(url, { transports, forceNew: true, reconnection: false, upgrade: false });
    opened.push(socket);
    const got: unknown[] = [];
    socket.on('m', (v: unknown) => got.push(v));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    await until(() => serverSockets.some((s) => s.id === socket.id), 2000, 'server side of the socket');
    return { socket, got };
  }

  it('a broadcast to WebSocket clients is written straight to the connection, one frame each', async () => {
    const clients = await Promise.all([1, 2, 3].map(() => client(['websocket'])));
    const before = { ...framedWriteStats };
    io.to('room').emit('m', { n: 1, text: 'Grüße – ü'.repeat(20) });
    await until(() => clients.every((c) => c.got.length === 1), 2000, 'every client got the broadcast');
    expect(framedWriteStats.direct - before.direct).toBe(3);
    for (const c of clients) expect(c.got).toEqual([{ n: 1, text: 'Grüße – ü'.repeat(20) }]);
    // A payload past 64 KiB has the long frame header.
    const big = 'x'.repeat(70_000);
    io.to('room').emit('m', big);
    await until(() => clients.every((c) => c.got.length === 2), 2000, 'the large broadcast');
    for (const c of clients) expect(c.got[1]).toBe(big);
  });

  it('never ahead of packets engine.io still holds: the order of mixed emits is kept', async () => {
    const c = await client(['websocket']);
    const s = serverSockets.find((x) => x.id === c.socket.id)!;
    const before = { ...framedWriteStats };
    // A binary emit takes engine.io's path and is in flight; the second one waits in engine.io's buffer, and
    // so must everything after it until that buffer is empty.
    s.emit('m', 1);
    s.emit('m', Buffer.from([2]));
    io.to('room').emit('m', 3);
    s.emit('m', Buffer.from([4]));
    io.to('room').emit('m', 5);
    io.to(s.id).emit('m', 6);
    s.emit('m', 7);
    await until(() => c.got.length === 7, 2000, 'seven messages');
    expect(c.got.map((v) => (Buffer.isBuffer(v) ? v[0] : v))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // 1 went straight; 2 is binary: its first packet is in flight and its attachment waits in engine.io's
    // buffer, so 3, 5, 6 and 7 queue behind it (4 is binary: engine.io's anyway).
    expect(framedWriteStats.direct - before.direct).toBe(1);
    expect(framedWriteStats.queued - before.queued).toBe(4);
    // Once engine.io's buffer is empty, emits go straight again.
    await new Promise((r) => setTimeout(r, 50));
    const direct = framedWriteStats.direct;
    io.to('room').emit('m', 8);
    s.emit('m', 9);
    await until(() => c.got.length === 9, 2000, 'the last two');
    expect(c.got.slice(7)).toEqual([8, 9]);
    expect(framedWriteStats.direct).toBe(direct + 2);
  });

  it('acks and emits to one socket are framed here: every frame size (short, 16-bit, 64-bit length) arrives intact', async () => {
    const c = await client(['websocket']);
    const s = serverSockets.find((x) => x.id === c.socket.id)!;
    s.on('echo', (text: string, ack: (v: unknown) => void) => ack({ text }));
    const before = framedWriteStats.direct;
    // One character per size class of the header, around each boundary, with multi-byte UTF-8.
    const texts = ['', 'ü', 'a'.repeat(100), 'ä'.repeat(60), 'a'.repeat(125), 'b'.repeat(65_520), 'ö'.repeat(32_770), 'c'.repeat(70_000)];
    for (const text of texts) {
      const res = (await c.socket.timeout(2000).emitWithAck('echo', text)) as { text: string };
      expect(res.text).toBe(text);
      s.emit('m', text);
    }
    await until(() => c.got.length === texts.length, 2000, 'every emit');
    expect(c.got).toEqual(texts);
    expect(framedWriteStats.direct - before).toBe(2 * texts.length);
  });

  it('a polling client gets broadcasts through engine.io', async () => {
    const c = await client(['polling']);
    const before = { ...framedWriteStats };
    io.to('room').emit('m', 'über HTTP');
    await until(() => c.got.length === 1, 3000, 'the polling client got it');
    expect(c.got).toEqual(['über HTTP']);
    expect(framedWriteStats.direct - before.direct).toBe(0);
    expect(framedWriteStats.queued - before.queued).toBe(1);
    // So are its acks.
    const s = serverSockets.find((x) => x.id === c.socket.id)!;
    s.on('echo', (text: string, ack: (v: unknown) => void) => ack({ text }));
    await expect(c.socket.timeout(3000).emitWithAck('echo', 'Antwort per Polling')).resolves.toEqual({ text: 'Antwort per Polling' });
    expect(framedWriteStats.direct - before.direct).toBe(0);
  });
});

/** The seqs a client receives, in order, from `sync:delta` and `sync:deltas`. */
function seqsVia(listen: (name: string, cb: (payload: unknown) => void) => void): number[] {
  const seqs: number[] = [];
  listen('sync:delta', (d) => seqs.push((d as Delta).seq));
  listen('sync:deltas', (d) => seqs.push(...(d as { deltas: Delta[] }).deltas.map((x) => x.seq)));
  return seqs;
}

describe('framed writes through Plenum: WebSocket and polling attendees', () => {
  const ctx = serverWithOrganizer();

  it('every attendee gets every seq once and in order, and the fast path carries the WebSocket ones', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie, { settings: { qa: { premoderation: false } } });
    const sockets = await Promise.all(Array.from({ length: 6 }, async () => connect(ctx.t, { code: ev.code, token: (await joinAttendee(ctx.t, ev.code)).token })));
    const polling = ioClient(ctx.t.url, { transports: ['polling'], forceNew: true, reconnection: false, auth: { protocol: PROTOCOL_VERSION, code: ev.code, token: (await joinAttendee(ctx.t, ev.code)).token } });
    await new Promise<void>((resolve, reject) => {
      polling.once('connect', () => resolve());
      polling.once('connect_error', reject);
    });
    await new Promise((r) => setTimeout(r, 300));
    const logs = sockets.map((c) => seqsVia((name, cb) => c.socket.on(name as 'sync:delta', cb as never)));
    const pollingLog = seqsVia((name, cb) => polling.on(name, cb));
    const before = { ...framedWriteStats };

    const { question } = await sockets[0]!.ok('qa:ask', { text: 'Kommt jede Änderung bei jedem an, in Reihenfolge?' });
    await Promise.all(sockets.map((c) => c.ok('qa:vote', { id: question.id, up: true })));
    const { question: second } = await sockets[1]!.ok('qa:ask', { text: 'Und eine zweite Frage danach?' });
    await sockets[2]!.ok('qa:vote', { id: second.id, up: true });

    const last = Math.max(...logs.flat());
    await until(() => [...logs, pollingLog].every((l) => l.at(-1) === last), 5000, 'everyone at the last seq');
    for (const l of [...logs, pollingLog]) expect(l).toEqual(l.map((_, i) => l[0]! + i));
    expect(framedWriteStats.direct).toBeGreaterThan(before.direct);
    for (const c of sockets) c.close();
    polling.close();
  });
});
