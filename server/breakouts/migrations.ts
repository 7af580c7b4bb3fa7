/** The breakout module's own migrations (the kernel runs them after its own, by name). */
import type { Kysely, Migration } from 'kysely';

export const breakoutMigrations: Record<string, Migration> = {
  '20261130_breakouts_plan_settings': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('breakout_plan_settings')
        .addColumn('event_id', 'varchar(64)', (c) => c.primaryKey().references('events.id').onDelete('cascade'))
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('breakout_plan_settings').ifExists().execute();
    },
  },
};
