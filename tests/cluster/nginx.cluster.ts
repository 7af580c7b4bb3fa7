/**
 * The nginx example of docs/deploy.md (docs/deploy/nginx-plenum.conf), for real: `nginx -t`, then nginx in
 * front of two nodes; a browser-like socket.io client (long-polling first, then the WebSocket upgrade)
 * goes through it. Skipped when nginx is not installed (`apt-get install nginx-light`).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { io as ioClient } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/version.js';
import { ORGANIZER, api, connect, cookieFrom, createEvent, joinAttendee, until, type TestServer } from '../integration/helpers.js';
import { Cluster, type Node } from './nodes.js';

const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
const example = readFileSync(resolve(import.meta.dirname, '../../docs/deploy/nginx-plenum.conf'), 'utf8');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
    s.once('error', fail);
  });
}

/** The example with this test's nodes and port; everything else as documented. */
function configFor(nodes: readonly Node[], port: number): string {
  const servers = nodes.map((n) => `    server 127.0.0.1:${new URL(n.url).port} max_fails=1 fail_timeout=5s;`).join('\n');
  const out = example.replace(/(    server 127\.0\.0\.1:300\d[^\n]*\n)+/, `${servers}\n`).replace('listen 8080;', `listen 127.0.0.1:${port};`);
  if (out === example) throw new Error('the example config changed shape: update this test');
  return out;
}

describe.skipIf(!nginx)('docs/deploy/nginx-plenum.conf in front of two nodes', () => {
  const cluster = new Cluster();
  const dir = mkdtempSync(join(tmpdir(), 'plenum-nginx-'));
  let nodes: Node[] = [];
  let proxy: ChildProcess | null = null;
  let base = '';

  beforeAll(async () => {
    nodes = await cluster.start(2);
    const port = await freePort();
    writeFileSync(join(dir, 'plenum.conf'), configFor(nodes, port));
    writeFileSync(
      join(dir, 'nginx.conf'),
      `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n  access_log off;\n` +
        ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};`).join('\n') +
        `\n  include ${dir}/plenum.conf;\n}\n`,
    );
    const check = spawnSync(nginx!, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    proxy = spawn(nginx!, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
    base = `http://127.0.0.1:${port}`;
    for (let i = 0; !(await fetch(`${base}/healthz`).catch(() => null))?.ok; i++) {
      if (i > 100) throw new Error(`nginx did not come up: ${readFileSync(join(dir, 'error.log'), 'utf8')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 90_000);

  afterAll(async () => {
    proxy?.kill('SIGTERM');
    await cluster.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes nginx -t, proxies REST, and carries long-polling + WebSocket upgrade to one node; deltas cross nodes', async () => {
    const linkLine = /the link works once\): (\S+)/;
    const printer = nodes.find((n) => linkLine.test(n.output()))!;
    const token = new URL(linkLine.exec(printer.output())![1]!).searchParams.get('token');
    const setup = await api(base, '/api/setup', { body: { token, ...ORGANIZER } });
    expect(setup.status).toBe(201);
    const cookie = cookieFrom(setup);
    const proxied = { url: base } as TestServer;
    const ev = await createEvent(proxied, cookie);
    const { token: attendeeToken } = await joinAttendee(proxied, ev.code, 'Über nginx');

    // What a browser does: polling first, then the upgrade (both must reach the same node).
    const socket = ioClient(base, { forceNew: true, reconnection: false, auth: { protocol: PROTOCOL_VERSION, code: ev.code, token: attendeeToken } });
    try {
      await until(() => socket.connected && socket.io.engine.transport.name === 'websocket', 10_000, 'upgraded to a WebSocket through nginx');
      // A moderator directly on each node: a question asked through nginx reaches both.
      const mods = await Promise.all(nodes.map((n) => connect({ url: n.url } as TestServer, { code: ev.code, token: ev.tokens.moderator })));
      const ack = await new Promise<{ ok: boolean; question?: { id: string } }>((done) => socket.emit('qa:ask', { text: 'Kommt das durch den Proxy?' }, done));
      expect(ack.ok).toBe(true);
      for (const m of mods) {
        await until(() => m.deltas.some((d) => d.changes.some((c) => c.type === 'question:upsert' && c.question.id === ack.question!.id)), 5000, 'the delta on every node');
        m.close();
      }
    } finally {
      socket.close();
    }
  });
});
