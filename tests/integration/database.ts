/**
 * Which database the integration tests use. By default each test server gets SQLite in its temporary
 * DATA_DIR. With PLENUM_TEST_DATABASE_URL=postgres://… (set by `npm run test:cluster`) each gets its own
 * PostgreSQL schema instead, named after its DATA_DIR, so a restart on the same DATA_DIR finds the same
 * data, and dropped when the test server is removed.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';

export const testDatabaseUrl = process.env.PLENUM_TEST_DATABASE_URL?.trim() || null;

export function schemaFor(dataDir: string): string {
  return `plenum_t_${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`;
}

/** Environment for a server on this DATA_DIR: nothing (SQLite in DATA_DIR) or DATABASE_URL + PG_SCHEMA. */
export function databaseEnv(dataDir: string): Record<string, string> {
  return testDatabaseUrl ? { DATABASE_URL: testDatabaseUrl, PG_SCHEMA: schemaFor(dataDir), PG_POOL_SIZE: '4' } : {};
}

/** Drops the schema of this DATA_DIR (PostgreSQL mode); nothing to do with SQLite (the folder goes). */
export async function dropDatabase(dataDir: string): Promise<void> {
  if (!testDatabaseUrl) return;
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schemaFor(dataDir)}" CASCADE`);
  } finally {
    await client.end();
  }
}
