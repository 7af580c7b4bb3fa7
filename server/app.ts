/**
 * createServer(config): the whole server, listening. Used by main.ts and by the integration tests, which
 * start it on port 0 with a temporary DATA_DIR.
 */
import { API_POLICY, securityHeaders } from './http/security-headers.js';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Kysely } from 'kysely';
import { Server as SocketServer } from 'socket.io';
import { authRoutes } from './auth/routes.js';
import { handshakeMiddleware } from './auth/handshake.js';
import { SetupGate, setupLink } from './auth/setup.js';
import type { LinkRole } from '../shared/kernel/roles.js';
import type { Config } from './config.js';
import { openDatabase } from './db/connect.js';
import type { DB } from './db/types.js';
import { createKernelHandlers } from './events/handlers.js';
import { eventRoutes } from './events/routes.js';
import { joinRoutes } from './events/join-routes.js';
import { createFeatures } from './features.js';
import { sameOriginWrites } from './http/origin.js';
import { FloodGuard } from './kernel/flood.js';
import { deleteExpiredEvents } from './events/retention.js';
import { errorHandler, sendError } from './http/errors.js';
import { metricsRoute } from './http/metrics.js';
import { serveClient } from './http/static.js';
import { onConnection } from './kernel/connection.js';
import type { KernelOptions } from './kernel/feature.js';
import pg from 'pg';
import { Leadership, REARM_EVERY_MS } from './kernel/cluster.js';
import { createKernel, type RunningKernel } from './kernel/kernel.js';
import { attachRedisAdapter, type RedisLink } from './kernel/redis.js';
import type { PlenumIO } from './kernel/socket-types.js';
import { createLogger, type Logger } from './logger.js';

export interface CreateServerOptions extends KernelOptions {
  logger?: Logger;
  /** Milliseconds between vote-count flushes per event (default 100); short for `windows.votes`. */
  voteFlushMs?: number;
  /** Milliseconds between presence flushes per event (default 500); short for `windows.presence`. */
  presenceFlushMs?: number;
  /** The kernel's clock (tests: identities that joined "long ago"); default the system clock. */
  now?: () => Date;
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
  /** The setup link if this node created it (and printed it), else null (cluster: one node prints it). */
  printedSetupLink: string | null;
  kernel: RunningKernel;
  close(): Promise<void>;
}

/** Socket.IO refuses messages above this size (the attendee commands are far smaller). */
export const MAX_MESSAGE_BYTES = 16_000;

