/**
 * Schema migrations, kept in code (a file-based provider is awkward under tsx and bundlers). Never edit
 * one that has shipped. Only the portable schema builder is used, so the same migrations run on PostgreSQL.
 *
 * The two below are history: they predate feature modules and create the tables of several features.
 * New tables come with their feature: `FeatureModule.migrations`, named `YYYYMMDD_<feature>_<what>` (they
 * sort after these; unordered runs are allowed, so a feature added later still gets its migrations).
 */
import { newToken } from '../auth/tokens.js';
import { Migrator, PostgresAdapter, sql, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';

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
  '0002_breakouts': {
    async up(db: Kysely<unknown>) {
      // Attendees: answers to the organizer's fields, and roster entries (invited with a personal link).
      await db.schema.alterTable('attendees').addColumn('attributes', 'text', (c) => c.notNull().defaultTo('{}')).execute();
      await db.schema.alterTable('attendees').addColumn('email', 'varchar(200)').execute();
      await db.schema.alterTable('attendees').addColumn('invited', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      // The invite token in plain text, so the roster can show the links again (a capability like the role links).
      await db.schema.alterTable('attendees').addColumn('invite_token', 'varchar(64)').execute();

      await db.schema
        .createTable('breakout_rounds')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('event_id', 'varchar(64)', (c) => c.notNull().references('events.id').onDelete('cascade'))
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('status', 'varchar(12)', (c) => c.notNull())
        .addColumn('mode', 'varchar(12)', (c) => c.notNull())
        .addColumn('duration_sec', 'integer', (c) => c.notNull())
        .addColumn('started_at', 'varchar(40)')
        .addColumn('ends_at', 'varchar(40)')
        .addColumn('closing_ends_at', 'varchar(40)')
        .addColumn('closed_at', 'varchar(40)')
        .addColumn('show_results', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('report', 'text')
        .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('breakout_rounds_event').on('breakout_rounds').columns(['event_id', 'number']).execute();
      await db.schema.createIndex('breakout_rounds_status').on('breakout_rounds').column('status').execute();

      await db.schema
        .createTable('breakout_groups')
        .addColumn('round_id', 'varchar(64)', (c) => c.notNull().references('breakout_rounds.id').onDelete('cascade'))
        .addColumn('group_index', 'integer', (c) => c.notNull())
        .addColumn('name', 'varchar(60)', (c) => c.notNull())
        .addColumn('topic', 'varchar(200)', (c) => c.notNull().defaultTo(''))
        .addColumn('video_url', 'varchar(500)')
        .addColumn('capacity', 'integer')
        .addColumn('result', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('result_version', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('breakout_groups_pk', ['round_id', 'group_index'])
        .execute();

      await db.schema
        .createTable('breakout_members')
        .addColumn('round_id', 'varchar(64)', (c) => c.notNull().references('breakout_rounds.id').onDelete('cascade'))
        .addColumn('attendee_id', 'varchar(64)', (c) => c.notNull().references('attendees.id').onDelete('cascade'))
        .addColumn('group_index', 'integer', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('breakout_members_pk', ['round_id', 'attendee_id'])
        .execute();
      await db.schema.createIndex('breakout_members_attendee').on('breakout_members').column('attendee_id').execute();

      // Every accepted version of a result: the base of the three-way merge for edits made on older text.
      await db.schema
        .createTable('breakout_result_versions')
        .addColumn('round_id', 'varchar(64)', (c) => c.notNull().references('breakout_rounds.id').onDelete('cascade'))
        .addColumn('group_index', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('author_id', 'varchar(64)')
        .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
        .addPrimaryKeyConstraint('breakout_result_versions_pk', ['round_id', 'group_index', 'version'])
        .execute();

      await db.schema
        .createTable('breakout_messages')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('round_id', 'varchar(64)', (c) => c.notNull().references('breakout_rounds.id').onDelete('cascade'))
        .addColumn('text', 'varchar(500)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('breakout_messages_round').on('breakout_messages').columns(['round_id', 'created_at']).execute();

      await db.schema
        .createTable('breakout_help')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('event_id', 'varchar(64)', (c) => c.notNull().references('events.id').onDelete('cascade'))
        .addColumn('round_id', 'varchar(64)', (c) => c.notNull().references('breakout_rounds.id').onDelete('cascade'))
        .addColumn('group_index', 'integer', (c) => c.notNull())
        .addColumn('attendee_id', 'varchar(64)', (c) => c.notNull().references('attendees.id').onDelete('cascade'))
        .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('resolved_at', 'varchar(40)')
        .execute();
      await db.schema.createIndex('breakout_help_event').on('breakout_help').column('event_id').execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['breakout_help', 'breakout_messages', 'breakout_result_versions', 'breakout_members', 'breakout_groups', 'breakout_rounds']) {
        await db.schema.dropTable(table).ifExists().execute();
      }
      for (const column of ['invite_token', 'invited', 'email', 'attributes']) {
        await db.schema.alterTable('attendees').dropColumn(column).execute();
      }
    },
  },
  // A kernel migration: the speaker link is a capability of the event row, like the other role links.
  '0004_speaker_link': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('events').addColumn('speaker_token', 'varchar(64)').execute();
      const events = db as unknown as Kysely<{ events: { id: string; speaker_token: string | null } }>;
      const rows = await events.selectFrom('events').select('id').execute();
      for (const row of rows) await events.updateTable('events').set({ speaker_token: newToken() }).where('id', '=', row.id).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('events').dropColumn('speaker_token').execute();
    },
  },
  // When an event last changed (every seq bump sets it): its end, for the retention rule (RETENTION_DAYS).
  '0005_event_last_active': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('events').addColumn('last_active_at', 'varchar(40)').execute();
      const events = db as unknown as Kysely<{ events: { last_active_at: string | null; created_at: string } }>;
      await events.updateTable('events').set((eb) => ({ last_active_at: eb.ref('created_at') })).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('events').dropColumn('last_active_at').execute();
    },
  },
  // The first-run setup token lives in the database, so every node of a cluster accepts the same link
  // and only one request can use it (an atomic DELETE claims it).
  '0004_setup_token': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('setup_tokens')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('token', 'varchar(64)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('setup_tokens').ifExists().execute();
    },
  },
};

class InCodeMigrationProvider implements MigrationProvider {
  constructor(private readonly all: Record<string, Migration>) {}
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(this.all);
  }
}

