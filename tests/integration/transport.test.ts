/**
 * The browser's socket options (client/kernel/socket-options.ts) against a real server: WebSocket from
 * the first request (no long-polling handshake to upgrade from), and a network without WebSockets still
 * connects over long-polling.
 */
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOCKET_OPTIONS } from '../../client/kernel/socket-options.js';
import { createEvent, joinAttendee, setupOrganizer, startTestServer, type TestServer } from './helpers.js';
import { PROTOCOL_VERSION } from '../../shared/version.js';

describe('socket transports of the browser client', () => {
  let t: TestServer;
  let code = '';
  beforeAll(async () => {
    t = await startTestServer();
    const cookie = await setupOrganizer(t);
    code = (await createEvent(t, cookie)).code;
  });
  afterAll(() => t.close());

  async function open(options: Record<string, unknown>): Promise<{ transport: string; pollingRequests: number }> {
    const { token } = await joinAttendee(t, code);
    let pollingRequests = 0;
    const onRequest = (req: { url?: string }) => {
      if (req.url?.startsWith('/socket.io/') && req.url.includes('transport=polling')) pollingRequests++;
    };
    t.server.httpServer.on('request', onRequest);
    const socket = io(t.url, { ...SOCKET_OPTIONS, ...options, forceNew: true, reconnection: false, auth: { protocol: PROTOCOL_VERSION, code, token } });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
        setTimeout(() => reject(new Error('connect timeout')), 8000);
      });
      return { transport: socket.io.engine.transport.name, pollingRequests };
    } finally {
      socket.close();
      t.server.httpServer.off('request', onRequest);
    }
  }

  it('connects over WebSocket without a single long-polling request', async () => {
    expect(await open({})).toEqual({ transport: 'websocket', pollingRequests: 0 });
  });

  it('falls back to long-polling where WebSockets fail', async () => {
    // As behind a proxy that blocks WebSockets: every upgrade request is dropped.
    const http = t.server.httpServer;
    const upgrades = http.listeners('upgrade') as Array<(...args: unknown[]) => void>;
    http.removeAllListeners('upgrade');
    http.on('upgrade', (_req, sock: { destroy(): void }) => sock.destroy());
    try {
      const r = await open({});
      expect(r.transport).toBe('polling');
      expect(r.pollingRequests).toBeGreaterThan(0);
    } finally {
      http.removeAllListeners('upgrade');
      for (const l of upgrades) http.on('upgrade', l);
    }
  });
});
