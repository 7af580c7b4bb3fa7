/**
 * Runtime configuration, read once from the environment. Every variable Plenum understands:
 *
 *   PORT                 HTTP port (default 3000; 0 picks a free port, the log line shows which)
 *   HOST                 interface to bind (default: all interfaces)
 *   DATA_DIR             folder for the database and other data (default ./data)
 *   DATABASE_URL         where the data lives (default sqlite:<DATA_DIR>/plenum.db), or postgres://user@host/db
 *   PG_SCHEMA            PostgreSQL only: the schema for Plenum's tables (created if missing; default the
 *                        connection's search_path, usually public)
 *   PG_POOL_SIZE         PostgreSQL only: connections per node (default 10)
 *   REDIS_URL            redis://host:6379: cluster mode, several nodes share sockets through Redis
 *                        (Socket.IO's Redis adapter); needs a postgres DATABASE_URL
 *   REDIS_PREFIX         prefix of Plenum's Redis channels (default plenum; one per cluster sharing a Redis)
 *   PUBLIC_URL           base of the absolute links Plenum hands out, e.g. https://plenum.example.org
 *                        (default: taken from the Host header of each request)
 *   TRUST_PROXY          Express "trust proxy" setting when Plenum runs behind a reverse proxy, e.g. 1 or
 *                        loopback (default: off); needed for per-IP login limits and https detection
 *   LOG_LEVEL            pino level: fatal, error, warn, info, debug, trace or silent (default info)
 *   JOIN_LIMIT_PER_MINUTE  attendees that may join per minute from one IP address (default 3000; a venue's
 *                        attendees share one address)
 *   RETENTION_DAYS       events are deleted with all their data this many days after their end (the later
 *                        of their start and their last change; default 90; 0 keeps them until deleted by hand)
 *   ATTENDEE_TICK_MS     the attendees' cadence: public deltas of one tick go out as one message (default 100;
 *                        0 sends each at once)
 *   VOTE_WINDOW_MS       votes of one event arriving within this window are committed in one transaction and
 *                        acknowledged after it (default 100; 5 to 1000)
 *   METRICS_TOKEN        bearer token for GET /metrics (unset: /metrics answers only requests from this machine)
 *   HSTS_MAX_AGE         Strict-Transport-Security max-age in seconds (default 15552000 = 180 days when PUBLIC_URL
 *                        is https, else 0 = none)
 *   SQLITE_SYNCHRONOUS   NORMAL (default: in WAL mode a committed write survives a killed process) or FULL
 *                        (also survives power loss, at the price of an fsync per commit)
 *   OVERLAY_FRAME_ANCESTORS  who may frame the stream overlay /e/CODE/overlay: a CSP frame-ancestors source
 *                        list, e.g. 'self' https://studio.example.org (default *: any page; no other page
 *                        may be framed)
 */
import { resolve } from 'node:path';
import { DEFAULT_OVERLAY_FRAME_ANCESTORS, validFrameAncestors } from './http/frame-headers.js';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type SqliteSynchronous = 'NORMAL' | 'FULL';

export interface Config {
  port: number;
  host: string | undefined;
  dataDir: string;
  databaseUrl: string;
  publicUrl: string | null;
  trustProxy: string | null;
  logLevel: LogLevel;
  sqliteSynchronous: SqliteSynchronous;
  pgSchema: string | null;
  pgPoolSize: number;
  redisUrl: string | null;
  redisPrefix: string;
  /** Joins per minute and IP address (people's `join` bucket). */
  joinLimitPerMinute: number;
  /** frame-ancestors sources of the stream overlay. */
  overlayFrameAncestors: string;
  /** Days after an event's end before it is deleted; 0 = never automatically. */
  retentionDays: number;
  /** Bearer token of GET /metrics; null: loopback only. */
  metricsToken: string | null;
  /** The attendees' cadence in ms (Delivery); 0: no tick. */
  attendeeTickMs: number;
  /** Group commit window of votes per event (ms). */
  voteWindowMs: number;
  /** Strict-Transport-Security max-age in seconds; 0: none. */
  hstsMaxAge: number;
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export class ConfigError extends Error {}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const portText = nonEmpty(env.PORT) ?? '3000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be 0..65535, got "${portText}"`);

  const dataDir = resolve(nonEmpty(env.DATA_DIR) ?? './data');
  const databaseUrl = nonEmpty(env.DATABASE_URL) ?? `sqlite:${resolve(dataDir, 'plenum.db')}`;

  let publicUrl = nonEmpty(env.PUBLIC_URL) ?? null;
  if (publicUrl) {
    try {
      const parsed = new URL(publicUrl);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
    } catch {
      throw new ConfigError(`PUBLIC_URL must be an absolute http(s) URL, got "${publicUrl}"`);
    }
    publicUrl = publicUrl.replace(/\/+$/, '');
  }

