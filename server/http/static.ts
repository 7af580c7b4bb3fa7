/**
 * Serves the built client (dist/client) with an SPA fallback, when a build exists. Every HTML answer
 * carries the frame headers of its path (frame-headers.ts).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import { DEFAULT_OVERLAY_FRAME_ANCESTORS, frameHeaders } from './frame-headers.js';

/** The folder holding package.json: the same from the sources (tsx) and from the compiled dist/node. */
function packageRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const CLIENT_DIST = join(packageRoot(dirname(fileURLToPath(import.meta.url))), 'dist/client');

const NOT_SPA = /^\/(api|socket\.io|healthz|metrics)(\/|$)/;

export interface ServeClientOptions {
  /** frame-ancestors sources of /e/:code/overlay (config OVERLAY_FRAME_ANCESTORS; default `*`). */
  overlayFrameAncestors?: string;
}

export function serveClient(app: Express, dir = CLIENT_DIST, options: ServeClientOptions = {}): boolean {
  const overlayFrameAncestors = options.overlayFrameAncestors ?? DEFAULT_OVERLAY_FRAME_ANCESTORS;
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  // Hashed assets may be cached for long; index.html must not be, or a deploy leaves stale clients.
  app.use(
    express.static(dir, {
      index: false,
      setHeaders(res, path) {
        if (path.includes(`${join(dir, 'assets')}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        // An HTML file asked for by name (/index.html) is a page like any other.
        if (path.endsWith('.html')) res.set(frameHeaders('/', overlayFrameAncestors));
      },
    }),
  );
  app.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_SPA.test(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.set(frameHeaders(req.path, overlayFrameAncestors));
    res.sendFile(index);
  });
  return true;
}
