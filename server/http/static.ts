/** Serves the built client (dist/client) with an SPA fallback, when a build exists. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';

/** The folder holding package.json: the same from the sources (tsx) and from the compiled dist/node. */
function packageRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const CLIENT_DIST = join(packageRoot(dirname(fileURLToPath(import.meta.url))), 'dist/client');

const NOT_SPA = /^\/(api|socket\.io|healthz|metrics)(\/|$)/;

export function serveClient(app: Express, dir = CLIENT_DIST): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  // Hashed assets may be cached for long; index.html must not be, or a deploy leaves stale clients.
  app.use(
    express.static(dir, {
      index: false,
      setHeaders(res, path) {
        if (path.includes(`${join(dir, 'assets')}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_SPA.test(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
