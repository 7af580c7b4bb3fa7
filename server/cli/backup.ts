/**
 * `npm run cli -- backup --out FILE` and `npm run cli -- restore FILE [--force]`, for the database named by
 * DATA_DIR / DATABASE_URL. A backup may be taken while the server runs; a restore wants it stopped.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase, parseDatabaseUrl } from '../db/connect.js';
import { BackupError, backupSqlite, pgDumpCommand, pgRestoreCommand, restoreSqlite, type DatabaseSummary } from '../db/backup.js';

const usage = `usage: npm run cli -- backup --out FILE
       npm run cli -- restore FILE [--force]
  backup:  a consistent copy of the database while the server runs (SQLite online backup; PostgreSQL: pg_dump -Fc)
  restore: replaces the database by FILE (stop the server first; --force when the database holds data);
           the schema is then brought up to date. Uses DATA_DIR / DATABASE_URL like the server.`;

function sqlitePath(databaseUrl: string): string {
  const parsed = parseDatabaseUrl(databaseUrl);
  if (parsed.dialect !== 'sqlite') throw new BackupError('not an SQLite database URL');
  return parsed.path;
}

function describe(s: DatabaseSummary): string {
  return `${s.events} event(s), ${s.questions} question(s), schema version ${s.migrations}`;
}

function runTool(argv: string[]): number {
  const [cmd, ...args] = argv;
  const result = spawnSync(cmd!, args, { stdio: 'inherit' });
  if (result.error) {
    console.error(`${cmd} could not be started (${result.error.message}); install the PostgreSQL client tools`);
    return 1;
  }
  return result.status ?? 1;
}

export async function run(argv: string[], env: NodeJS.ProcessEnv = process.env, command = 'backup'): Promise<number> {
  let values: { out?: string; force?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: { out: { type: 'string' }, force: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : err}\n${usage}`);
    return 2;
  }
  const config = loadConfig(env);
  const isPg = /^postgres(ql)?:/i.test(config.databaseUrl);
  try {
    if (command === 'backup') {
      if (!values.out || positionals.length > 0) {
        console.error(usage);
        return 2;
      }
      const out = resolve(values.out);
      if (isPg) return runTool(pgDumpCommand(config.databaseUrl, out));
      mkdirSync(dirname(out), { recursive: true });
      const summary = await backupSqlite(sqlitePath(config.databaseUrl), out);
      console.log(`backup written to ${out}: ${describe(summary)}`);
      return 0;
    }
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0 || values.out) {
      console.error(usage);
      return 2;
    }
    if (isPg) return runTool(pgRestoreCommand(config.databaseUrl, resolve(file), values.force ?? false));
    const target = sqlitePath(config.databaseUrl);
    mkdirSync(dirname(target), { recursive: true });
    const summary = await restoreSqlite(resolve(file), target, values.force ?? false);
    // Opening it runs the kernel's newer migrations on an older backup now (the features' run at the next start).
    const database = await openDatabase({ databaseUrl: config.databaseUrl, sqliteSynchronous: config.sqliteSynchronous });
    await database.close();
    console.log(`restored ${resolve(file)} into ${target}: ${describe(summary)}`);
    return 0;
  } catch (err) {
    if (err instanceof BackupError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
}
