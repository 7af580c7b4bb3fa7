/** Frames: no page of Plenum may be framed except the stream overlay (configurable), on the real HTTP stack. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';
import { cspDirective } from '../../server/http/frame-headers.js';
import { serveClient } from '../../server/http/static.js';

let dir: string;
const servers: Server[] = [];

async function start(overlayFrameAncestors?: string): Promise<string> {
  const app = express();
  app.get('/api/ping', (_req, res) => void res.json({ pong: true }));
  serveClient(app, dir, overlayFrameAncestors === undefined ? {} : { overlayFrameAncestors });
  const server = app.listen(0);
  servers.push(server);
  await new Promise((r) => server.once('listening', r));
  return `http://localhost:${(server.address() as AddressInfo).port}`;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plenum-frames-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Plenum</title>');
  writeFileSync(join(dir, 'assets', 'app-1a2b3c.js'), 'console.log(1)');
});
afterAll(() => {
  for (const s of servers) s.close();
  rmSync(dir, { recursive: true, force: true });
});

const PAGES = [
  '/', '/login', '/setup?token=x', '/dashboard', '/dashboard/events/abc', '/e/123456', '/e/123456/moderate?token=abc',
  '/e/123456/facilitate', '/e/123456/stage', '/e/123456/speaker?token=abc', '/e/123456/overlay/x', '/e/123456/overlayx', '/index.html', '/nope',
];

describe('frame headers', () => {
  it("every HTML page: frame-ancestors 'none' and X-Frame-Options DENY", async () => {
    const base = await start();
    for (const path of PAGES) {
      const res = await fetch(base + path);
      expect(await res.text(), path).toContain('<title>Plenum</title>');
      expect(cspDirective(res.headers.get('content-security-policy'), 'frame-ancestors'), path).toBe("'none'");
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });

  it('the overlay may be framed by anyone by default (no X-Frame-Options), with or without its URL parameters', async () => {
    const base = await start();
    for (const path of ['/e/123456/overlay', '/e/123456/overlay/', '/e/123456/overlay?position=bottom-left&scale=1.5&token=abc']) {
      const res = await fetch(base + path);
      expect(await res.text(), path).toContain('<title>Plenum</title>');
      expect(cspDirective(res.headers.get('content-security-policy'), 'frame-ancestors'), path).toBe('*');
      expect(res.headers.get('x-frame-options'), path).toBeNull();
    }
  });

  it('OVERLAY_FRAME_ANCESTORS narrows who may frame the overlay; the other pages stay unframeable', async () => {
    const config = loadConfig({ OVERLAY_FRAME_ANCESTORS: "  'self'   https://studio.example.org " });
    expect(config.overlayFrameAncestors).toBe("'self' https://studio.example.org");
    const base = await start(config.overlayFrameAncestors);
    const overlay = await fetch(`${base}/e/123456/overlay`);
    expect(cspDirective(overlay.headers.get('content-security-policy'), 'frame-ancestors')).toBe("'self' https://studio.example.org");
    expect(overlay.headers.get('x-frame-options')).toBeNull();
    const stage = await fetch(`${base}/e/123456/stage`);
    expect(cspDirective(stage.headers.get('content-security-policy'), 'frame-ancestors')).toBe("'none'");
    expect(loadConfig({}).overlayFrameAncestors).toBe('*');
  });

  it('refuses an OVERLAY_FRAME_ANCESTORS that would end the directive or add another', () => {
    for (const bad of ["* ; script-src 'none'", 'https://a.example, https://b.example', '"x"', "'unsafe-inline'"]) {
      expect(() => loadConfig({ OVERLAY_FRAME_ANCESTORS: bad }), bad).toThrow(ConfigError);
    }
  });

  it('assets and the API carry no frame headers (they are not pages)', async () => {
    const base = await start();
    for (const path of ['/assets/app-1a2b3c.js', '/api/ping']) {
      const res = await fetch(base + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-security-policy'), path).toBeNull();
    }
  });
});