  const logLevel = (nonEmpty(env.LOG_LEVEL) ?? 'info').toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const sync = (nonEmpty(env.SQLITE_SYNCHRONOUS) ?? 'NORMAL').toUpperCase();
  if (sync !== 'NORMAL' && sync !== 'FULL') throw new ConfigError('SQLITE_SYNCHRONOUS must be NORMAL or FULL');

  const joinText = nonEmpty(env.JOIN_LIMIT_PER_MINUTE) ?? '3000';
  const joinLimitPerMinute = Number(joinText);
  if (!Number.isInteger(joinLimitPerMinute) || joinLimitPerMinute < 1) {
    throw new ConfigError(`JOIN_LIMIT_PER_MINUTE must be a positive whole number, got "${joinText}"`);
  }

  const overlayFrameAncestors = (nonEmpty(env.OVERLAY_FRAME_ANCESTORS) ?? DEFAULT_OVERLAY_FRAME_ANCESTORS).replace(/\s+/g, ' ');
  if (!validFrameAncestors(overlayFrameAncestors)) {
    throw new ConfigError(`OVERLAY_FRAME_ANCESTORS must be a frame-ancestors source list like * or 'self' https://obs.example.org, got "${overlayFrameAncestors}"`);
  }

  const retentionText = nonEmpty(env.RETENTION_DAYS) ?? '90';
  const retentionDays = Number(retentionText);
  if (!Number.isInteger(retentionDays) || retentionDays < 0 || retentionDays > 36_500) {
    throw new ConfigError(`RETENTION_DAYS must be a whole number of days from 0 (keep) to 36500, got "${retentionText}"`);
  }

  const pgSchema = nonEmpty(env.PG_SCHEMA) ?? null;
  if (pgSchema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(pgSchema)) {
    throw new ConfigError(`PG_SCHEMA must be a lower-case identifier (a-z, 0-9, _), got "${pgSchema}"`);
  }
  const poolText = nonEmpty(env.PG_POOL_SIZE) ?? '10';
  const pgPoolSize = Number(poolText);
  if (!Number.isInteger(pgPoolSize) || pgPoolSize < 1) throw new ConfigError(`PG_POOL_SIZE must be a positive whole number, got "${poolText}"`);
  const redisUrl = nonEmpty(env.REDIS_URL) ?? null;
  if (redisUrl !== null) {
    if (!/^rediss?:\/\//i.test(redisUrl)) throw new ConfigError(`REDIS_URL must start with redis:// or rediss://, got "${redisUrl}"`);
    if (!/^postgres(ql)?:\/\//i.test(databaseUrl)) {
      throw new ConfigError('REDIS_URL (cluster mode) needs a postgres:// DATABASE_URL: nodes cannot share a SQLite file');
    }
  }

  const tickText = nonEmpty(env.ATTENDEE_TICK_MS) ?? '100';
  const attendeeTickMs = Number(tickText);
  if (!Number.isInteger(attendeeTickMs) || attendeeTickMs < 0 || attendeeTickMs > 2000) {
    throw new ConfigError(`ATTENDEE_TICK_MS must be a whole number of milliseconds from 0 to 2000, got "${tickText}"`);
  }

  const voteText = nonEmpty(env.VOTE_WINDOW_MS) ?? '100';
  const voteWindowMs = Number(voteText);
  if (!Number.isInteger(voteWindowMs) || voteWindowMs < 5 || voteWindowMs > 1000) {
    throw new ConfigError(`VOTE_WINDOW_MS must be a whole number of milliseconds from 5 to 1000, got "${voteText}"`);
  }

  // HSTS only where Plenum is known to be reached over TLS: an https PUBLIC_URL (180 days), unless set.
  const hstsText = nonEmpty(env.HSTS_MAX_AGE) ?? (publicUrl?.startsWith('https://') ? '15552000' : '0');
  const hstsMaxAge = Number(hstsText);
  if (!Number.isInteger(hstsMaxAge) || hstsMaxAge < 0) throw new ConfigError(`HSTS_MAX_AGE must be a whole number of seconds (0 = off), got "${hstsText}"`);

  return {
    port,
    pgSchema,
    pgPoolSize,
    redisUrl,
    redisPrefix: nonEmpty(env.REDIS_PREFIX) ?? 'plenum',
    host: nonEmpty(env.HOST),
    dataDir,
    databaseUrl,
    publicUrl,
    trustProxy: nonEmpty(env.TRUST_PROXY) ?? null,
    logLevel,
    sqliteSynchronous: sync,
    joinLimitPerMinute,
    overlayFrameAncestors,
    retentionDays,
    metricsToken: nonEmpty(env.METRICS_TOKEN) ?? null,
    attendeeTickMs,
    voteWindowMs,
    hstsMaxAge,
  };
}
