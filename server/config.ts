/**
 * Runtime configuration, read once from the environment. Every variable Plenum understands:
 *
 *   PORT                 HTTP port (default 3000; 0 picks a free port, the log line shows which)
 *   HOST                 interface to bind (default: all interfaces)
 *   DATA_DIR             folder for the database and other data (default ./data)
 *   DATABASE_URL         where the data lives (default sqlite:<DATA_DIR>/plenum.db); only sqlite: URLs today
 *   PUBLIC_URL           base of the absolute links Plenum hands out, e.g. https://plenum.example.org
 *                        (default: taken from the Host header of each request)
 *   TRUST_PROXY          Express "trust proxy" setting when Plenum runs behind a reverse proxy, e.g. 1 or
 *                        loopback (default: off); needed for per-IP login limits and https detection
 *   LOG_LEVEL            pino level: fatal, error, warn, info, debug, trace or silent (default info)
 *   JOIN_LIMIT_PER_MINUTE  attendees that may join per minute from one IP address (default 3000; a venue's
 *                        attendees share one address)
 *   ATTENDEE_TICK_MS     the attendees' cadence: public deltas of one tick go out as one message (default 100;
 *                        0 sends each at once)
 *   METRICS_TOKEN        bearer token for GET /metrics (unset: /metrics answers only requests from this machine)
 *   SQLITE_SYNCHRONOUS   NORMAL (default: in WAL mode a committed write survives a killed process) or FULL
 *                        (also survives power loss, at the price of an fsync per commit)
 */
import { resolve } from 'node:path';

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
  /** Joins per minute and IP address (people's `join` bucket). */
  joinLimitPerMinute: number;
  /** Bearer token of GET /metrics; null: loopback only. */
  metricsToken: string | null;
  /** The attendees' cadence in ms (Delivery); 0: no tick. */
  attendeeTickMs: number;
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

  const tickText = nonEmpty(env.ATTENDEE_TICK_MS) ?? '100';
  const attendeeTickMs = Number(tickText);
  if (!Number.isInteger(attendeeTickMs) || attendeeTickMs < 0 || attendeeTickMs > 2000) {
    throw new ConfigError(`ATTENDEE_TICK_MS must be a whole number of milliseconds from 0 to 2000, got "${tickText}"`);
  }

  return {
    port,
    host: nonEmpty(env.HOST),
    dataDir,
    databaseUrl,
    publicUrl,
    trustProxy: nonEmpty(env.TRUST_PROXY) ?? null,
    logLevel,
    sqliteSynchronous: sync,
    joinLimitPerMinute,
    metricsToken: nonEmpty(env.METRICS_TOKEN) ?? null,
    attendeeTickMs,
  };
}
