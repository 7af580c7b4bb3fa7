/** The Q&A module's own migrations (the questions table itself is in the kernel's 0001_initial). */
import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

/**
 * Imported questions (YouTube chat, REST) have no attendee: author_id becomes nullable (the reference to
 * attendees stays for everyone else). PostgreSQL can drop a NOT NULL in place; SQLite needs the table
 * rebuilt — with foreign keys off, or dropping the old table would cascade into the votes. SQLite runs
 * migrations outside a transaction (no transactional DDL in Kysely's adapter), so the pragma applies.
 */
async function authorIdNullable(db: Kysely<unknown>): Promise<void> {
  // Asked of the adapter, not by a failing probe: PostgreSQL runs migrations in a transaction, which a
  // failed query would abort.
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`ALTER TABLE questions ALTER COLUMN author_id DROP NOT NULL`.execute(db);
    return;
  }
  const table = await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'questions'`.execute(db);
  const ddl = table.rows[0]?.sql;
  if (!ddl) throw new Error('questions table missing');
  const indexes = await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'questions' AND sql IS NOT NULL`.execute(db);
  const nullable = ddl.replace(/("author_id"\s+varchar\(64\))\s+not null/i, '$1');
  if (nullable === ddl) throw new Error('questions.author_id: unexpected DDL, cannot make it nullable');
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    await sql.raw(nullable.replace(/^create table "?questions"?/i, 'CREATE TABLE "questions_new"')).execute(db);
    await sql`INSERT INTO questions_new SELECT * FROM questions`.execute(db);
    await sql`DROP TABLE questions`.execute(db);
    await sql`ALTER TABLE questions_new RENAME TO questions`.execute(db);
    for (const { sql: index } of indexes.rows) await sql.raw(index).execute(db);
    const broken = await sql`PRAGMA foreign_key_check`.execute(db);
    if (broken.rows.length) throw new Error(`foreign keys broken after rebuilding questions: ${JSON.stringify(broken.rows.slice(0, 3))}`);
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}

export const qaMigrations: Record<string, Migration> = {
  /** Issue 12: a burst of new identities voting for one question is flagged to moderators. */
  '20261201_qa_vote_alert': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('questions').addColumn('vote_alert', 'text').execute();
      await db.schema.alterTable('questions').addColumn('vote_alert_cleared', 'varchar(40)').execute();
    },
  },
  /** Issue 10: where a question came from, merged duplicates, and the REST import's idempotency key. */
  '20261130_qa_sources': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('questions').addColumn('source', 'varchar(16)', (c) => c.notNull().defaultTo('plenum')).execute();
      await db.schema.alterTable('questions').addColumn('source_label', 'varchar(40)').execute();
      await db.schema.alterTable('questions').addColumn('merged_into', 'varchar(64)').execute();
      await db.schema.alterTable('questions').addColumn('import_key', 'varchar(200)').execute();
      /** The source's own author id (a YouTube channel id) of an imported question; author_id is null then. */
      await db.schema.alterTable('questions').addColumn('external_author', 'varchar(200)').execute();
      await authorIdNullable(db);
      // NULLs do not collide in a unique index (SQLite and PostgreSQL): only imports carry a key.
      await db.schema.createIndex('questions_import_key').unique().on('questions').columns(['event_id', 'import_key']).execute();
    },
  },
  /**
   * Questions withdrawn before withdrawing erased them (docs/privacy.md) still held their text and author:
   * overwrite them with the tombstone now, and delete their vote rows.
   */
  '20261201_qa_erase_withdrawn': {
    async up(db: Kysely<unknown>) {
      await sql`DELETE FROM votes WHERE question_id IN (SELECT id FROM questions WHERE state = 'withdrawn')`.execute(db);
      await sql`UPDATE questions SET text = '', author_id = NULL, author_name = NULL, external_author = NULL, anonymous = 1, votes = 0,
        labels = '[]', reply = NULL, starred = 0, flagged_words = '[]', queue_pos = NULL, highlighted = 0, answered_at = NULL, merged_into = NULL
        WHERE state = 'withdrawn'`.execute(db);
    },
  },
};
