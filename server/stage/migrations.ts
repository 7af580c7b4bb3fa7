/** The stage module's own migrations (docs/architecture.md: `YYYYMMDD_<feature>_<what>`; never edit a shipped one). */
import type { Kysely, Migration } from 'kysely';

export const stageMigrations: Record<string, Migration> = {
  '20261130_stage_tables': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('stage_screens')
        .addColumn('event_id', 'varchar(64)', (c) => c.notNull().references('events.id').onDelete('cascade'))
        .addColumn('screen', 'varchar(16)', (c) => c.notNull())
        .addColumn('item', 'text')
        .addColumn('since', 'varchar(40)')
        .addColumn('auto_hide_s', 'integer')
        .addColumn('by', 'varchar(16)')
        .addPrimaryKeyConstraint('stage_screens_pk', ['event_id', 'screen'])
        .execute();
      await db.schema
        .createTable('stage_queue')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('event_id', 'varchar(64)', (c) => c.notNull().references('events.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('item', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('stage_queue_event').on('stage_queue').columns(['event_id', 'position']).execute();
      await db.schema
        .createTable('stage_follow')
        .addColumn('event_id', 'varchar(64)', (c) => c.primaryKey().references('events.id').onDelete('cascade'))
        .addColumn('highlighted_id', 'varchar(64)')
        .addColumn('presented_id', 'varchar(64)')
        .addColumn('shown_rounds', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('stage_follow').ifExists().execute();
      await db.schema.dropTable('stage_queue').ifExists().execute();
      await db.schema.dropTable('stage_screens').ifExists().execute();
    },
  },
};
