/**
 * createServer(config): the whole server, listening. Used by main.ts and by the integration tests, which
 * start it on port 0 with a temporary DATA_DIR.
 */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Kysely } from 'kysely';
import { Server as SocketServer } from 'socket.io';
import { authRoutes } from './auth/routes.js';
import { handshakeMiddleware } from './auth/handshake.js';
import { SetupGate, setupLink } from './auth/setup.js';
import { BreakoutRuntime } from './breakouts/runtime.js';
import { rosterRoutes } from './breakouts/roster-routes.js';
import type { Config } from './config.js';
import { openDatabase } from './db/connect.js';
import type { DB } from './db/types.js';
import { bumpSeq } from './events/repository.js';
import { eventRoutes } from './events/routes.js';
import { joinRoutes } from './events/join-routes.js';
import { errorHandler, sendError } from './http/errors.js';
import { serveClient } from './http/static.js';
import { createLogger, type Logger } from './logger.js';
import { csvRoutes } from './qa/csv.js';
import type { Services } from './services.js';
import { Broadcaster } from './sync/broadcaster.js';
import { onConnection } from './sync/connection.js';
import { DEFAULT_LIMITS, RateLimiter, type BucketSpec, type LimitKind } from './sync/rate-limit.js';
import { PublicListCache } from './sync/public-cache.js';
import { SerialQueues } from './sync/serial-queue.js';
import type { PlenumIO } from './sync/socket-types.js';
import { VoteCoalescer } from './sync/vote-coalescer.js';

export interface CreateServerOptions {
  logger?: Logger;
  /** Replace rate limits (tests and benchmarks); production uses DEFAULT_LIMITS. */
  limits?: Partial<Record<LimitKind, BucketSpec>>;
  /** Milliseconds between vote-count flushes per event (default 100). */
  voteFlushMs?: number;
  /** Milliseconds between presence flushes per event (default 500). */
  presenceFlushMs?: number;
  /** Upper bound of the engine's search per plan (default: the engine's own, up to ~3.5 s); tests lower it. */
  planTimeLimitMs?: number;
}

export interface PlenumServer {
  httpServer: HttpServer;
  io: PlenumIO;
  db: Kysely<DB>;
  /** http://localhost:<port> (the real port when PORT=0). */
  url: string;
  logger: Logger;
  /** The one-time setup link while no organizer exists, else null. */
  setupLink: string | null;
  services: Services;
  close(): Promise<void>;
}

/** Socket.IO refuses messages above this size (the attendee commands are far smaller). */
export const MAX_MESSAGE_BYTES = 16_000;

export async function createServer(config: Config, options: CreateServerOptions = {}): Promise<PlenumServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, sqliteSynchronous: config.sqliteSynchronous });
  const { db } = database;

  const app = express();
  const httpServer = createHttpServer(app);
  const io: PlenumIO = new SocketServer(httpServer, { maxHttpBufferSize: MAX_MESSAGE_BYTES, serveClient: false });

  const queues = new SerialQueues();
  const broadcaster = new Broadcaster(io);
  const coalescer: VoteCoalescer = new VoteCoalescer(
    (eventId) => {
      queues
        .run(eventId, async () => {
          const counts = coalescer.take(eventId);
          if (!counts) return;
          const seq = await bumpSeq(db, eventId);
          broadcaster.publishVotes(eventId, seq, counts);
        })
        .catch((err: unknown) => logger.warn({ err, eventId }, 'vote flush failed (event deleted?)'));
    },
    undefined,
    options.voteFlushMs ?? 100,
  );
  const services: Services = {
    config,
    db,
    logger,
    now: () => new Date(),
    queues,
    broadcaster,
    coalescer,
    limiter: new RateLimiter({ ...DEFAULT_LIMITS, ...options.limits }),
    setup: new SetupGate(),
    publicLists: new PublicListCache(),
    // Needs the finished services object; it only reads it when something happens.
    breakouts: new BreakoutRuntime(() => services, { presenceFlushMs: options.presenceFlushMs, planTimeLimitMs: options.planTimeLimitMs, logger }),
  };
  const sweep = setInterval(() => services.limiter.sweep(Date.now()), 60_000);
  sweep.unref();

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
  app.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use('/api', express.json({ limit: '16kb' }));
  app.use('/api', authRoutes(services));
  app.use('/api', joinRoutes(services));
  app.use('/api', csvRoutes(services));
  app.use('/api', rosterRoutes(services));
  app.use('/api', eventRoutes(services));
  app.use('/api', (_req, res) => sendError(res, { code: 'not_found', message: 'no such endpoint' }));
  serveClient(app);
  app.use(errorHandler(logger));

  io.use(handshakeMiddleware(services));
  io.on('connection', (socket) => onConnection(services, socket));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://localhost:${port}`;

  // Rounds that were running when the server stopped continue with their original end times.
  await services.breakouts.rearm();

  const token = await services.setup.prepare(db);
  const link = token ? setupLink(config.publicUrl ?? url, token) : null;
  if (link) logger.warn({ setupLink: link }, 'no organizer account yet: open the setup link to create one');

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      clearInterval(sweep);
      coalescer.stop();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
        httpServer.closeAllConnections();
      });
      // After the sockets are gone: their disconnects would arm presence flushes again.
      await services.breakouts.stop();
      await queues.idle();
      await database.close();
    })());

  return { httpServer, io, db, url, logger, setupLink: link, services, close };
}
