/**
 * createServer(config): the whole server, listening. Used by main.ts and by the integration tests, which
 * start it on port 0 with a temporary DATA_DIR.
 */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import { openDatabase } from './db/connect.js';
import type { DB } from './db/types.js';
import { errorHandler, sendError } from './http/errors.js';
import { serveClient } from './http/static.js';
import { createLogger, type Logger } from './logger.js';

export interface CreateServerOptions {
  logger?: Logger;
}

export interface PlenumServer {
  httpServer: HttpServer;
  db: Kysely<DB>;
  url: string;
  logger: Logger;
  close(): Promise<void>;
}

export async function createServer(config: Config, options: CreateServerOptions = {}): Promise<PlenumServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, sqliteSynchronous: config.sqliteSynchronous });
  const { db } = database;

  const app = express();
  app.disable('x-powered-by');
  if (config.trustProxy) app.set('trust proxy', /^\d+$/.test(config.trustProxy) ? Number(config.trustProxy) : config.trustProxy);
  app.use((_req, res, next) => {
    // Capability tokens travel in URLs: never leak them through the Referer header.
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.use('/api', (_req, res) => sendError(res, { code: 'not_found', message: 'no such endpoint' }));
  serveClient(app);
  app.use(errorHandler(logger));

  const httpServer = createHttpServer(app);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://localhost:${port}`;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
      await database.close();
    })());

  return { httpServer, db, url, logger, close };
}
