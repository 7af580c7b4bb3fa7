/**
 * Opens the database named by DATABASE_URL: SQLite (better-sqlite3) or PostgreSQL (pg). Everything above
 * this file sees only Kysely<DB>; the few places that must know the dialect ask `dialectOf(db)`.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import pg from 'pg';
import type { SqliteSynchronous } from '../config.js';
import type { DB } from './types.js';
import { migrateToLatest } from './migrations.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl: string;
  sqliteSynchronous?: SqliteSynchronous;
  /** PostgreSQL only: the schema Plenum's tables live in (created if missing; default: the server's search_path). */
  pgSchema?: string | null;
  /** PostgreSQL only: connections per node (default 10). */
  pgPoolSize?: number;
}

/** Which SQL dialect a Kysely instance (or a transaction of it) speaks. */
export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** A PostgreSQL identifier Plenum accepts as PG_SCHEMA (no quoting games). */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** `sqlite:/abs/path.db`, `sqlite:relative.db`, `sqlite://…`, `sqlite::memory:` or `postgres://…`. */
export function parseDatabaseUrl(url: string): { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string } {
  const match = /^sqlite:(.*)$/i.exec(url);
  if (match) {
    let path = match[1] ?? '';
    if (path.startsWith('//')) path = path.slice(2);
    if (!path) throw new Error('DATABASE_URL sqlite: needs a file path');
    return { dialect: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
  }
  if (/^postgres(ql)?:\/\//i.test(url)) return { dialect: 'postgres', url };
  throw new Error(`unsupported DATABASE_URL "${url}"`);
}

/**
 * Kysely prepares every query anew; better-sqlite3 statements can be reused, so keep a bounded cache keyed
 * by SQL text. Safe because Kysely runs each statement to completion (all/run) before the next one.
 */
function withStatementCache(database: BetterSqlite3.Database, limit = 500): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      let statement = cache.get(sql);
      if (!statement) {
        if (cache.size >= limit) cache.clear();
        statement = database.prepare(sql) as unknown as SqliteStatement;
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const parsed = parseDatabaseUrl(options.databaseUrl);
  if (parsed.dialect === 'postgres') return openPostgres(parsed.url, options);
  const { path } = parsed;
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  // WAL + NORMAL: a commit is in the WAL before the ack, so a killed process loses nothing acknowledged.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${options.sqliteSynchronous ?? 'NORMAL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  try {
    await migrateToLatest(db);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * PostgreSQL: a pg Pool behind Kysely's PostgresDialect. COUNT(*) is a bigint, which pg hands out as a
 * string; the counts Plenum reads are small, so this pool parses int8 as a number (no global type parser:
 * the pool's own `types`). With a schema, every connection's search_path is that schema, so the same
 * unqualified SQL runs unchanged; migrations keep their bookkeeping tables there too.
 */
async function openPostgres(url: string, options: DatabaseOptions): Promise<Database> {
  const schema = options.pgSchema ?? null;
  if (schema !== null && !SCHEMA_NAME.test(schema)) throw new Error(`PG_SCHEMA must match ${SCHEMA_NAME}, got "${schema}"`);
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === pg.types.builtins.INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({
    connectionString: url,
    max: options.pgPoolSize ?? 10,
    types,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client that loses its connection (PostgreSQL restarted) must not crash the process.
  pool.on('error', () => {});
  if (schema) {
    const client = await pool.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    } finally {
      client.release();
    }
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