/**
 * Brings the schema to the latest version (the kernel's migrations plus `extra`, the features'); throws
 * (with the failing migration's error) if one fails.
 */
async function executedMigrations(db: Kysely<unknown>): Promise<string[]> {
  try {
    const rows = await (db as Kysely<{ kysely_migration: { name: string } }>).selectFrom('kysely_migration').select('name').execute();
    return rows.map((r) => r.name);
  } catch {
    return []; // a new database: no migration table yet
  }
}

async function currentSchema(db: Kysely<unknown>): Promise<{ migrationTableSchema?: string }> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return {};
  const row = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
  const schema = row.rows[0]?.schema;
  return schema ? { migrationTableSchema: schema } : {};
}

export async function migrateToLatest<T>(db: Kysely<T>, extra: Record<string, Migration> = {}): Promise<MigrationResultSet> {
  for (const name of Object.keys(extra)) if (name in migrations) throw new Error(`migration ${name} is defined twice`);
  const all = { ...migrations, ...extra };
  // A process that runs without the feature modules (the CLI, openDatabase before the modules register)
  // meets migrations those modules ran earlier; Kysely refuses "missing" ones, so they stand in as done.
  for (const name of await executedMigrations(db as Kysely<unknown>)) all[name] ??= { up: async () => {} };
  const migrator = new Migrator({
    db: db as Kysely<unknown>,
    provider: new InCodeMigrationProvider(all),
    allowUnorderedMigrations: true,
    // PostgreSQL: Kysely looks for its bookkeeping tables in any schema unless told which; with PG_SCHEMA
    // (search_path) another schema's kysely_migration would be taken for ours.
    ...(await currentSchema(db as Kysely<unknown>)),
  });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error instanceof Error ? result.error : new Error(String(result.error));
  return result;
}
