/**
 * Schema migrations, kept in code (a file-based provider is awkward under tsx and bundlers). Append new
 * migrations with a larger key; never edit one that has shipped. Only the portable schema builder is
 * used, so the same migrations run on PostgreSQL.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';

const migrations: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('organizers')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('email', 'varchar(200)', (c) => c.notNull().unique())
        .addColumn('password_hash', 'varchar(255)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('organizer_id', 'varchar(64)', (c) => c.notNull().references('organizers.id').onDelete('cascade'))
        .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('expires_at', 'varchar(40)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_organizer').on('sessions').column('organizer_id').execute();

      await db.schema
        .createTable('events')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('code', 'varchar(6)', (c) => c.notNull().unique())
        .addColumn('title', 'varchar(200)', (c) => c.notNull())
        .addColumn('format', 'varchar(20)', (c) => c.notNull())
        .addColumn('language', 'varchar(5)', (c) => c.notNull())
        .addColumn('starts_at', 'varchar(40)')
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('moderator_token', 'varchar(64)', (c) => c.notNull())
        .addColumn('facilitator_token', 'varchar(64)', (c) => c.notNull())
        .addColumn('stage_token', 'varchar(64)', (c) => c.notNull())
        .addColumn('created_by', 'varchar(64)', (c) => c.references('organizers.id').onDelete('set null'))
        .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('attendees')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('event_id', 'varchar(64)', (c) => c.notNull().references('events.id').onDelete('cascade'))
        .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('name', 'varchar(60)')
        .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('attendees_event').on('attendees').column('event_id').execute();

      await db.schema
        .createTable('questions')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('event_id', 'varchar(64)', (c) => c.notNull().references('events.id').onDelete('cascade'))
        .addColumn('author_id', 'varchar(64)', (c) => c.notNull().references('attendees.id').onDelete('cascade'))
        .addColumn('author_name', 'varchar(60)')
        .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('state', 'varchar(12)', (c) => c.notNull())
        .addColumn('votes', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('labels', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('reply', 'text')
        .addColumn('starred', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('flagged_words', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('queue_pos', 'integer')
        .addColumn('highlighted', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('answered_at', 'varchar(40)')
        .execute();
      await db.schema.createIndex('questions_event_state').on('questions').columns(['event_id', 'state']).execute();
      await db.schema.createIndex('questions_author').on('questions').column('author_id').execute();

      await db.schema
        .createTable('votes')
        .addColumn('question_id', 'varchar(64)', (c) => c.notNull().references('questions.id').onDelete('cascade'))
        .addColumn('attendee_id', 'varchar(64)', (c) => c.notNull().references('attendees.id').onDelete('cascade'))
        .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
        .addPrimaryKeyConstraint('votes_pk', ['question_id', 'attendee_id'])
        .execute();
      await db.schema.createIndex('votes_attendee').on('votes').column('attendee_id').execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['votes', 'questions', 'attendees', 'events', 'sessions', 'organizers']) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  },
};

class InCodeMigrationProvider implements MigrationProvider {
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(migrations);
  }
}

/** Brings the schema to the latest version; throws (with the failing migration's error) if one fails. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: new InCodeMigrationProvider() });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error instanceof Error ? result.error : new Error(String(result.error));
  return result;
}
