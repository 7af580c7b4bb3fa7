/**
 * The breakouts module's own migrations. `0003_breakouts_plan_settings` keeps the name it shipped with in
 * the kernel's list: a database that ran it there has that name in `kysely_migration`, so it is not run
 * again (names, not lists, are what Kysely remembers). New breakouts migrations are named
 * `YYYYMMDD_breakouts_<what>` (docs/architecture.md); never edit a shipped one.
 */
import type { Kysely, Migration } from 'kysely';

export const breakoutMigrations: Record<string, Migration> = {
  '0003_breakouts_plan_settings': {
    async up(db: Kysely<unknown>) {
      // ifNotExists: a development database of the breakouts2 branch created this table under another name.
      await db.schema
        .createTable('breakout_plan_settings')
        .ifNotExists()
        .addColumn('event_id', 'varchar(64)', (c) => c.primaryKey().references('events.id').onDelete('cascade'))
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('breakout_plan_settings').ifExists().execute();
    },
  },
  '20261130_breakouts_arrivals': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('breakout_arrivals')
        .addColumn('round_id', 'varchar(64)', (c) => c.notNull().references('breakout_rounds.id').onDelete('cascade'))
        .addColumn('attendee_id', 'varchar(64)', (c) => c.notNull().references('attendees.id').onDelete('cascade'))
        .addColumn('arrived_at', 'varchar(40)', (c) => c.notNull())
        .addPrimaryKeyConstraint('breakout_arrivals_pk', ['round_id', 'attendee_id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('breakout_arrivals').ifExists().execute();
    },
  },
};
