/**
 * Opens the database named by DATABASE_URL. Everything above this file sees only Kysely<DB>, so adding
 * PostgreSQL means adding a branch here (pg is already a dependency), not touching the domain.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import type { SqliteSynchronous } from '../config.js';
import type { DB } from './types.js';
import { migrateToLatest } from './migrations.js';

export interface Database {
  db: Kysely<DB>;
  dialect: 'sqlite';
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl: string;
  sqliteSynchronous?: SqliteSynchronous;
}

/** `sqlite:/abs/path.db`, `sqlite:relative.db`, `sqlite://…` or `sqlite::memory:`. */
export function parseDatabaseUrl(url: string): { dialect: 'sqlite'; path: string } {
  const match = /^sqlite:(.*)$/i.exec(url);
  if (match) {
    let path = match[1] ?? '';
    if (path.startsWith('//')) path = path.slice(2);
    if (!path) throw new Error('DATABASE_URL sqlite: needs a file path');
    return { dialect: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
  }
  if (/^postgres(ql)?:/i.test(url)) throw new Error('PostgreSQL is not supported yet; use a sqlite: DATABASE_URL');
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
  const { path } = parseDatabaseUrl(options.databaseUrl);
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
