/**
 * `0003_breakouts_plan_settings` moved from the kernel's migration list into the breakouts module under the
 * same name. A database that ran it under the kernel list opens (server and CLI path) without running it
 * again and keeps its plan settings; a fresh database gets it from the module, not from openDatabase.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from '../../server/app.js';
import { breakoutMigrations } from '../../server/breakouts/migrations.js';
import { loadConfig } from '../../server/config.js';
import { openDatabase } from '../../server/db/connect.js';
import { migrateToLatest } from '../../server/db/migrations.js';
import { ORGANIZER, api, connect, cookieFrom, createEvent, type TestServer } from './helpers.js';

const NAME = '0003_breakouts_plan_settings';
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plenum-mig-'));
  dirs.push(dir);
  return dir;
}

function ledger(file: string): Map<string, string> {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const rows = db.prepare('select name, timestamp from kysely_migration').all() as { name: string; timestamp: string }[];
    return new Map(rows.map((r) => [r.name, r.timestamp]));
  } finally {
    db.close();
  }
}

function hasTable(file: string, table: string): boolean {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(table) !== undefined;
  } finally {
    db.close();
  }
}

async function startOn(dataDir: string): Promise<TestServer> {
  const server = await createServer(loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), { presenceFlushMs: 20 });
  return { url: server.url, dataDir, server, close: () => server.close() };
}

describe('the plan settings migration belongs to breakouts', () => {
  it('a database that ran it under the kernel list opens (CLI path and server) without running it again', async () => {
    const dir = tempDir();
    const file = join(dir, 'plenum.db');
    // The old kernel list: its two migrations and 0003 in one run, before any feature migration.
    const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new BetterSqlite3(file) }) });
    const ran = await migrateToLatest(old, breakoutMigrations);
    expect(ran.results?.map((r) => r.migrationName)).toContain(NAME);
    await old.destroy();
    const before = ledger(file).get(NAME);
    expect(before).toBeDefined();

    // openDatabase is what the CLI runs: the kernel's list only, which no longer names 0003.
    const cli = await openDatabase({ databaseUrl: `sqlite:${file}` });
    await cli.close();
    expect(ledger(file).get(NAME)).toBe(before);

    // The whole server with the modules: 0003 is known again and recorded as done, so it does not run.
    const t = await startOn(dir);
    try {
      const setup = /token=([\w-]+)/.exec(t.server.setupLink!)![1];
      const cookie = cookieFrom(await api(t.url, '/api/setup', { body: { token: setup, ...ORGANIZER } }));
      const ev = await createEvent(t, cookie);
      const fac = await connect(t, { code: ev.code, token: ev.tokens.facilitator });
      const settings = {
        shape: 'size' as const, count: '4', mode: 'mix' as const, spread: '', capacity: '', rounds: '1', minutes: '15',
        names: '', topics: 'Wasser', videoTemplate: '', apart: [], together: [], includeAbsent: true,
      };
      await fac.ok('breakouts:planSettings', { settings });
      expect((await fac.snapshot()).breakouts.planSettings).toEqual(settings);
      fac.close();
    } finally {
      await t.close();
    }
    const after = ledger(file);
    expect(after.get(NAME)).toBe(before);
    // Renaming it would run it a second time (and a non-idempotent successor would fail): one name only.
    expect([...after.keys()].filter((n) => n.includes('plan_settings'))).toEqual([NAME]);

    // Once more after the modules ran their migrations: the CLI path still opens, the settings are there.
    const again = await openDatabase({ databaseUrl: `sqlite:${file}` });
    const rows = await again.db.selectFrom('breakout_plan_settings').select('settings').execute();
    await again.close();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.settings)).toMatchObject({ topics: 'Wasser' });
  });

  it('a fresh database gets it from the module, not from openDatabase', async () => {
    const kernelOnly = join(tempDir(), 'plenum.db');
    const db = await openDatabase({ databaseUrl: `sqlite:${kernelOnly}` });
    await db.close();
    expect(hasTable(kernelOnly, 'breakout_plan_settings')).toBe(false);
    expect(ledger(kernelOnly).has(NAME)).toBe(false);

    const dir = tempDir();
    const t = await startOn(dir);
    await t.close();
    const file = join(dir, 'plenum.db');
    expect(hasTable(file, 'breakout_plan_settings')).toBe(true);
    expect(ledger(file).has(NAME)).toBe(true);
  });
});
