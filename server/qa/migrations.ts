/** The Q&A module's own migrations (the questions table itself is in the kernel's 0001_initial). */
import { sql, type Kysely, type Migration } from 'kysely';

export const qaMigrations: Record<string, Migration> = {
  /** Issue 10: where a question came from, merged duplicates, and the REST import's idempotency key. */
  '20261130_qa_sources': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('questions').addColumn('source', 'varchar(16)', (c) => c.notNull().defaultTo('plenum')).execute();
      await db.schema.alterTable('questions').addColumn('source_label', 'varchar(40)').execute();
      await db.schema.alterTable('questions').addColumn('merged_into', 'varchar(64)').execute();
      await db.schema.alterTable('questions').addColumn('import_key', 'varchar(200)').execute();
      // NULLs do not collide in a unique index (SQLite and PostgreSQL): only imports carry a key.
      await db.schema.createIndex('questions_import_key').unique().on('questions').columns(['event_id', 'import_key']).execute();
    },
    async down(db: Kysely<unknown>) {
      await sql`DROP INDEX IF EXISTS questions_import_key`.execute(db);
    },
  },
};
