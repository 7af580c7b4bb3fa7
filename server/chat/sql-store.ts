/**
 * A reference ChatStore over Kysely (SQLite today; nothing dialect-specific). The integrator can use it
 * as is — add `createChatTables` to a migration, give it the Q&A adapter, and run its transactions through
 * the kernel — or copy from it. tests/chat/sql-store.test.ts runs the poller on it with better-sqlite3.
 *
 * Tables (all keyed by event):
 *   chat_messages  one row per chat message: PRIMARY KEY (event_id, id) — the exactly-once record
 *   chat_bridges   one row per event: the cursor (video, chat id, page token, end)
 *   chat_quota     one row per Pacific day: the installation's quota ledger (optional)
 */
import { PostgresAdapter, sql, type Kysely, type Selectable } from 'kysely';
import type { ChatFeedMessage } from '../../shared/chat/schemas.js';
import type { BridgeCursor } from './core/ledger.js';
import type { Ban } from './core/mapping.js';
import type { QuotaLedger } from './core/quota.js';
import { toFeedMessage } from './feed.js';
import type { ChatStore, ChatStoreTx, FeedRow, ImportRequest } from './store.js';

export interface ChatMessagesTable {
  event_id: string;
  id: string;
  kind: string;
  author_channel_id: string;
  author_name: string;
  text: string;
  question_text: string;
  amount: string | null;
  published_at: string;
  matched: number;
  question_id: string | null;
  deleted: number;
  banned: number;
  /** Insertion order (ms, then rowid) for the feed. */
  received_at: number;
}

export interface ChatBridgesTable {
  event_id: string;
  video_id: string;
  live_chat_id: string;
  page_token: string | null;
  ended_at: string | null;
}

export interface ChatQuotaTable {
  day: string;
  used: number;
  by_event: string;
  exhausted_until: number | null;
}

