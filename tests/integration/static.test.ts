/** Serving the built client: files, long caching for hashed assets, SPA fallback that spares the API. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveClient } from '../../server/http/static.js';

let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plenum-static-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Plenum</title>');
  writeFileSync(join(dir, 'assets', 'app-1a2b3c.js'), 'console.log(1)');
  const app = express();
  app.get('/api/ping', (_req, res) => void res.json({ pong: true }));
  expect(serveClient(app, dir)).toBe(true);
  app.use((_req, res) => void res.status(404).send('fell through'));
  server = app.listen(0);
  await new Promise((r) => server.once('listening', r));
  base = `http://localhost:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('static client', () => {
  it('serves index.html for client routes and files as they are', async () => {
    for (const path of ['/', '/e/123456', '/e/123456/moderate?token=abc', '/setup?token=x']) {
      const res = await fetch(base + path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('<title>Plenum</title>');
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
    const asset = await fetch(`${base}/assets/app-1a2b3c.js`);
    expect(await asset.text()).toBe('console.log(1)');
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('never answers API, socket or health paths, or non-GET requests, with the app', async () => {
    expect(await (await fetch(`${base}/api/ping`)).json()).toEqual({ pong: true });
    for (const path of ['/api/nope', '/socket.io/x', '/healthz']) expect(await (await fetch(base + path)).text(), path).toBe('fell through');
    expect((await fetch(`${base}/e/123456`, { method: 'POST' })).status).toBe(404);
  });

  it('does nothing without a build', () => {
    expect(serveClient(express(), join(dir, 'missing'))).toBe(false);
  });
});
