/**
 * Backups. SQLite: the online backup API copies a consistent snapshot while the server runs (it restarts
 * the copy when a write lands in between), and a restore copies a checked backup into a data folder. PostgreSQL:
 * the standard tools, pg_dump and pg_restore, in custom format; this file only builds their command lines.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

export class BackupError extends Error {}

export interface DatabaseSummary {
  events: number;
  questions: number;
  migrations: number;
}

/** Opens a file read-only and checks that it is an intact Plenum database; returns what it holds. */
export function inspectSqlite(path: string): DatabaseSummary {
  if (!existsSync(path) || !statSync(path).isFile()) throw new BackupError(`${path}: no such file`);
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new BackupError(`${path}: not an SQLite database (${err instanceof Error ? err.message : String(err)})`);
  }
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`${path}: damaged (${String(check)})`);
    const tables = new Set((db.prepare("select name from sqlite_master where type = 'table'").all() as Array<{ name: string }>).map((r) => r.name));
    for (const needed of ['kysely_migration', 'events', 'organizers']) {
      if (!tables.has(needed)) throw new BackupError(`${path}: not a Plenum database (no ${needed} table)`);
    }
    const count = (table: string) => (tables.has(table) ? (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n : 0);
    return { events: count('events'), questions: count('questions'), migrations: count('kysely_migration') };
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`${path}: not a Plenum database (${err instanceof Error ? err.message : String(err)})`);
  } finally {
    db.close();
  }
}

/** A consistent copy of the live database at `source` into `out` (which must not exist yet). */
export async function backupSqlite(source: string, out: string): Promise<DatabaseSummary> {
  if (!existsSync(source)) throw new BackupError(`${source}: no database here (check DATA_DIR / DATABASE_URL)`);
  if (existsSync(out)) throw new BackupError(`${out} exists already; choose a new file name`);
  const db = new BetterSqlite3(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(out);
  } finally {
    db.close();
  }
  return inspectSqlite(out);
}

/**
 * Replaces the database at `target` by the backup `file`. Refuses a damaged or foreign file, and a target that
 * holds events unless `force` (the server must be stopped: a running server keeps the old file open).
 */
export async function restoreSqlite(file: string, target: string, force: boolean): Promise<DatabaseSummary> {
  const summary = inspectSqlite(file);
  if (existsSync(target)) {
    let existing: DatabaseSummary | null = null;
    try {
      existing = inspectSqlite(target);
    } catch {
      existing = null; // an empty or foreign file at the target: replaced only with force as well
    }
    if (!force) {
      const what = existing ? `holds ${existing.events} event(s)` : 'exists';
      throw new BackupError(`${target} ${what}; stop the server and pass --force to replace it`);
    }
    for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true });
  }
  const source = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(target);
  } finally {
    source.close();
  }
  return summary;
}

/** The PostgreSQL commands (no shell: an argument vector each). */
export function pgDumpCommand(databaseUrl: string, out: string): string[] {
  return ['pg_dump', '--format=custom', '--no-owner', `--file=${out}`, `--dbname=${databaseUrl}`];
}

export function pgRestoreCommand(databaseUrl: string, file: string, force: boolean): string[] {
  return ['pg_restore', '--no-owner', ...(force ? ['--clean', '--if-exists'] : []), '--exit-on-error', `--dbname=${databaseUrl}`, file];
}