export interface ChatTables {
  chat_messages: ChatMessagesTable;
  chat_bridges: ChatBridgesTable;
  chat_quota: ChatQuotaTable;
}

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The DDL, for a migration. (question_id may reference questions.id ON DELETE SET NULL in the real schema.) */
export async function createChatTables(db: Kysely<unknown>): Promise<void> {
  // Milliseconds since 1970 overflow PostgreSQL's 32-bit integer; SQLite's integer is 64-bit already.
  const millis = isPostgres(db) ? 'bigint' : 'integer';
  await db.schema
    .createTable('chat_messages')
    .ifNotExists()
    .addColumn('event_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('id', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('author_channel_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('author_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('question_text', 'text', (c) => c.notNull())
    .addColumn('amount', 'varchar(50)')
    .addColumn('published_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('matched', 'integer', (c) => c.notNull())
    .addColumn('question_id', 'varchar(64)')
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('banned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('received_at', millis, (c) => c.notNull())
    .addPrimaryKeyConstraint('chat_messages_pk', ['event_id', 'id'])
    .execute();
  await db.schema.createIndex('chat_messages_author').ifNotExists().on('chat_messages').columns(['event_id', 'author_channel_id']).execute();
  await db.schema.createIndex('chat_messages_feed').ifNotExists().on('chat_messages').columns(['event_id', 'received_at']).execute();
  await db.schema
    .createTable('chat_bridges')
    .ifNotExists()
    .addColumn('event_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('video_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('live_chat_id', 'varchar(200)', (c) => c.notNull())
    .addColumn('page_token', 'text')
    .addColumn('ended_at', 'varchar(40)')
    .execute();
  await db.schema
    .createTable('chat_quota')
    .ifNotExists()
    .addColumn('day', 'varchar(10)', (c) => c.primaryKey())
    .addColumn('used', 'integer', (c) => c.notNull())
    .addColumn('by_event', 'text', (c) => c.notNull())
    .addColumn('exhausted_until', millis)
    .execute();
}

/** The Q&A side, implemented by the Q&A module on the same transaction. */
export interface QaAdapter {
  /** Insert a pending question (source youtube, author name, no attendee); return its id. */
  importQuestion(trx: Kysely<ChatTables>, eventId: string, request: ImportRequest): Promise<string>;
  /** pending|live → withdrawn; other states stay. */
  withdrawQuestion(trx: Kysely<ChatTables>, eventId: string, questionId: string): Promise<void>;
}

export interface SqlChatStoreOptions {
  db: Kysely<ChatTables>;
  eventId: string;
  qa: QaAdapter;
  /**
   * Runs work in one transaction. Default: db.transaction().execute(work). With the kernel:
   * work => kernel.commit(eventId, trx => work(trx)) (and publish the collected changes after).
   */
  runInTransaction?: <T>(work: (trx: Kysely<ChatTables>) => Promise<T>) => Promise<T>;
  now?: () => number;
}

function toRow(r: Selectable<ChatMessagesTable>): FeedRow {
  return {
    id: r.id,
    kind: r.kind === 'superChat' ? 'superChat' : 'text',
    authorChannelId: r.author_channel_id,
    authorName: r.author_name,
    text: r.text,
    questionText: r.question_text,
    amount: r.amount,
    publishedAt: r.published_at,
    matched: r.matched === 1,
    questionId: r.question_id,
    deleted: r.deleted === 1,
    banned: r.banned === 1,
  };
}

async function counts(db: Kysely<ChatTables>, eventId: string): Promise<{ read: number; imported: number }> {
  const row = await db
    .selectFrom('chat_messages')
    .select([sql<number>`count(*)`.as('read'), sql<number>`count(question_id)`.as('imported')])
    .where('event_id', '=', eventId)
    .executeTakeFirstOrThrow();
  return { read: Number(row.read), imported: Number(row.imported) };
}

/** What a chat message deleted in YouTube keeps of its author and text: nothing. */
export const ERASED_MESSAGE = { author_channel_id: '', author_name: '', text: '', question_text: '' } as const;

export function createSqlChatStore(o: SqlChatStoreOptions): ChatStore {
  const { db, eventId, qa } = o;
  const now = o.now ?? Date.now;
  const run = o.runInTransaction ?? (<T>(work: (trx: Kysely<ChatTables>) => Promise<T>) => db.transaction().execute((trx) => work(trx)));

  const txOver = (trx: Kysely<ChatTables>): ChatStoreTx => {
    const get = async (id: string) => {
      const r = await trx.selectFrom('chat_messages').selectAll().where('event_id', '=', eventId).where('id', '=', id).executeTakeFirst();
      return r ? toRow(r) : null;
    };
    return {
      async seen(ids) {
        if (ids.length === 0) return new Set();
        const found = new Set<string>();
        for (let i = 0; i < ids.length; i += 500) {
          const rows = await trx
            .selectFrom('chat_messages')
            .select('id')
            .where('event_id', '=', eventId)
            .where('id', 'in', ids.slice(i, i + 500))
            .execute();
          for (const r of rows) found.add(r.id);
        }
        return found;
      },
      importQuestion: (request) => qa.importQuestion(trx, eventId, request),
      async recordMessage(row) {
        await trx
          .insertInto('chat_messages')
          .values({
            event_id: eventId,
            id: row.id,
            kind: row.kind,
            // Deleted in YouTube within the same page: stored without what it said or who said it.
            ...(row.deleted ? ERASED_MESSAGE : { author_channel_id: row.authorChannelId, author_name: row.authorName, text: row.text, question_text: row.questionText }),
            amount: row.amount,
            published_at: row.publishedAt,
            matched: row.matched ? 1 : 0,
            question_id: row.questionId,
            deleted: row.deleted ? 1 : 0,
            banned: row.banned ? 1 : 0,
            received_at: now(),
          })
          .execute();
      },
      getMessage: get,
      async setQuestion(messageId, questionId) {
        await trx.updateTable('chat_messages').set({ question_id: questionId }).where('event_id', '=', eventId).where('id', '=', messageId).execute();
      },
      async markDeleted(messageId) {
        // Deleted in YouTube: the row stays (exactly-once: the message must not come back) without its
        // text, the author's name and channel id.
        await trx.updateTable('chat_messages').set({ deleted: 1, ...ERASED_MESSAGE }).where('event_id', '=', eventId).where('id', '=', messageId).execute();
        return get(messageId);
      },
      withdrawQuestion: (questionId) => qa.withdrawQuestion(trx, eventId, questionId),
      async markBanned(ban: Ban) {
        const rows = await trx
          .updateTable('chat_messages')
          .set({ banned: 1 })
          .where('event_id', '=', eventId)
          .where('author_channel_id', '=', ban.channelId)
          .where('banned', '=', 0)
          .returningAll()
          .execute();
        return rows.map(toRow);
      },
      async saveCursor(cursor: BridgeCursor) {
        const values = { video_id: cursor.videoId, live_chat_id: cursor.liveChatId, page_token: cursor.pageToken, ended_at: cursor.endedAt };
        await trx
          .insertInto('chat_bridges')
          .values({ event_id: eventId, ...values })
          .onConflict((oc) => oc.column('event_id').doUpdateSet(values))
          .execute();
      },
      counts: () => counts(trx, eventId),
    };
  };

  return {
    async load() {
      const c = await db.selectFrom('chat_bridges').selectAll().where('event_id', '=', eventId).executeTakeFirst();
      const cursor: BridgeCursor | null = c ? { videoId: c.video_id, liveChatId: c.live_chat_id, pageToken: c.page_token, endedAt: c.ended_at } : null;
      return { cursor, ...(await counts(db, eventId)) };
    },
    transaction: (work) => run((trx) => work(txOver(trx))),
  };
}

/** The newest `limit` feed messages of an event, oldest first (for the staff snapshot). */
export async function recentFeed(db: Kysely<ChatTables>, eventId: string, limit: number): Promise<ChatFeedMessage[]> {
  const rows = await db
    .selectFrom('chat_messages')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('received_at', 'desc')
    // Messages of one page share received_at: SQLite keeps their insertion order by rowid; PostgreSQL has
    // no rowid, and the page's publication time (then the id) is the same order there.
    .$call((q) => (isPostgres(db) ? q.orderBy('published_at', 'desc').orderBy('id', 'desc') : q.orderBy(sql`rowid`, 'desc')))
    .limit(limit)
    .execute();
  return rows.reverse().map((r) => toFeedMessage(toRow(r)));
}

/** Today's quota ledger from chat_quota, and a persist function for QuotaBook (fire and forget). */
export async function sqlQuotaPersistence(
  db: Kysely<ChatTables>,
  onError: (err: unknown) => void = () => undefined,
): Promise<{ initial: QuotaLedger | null; persist: (ledger: QuotaLedger) => void }> {
  const row = await db.selectFrom('chat_quota').selectAll().orderBy('day', 'desc').limit(1).executeTakeFirst();
  const initial: QuotaLedger | null = row
    ? { day: row.day, used: row.used, byEvent: JSON.parse(row.by_event) as Record<string, number>, exhaustedUntil: row.exhausted_until }
    : null;
  let chain: Promise<unknown> = Promise.resolve();
  const persist = (l: QuotaLedger) => {
    const values = { used: l.used, by_event: JSON.stringify(l.byEvent), exhausted_until: l.exhaustedUntil };
    chain = chain
      .then(() =>
        db
          .insertInto('chat_quota')
          .values({ day: l.day, ...values })
          .onConflict((oc) => oc.column('day').doUpdateSet(values))
          .execute(),
      )
      .catch(onError);
  };
  return { initial, persist };
}
