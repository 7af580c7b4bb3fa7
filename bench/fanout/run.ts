/**
 * What one write to one socket costs on this machine: a Socket.IO server broadcasts K times to N sockets
 * held by a client process of their own, once through engine.io's regular path and once with Plenum's
 * framed writes (server/kernel/framed-writes.ts), and prints the server's CPU per socket, split into user
 * (JavaScript) and system (the kernel's write, which on loopback also runs the receiving side's TCP).
 *
 *   npx tsx bench/fanout/run.ts [--sockets 5000] [--broadcasts 20]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Server } from 'socket.io';
import { useFramedWrites } from '../../server/kernel/framed-writes.js';
import type { PlenumSocket } from '../../server/kernel/socket-types.js';

const { values } = parseArgs({ options: { sockets: { type: 'string', default: '5000' }, broadcasts: { type: 'string', default: '20' } } });
const n = Number(values.sockets);
const k = Number(values.broadcasts);
const here = dirname(fileURLToPath(import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// A tick of vote counts, as attendees get it.
const payload = { seq: 1, changes: [{ type: 'question:votes', counts: { q1: 12, q2: 7, q3: 41, q4: 3 } }] };

function reply(child: ChildProcess): Promise<Record<string, number | string>> {
  return new Promise((resolve) => child.once('message', (m) => resolve(m as Record<string, number | string>)));
}

async function measure(path: 'engine.io' | 'framed') {
  const http = createServer();
  const io = new Server(http, { transports: ['websocket'] });
  io.on('connection', (socket) => {
    if (path === 'framed') useFramedWrites(socket as unknown as PlenumSocket);
    void socket.join('room');
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const child = fork(join(here, 'clients.ts'), [`http://127.0.0.1:${(http.address() as AddressInfo).port}`, String(n)], { execArgv: ['--import', 'tsx'] });
  const ready = await reply(child);
  if (ready.error) throw new Error(String(ready.error));
  await sleep(500);
  let syncMs = 0;
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < k; i++) {
    const t0 = performance.now();
    io.to('room').emit('sync:delta', payload);
    syncMs += performance.now() - t0;
    await sleep(100); // the writes' callbacks run, the clients read
  }
  const cpu = process.cpuUsage(cpu0);
  child.send('count');
  const { frames } = await reply(child);
  child.send('close');
  await io.close();
  const perSocket = (us: number) => (us / k / n).toFixed(1);
  return { path, sockets: n, broadcasts: k, received: frames, 'ms per broadcast': (syncMs / k).toFixed(1), 'µs/socket user': perSocket(cpu.user), 'µs/socket sys': perSocket(cpu.system), 'µs/socket total': perSocket(cpu.user + cpu.system) };
}

const rows = [];
for (const path of ['engine.io', 'framed', 'engine.io', 'framed'] as const) rows.push(await measure(path));
console.table(rows);