export async function createServer(config: Config, options: CreateServerOptions = {}): Promise<PlenumServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, sqliteSynchronous: config.sqliteSynchronous, pgSchema: config.pgSchema, pgPoolSize: config.pgPoolSize });
  const { db } = database;

  const app = express();
  const httpServer = createHttpServer(app);
  const io: PlenumIO = new SocketServer(httpServer, { maxHttpBufferSize: MAX_MESSAGE_BYTES, serveClient: false });
  let redis: RedisLink | null = null;
  if (config.redisUrl) {
    try {
      redis = await attachRedisAdapter(io, config.redisUrl, config.redisPrefix, logger);
    } catch (err) {
      await database.close();
      throw err;
    }
  }

  const windows = { ...options.windows };
  if (options.voteFlushMs !== undefined) windows.votes = options.voteFlushMs;
  if (options.presenceFlushMs !== undefined) windows.presence = options.presenceFlushMs;
  const kernel = createKernel({
    config,
    db,
    logger,
    now: options.now ?? (() => new Date()),
    options: { limits: options.limits, windows, planTimeLimitMs: options.planTimeLimitMs, env: options.env, flood: options.flood },
    io,
    shared: database.dialect === 'postgres',
    leader:
      database.dialect === 'postgres'
        ? new Leadership(
            async () => {
              const client = new pg.Client({ connectionString: config.databaseUrl });
              await client.connect();
              return client as never;
            },
            (err) => logger.warn({ err }, 'cluster: leader connection lost'),
            config.pgSchema ?? '',
          )
        : undefined,
  });
  const modules = createFeatures(kernel);
  await kernel.register(modules, createKernelHandlers(kernel));
  const setup = new SetupGate();
  const sweep = setInterval(() => kernel.limiter.sweep(Date.now()), 60_000);
  sweep.unref();
  if (redis) {
    // Other nodes drop their caches of an event as soon as this one commits to it (kernel/cluster.ts),
    // and learn of revocations so a handshake racing one is caught on every node.
    kernel.onCommitted = (eventId, seq) => io.serverSideEmit('plenum:seq' as never, eventId, seq);
    kernel.delivery.onRevoked = (eventId, role) => io.serverSideEmit('plenum:revoked' as never, eventId, role ?? null);
    io.on('plenum:seq' as never, (eventId: string, seq: number) => kernel.seqWatch.observe(eventId, seq));
    io.on('plenum:revoked' as never, (eventId: string, role: LinkRole | null) => kernel.delivery.noteRevoked(eventId, role ?? undefined));
    kernel.sharedBucket = (id, spec, now) => redis!.hit(id, spec, now);
    kernel.cluster.send = (topic, payload, from) => io.serverSideEmit('plenum:msg' as never, topic, payload, from);
    io.on('plenum:msg' as never, (topic: string, payload: unknown, from: string) => kernel.cluster.receive(topic, payload, from));
  }
  // Several nodes may share the database: every node arms every deadline (the first to fire wins the lock).
  let rearming = false;
  const rearm = kernel.shared
    ? setInterval(() => {
        if (rearming) return;
        rearming = true;
        void Promise.all(modules.map((m) => m.rearm?.()))
          .catch((err: unknown) => logger.warn({ err }, 'cluster: re-arming timers failed'))
          .finally(() => (rearming = false));
      }, REARM_EVERY_MS)
    : null;
  rearm?.unref();

  app.disable('x-powered-by');
  if (config.trustProxy) app.set('trust proxy', /^\d+$/.test(config.trustProxy) ? Number(config.trustProxy) : config.trustProxy);
  app.use(securityHeaders({ hstsMaxAge: config.hstsMaxAge }));
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/metrics', metricsRoute(kernel.metrics, config.metricsToken));
  app.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Security-Policy', API_POLICY);
    next();
  });
  app.use('/api', sameOriginWrites(config.publicUrl));
  app.use('/api', express.json({ limit: '16kb' }));
  app.use('/api', authRoutes(kernel, setup));
  app.use('/api', joinRoutes(kernel));
  // Feature routes before /api/events, whose router lets only organizers through.
  for (const m of modules) if (m.routes) app.use('/api', m.routes());
  app.use('/api', eventRoutes(kernel));
  app.use('/api', (_req, res) => sendError(res, { code: 'not_found', message: 'no such endpoint' }));
  serveClient(app, undefined, { overlayFrameAncestors: config.overlayFrameAncestors });
  app.use(errorHandler(logger));

  // A credential dropped for flooding waits out its cooldown before the handshake even starts.
  io.use((socket, next) => next(kernel.flood.coolingDown(FloodGuard.credential(socket)) > 0 ? new Error('rate_limited') : undefined));
  io.use(handshakeMiddleware(kernel));
  io.on('connection', (socket) => onConnection(kernel, socket));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://localhost:${port}`;

  // Retention: at start, before the modules re-arm (their start may commit, and a commit is activity), then hourly (docs/privacy.md).
  const retention = async () => {
    try {
      await deleteExpiredEvents(kernel, config.retentionDays);
    } catch (err) {
      logger.error({ err }, 'retention sweep failed');
    }
  };
  await retention();
  const retentionTimer = setInterval(() => void retention(), 60 * 60_000);
  retentionTimer.unref();

  for (const m of modules) await m.start?.();
  kernel.flood.start(io);

  kernel.leader.onChange((leader) => logger.info({ leader }, leader ? 'cluster: this node leads (runs the chat bridges)' : 'cluster: this node no longer leads'));
  kernel.leader.start();

  const setupToken = await setup.prepare(db);
  const link = setupToken ? setupLink(config.publicUrl ?? url, setupToken.token) : null;
  // In a cluster only the node that created the token prints it (every node accepts it).
  const printed = setupToken?.created ? link : null;
  if (printed) logger.warn({ setupLink: printed }, 'no organizer account yet: open the setup link to create one');
  else if (link) logger.info('no organizer account yet: the setup link was printed by the node that created it');

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      clearInterval(sweep);
      clearInterval(retentionTimer);
      kernel.flood.stop();
      if (rearm) clearInterval(rearm);
      kernel.stopCoalescers();
      kernel.delivery.flushAll();
      // Only this node's sockets (with the Redis adapter, io.disconnectSockets would drop the whole cluster's).
      io.local.disconnectSockets(true);
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
        httpServer.closeAllConnections();
      });
      // After the sockets are gone: their disconnects would arm presence flushes again.
      kernel.stopCoalescers();
      await kernel.leader.stop();
      for (const m of modules) await m.stop?.();
      await kernel.queues.idle();
      await redis?.close();
      await database.close();
    })());

  return { httpServer, io, db, url, logger, setupLink: link, printedSetupLink: printed, kernel, close };
}
