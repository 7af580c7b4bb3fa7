/** The polls module's own migrations (docs/architecture.md: `YYYYMMDD_<feature>_<what>`; never edit a shipped one). */
import type { Kysely, Migration } from 'kysely';

export const pollsMigrations: Record<string, Migration> = {
  '20261130_polls_tables': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('polls')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('event_id', 'varchar(64)', (c) => c.notNull().references('events.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('revealed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('opened_at', 'varchar(40)')
        .addColumn('closes_at', 'varchar(40)')
        .addColumn('closed_at', 'varchar(40)')
        .addColumn('quiz', 'text')
        .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('polls_event').on('polls').columns(['event_id', 'position']).execute();

      await db.schema
        .createTable('poll_answers')
        .addColumn('id', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('poll_id', 'varchar(64)', (c) => c.notNull().references('polls.id').onDelete('cascade'))
        .addColumn('event_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('attendee_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('name', 'varchar(200)')
        .addColumn('answer', 'text', (c) => c.notNull())
        .addColumn('answered_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('open_state', 'varchar(16)')
        .addPrimaryKeyConstraint('poll_answers_pk', ['poll_id', 'attendee_id'])
        .execute();

      await db.schema
        .createTable('poll_quiz_answers')
        .addColumn('poll_id', 'varchar(64)', (c) => c.notNull().references('polls.id').onDelete('cascade'))
        .addColumn('attendee_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('question_id', 'varchar(16)', (c) => c.notNull())
        .addColumn('option_ids', 'text', (c) => c.notNull())
        .addColumn('correct', 'integer', (c) => c.notNull())
        .addColumn('points', 'integer', (c) => c.notNull())
        .addColumn('answered_at', 'varchar(40)', (c) => c.notNull())
        .addPrimaryKeyConstraint('poll_quiz_answers_pk', ['poll_id', 'attendee_id', 'question_id'])
        .execute();

      await db.schema
        .createTable('poll_quiz_players')
        .addColumn('poll_id', 'varchar(64)', (c) => c.notNull().references('polls.id').onDelete('cascade'))
        .addColumn('attendee_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('nickname', 'varchar(64)', (c) => c.notNull())
        .addPrimaryKeyConstraint('poll_quiz_players_pk', ['poll_id', 'attendee_id'])
        .execute();

      await db.schema
        .createTable('poll_events')
        .addColumn('event_id', 'varchar(64)', (c) => c.primaryKey().references('events.id').onDelete('cascade'))
        .addColumn('presented_id', 'varchar(64)')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ['poll_events', 'poll_quiz_players', 'poll_quiz_answers', 'poll_answers', 'polls']) await db.schema.dropTable(t).execute();
    },
  },
};
