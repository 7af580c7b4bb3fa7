/**
 * The reference SQL store on a real SQLite database (better-sqlite3 + Kysely), driven by the poller
 * against the fake YouTube API: the page transaction is atomic with the Q&A inserts, and a restart
 * continues without duplicates or gaps.
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BRIDGE_CONFIG } from '../../server/chat/core/machine.js';
import { importFromFeed } from '../../server/chat/feed.js';
import { ChatPoller, QuotaBook } from '../../server/chat/poller.js';
import { createChatTables, createSqlChatStore, recentFeed, sqlQuotaPersistence, type ChatTables, type QaAdapter } from '../../server/chat/sql-store.js';
import { createYoutubeApi } from '../../server/chat/youtube-api.js';
import { FakeClock } from '../fakes/clock.js';
import { FakeYoutube, startFakeYoutube } from '../fakes/youtube.js';

const KEY = 'sql-key';
const T0 = Date.parse('2026-11-30T17:00:00Z');
const EVENT = 'ev-sql';

let yt: FakeYoutube;
let db: Kysely<ChatTables>;
let clock: FakeClock;
let quota: QuotaBook;
let failOn: string | null;
const pollers: ChatPoller[] = [];

/** A minimal questions table standing in for the Q&A module. */
const qa: QaAdapter = {
  async importQuestion(trx, eventId, req) {
    if (failOn && req.text.includes(failOn)) throw new Error('injected failure inside the page transaction');
    const id = `q-${req.messageId}`;
    await sql`insert into test_questions (id, event_id, text, author_name, source, state) values (${id}, ${eventId}, ${req.text}, ${req.authorName}, ${req.source}, 'pending')`.execute(trx);
    return id;
  },
  async withdrawQuestion(trx, eventId, questionId) {
    await sql`update test_questions set state = 'withdrawn' where id = ${questionId} and event_id = ${eventId} and state in ('pending', 'live')`.execute(trx);
  },
};

const questions = async () =>
  (await sql<{ id: string; text: string; state: string; author_name: string }>`select id, text, state, author_name from test_questions order by rowid`.execute(db)).rows;

function poller(): ChatPoller {
  const p = new ChatPoller({
    eventId: EVENT,
    videoId: 'SqlVideo001',
    api: createYoutubeApi({ apiKey: KEY, baseUrl: yt.base }),
    store: createSqlChatStore({ db, eventId: EVENT, qa, now: () => clock.now() }),
    rule: () => ({ chatImport: 'question-mark', prefixes: ['Frage:'] }),
    quota,
    config: DEFAULT_BRIDGE_CONFIG,
    clock,
    random: () => 0,
  });
  pollers.push(p);
  return p;
}

beforeEach(async () => {
  yt = await startFakeYoutube({ apiKey: KEY, pageSize: 2 });
  yt.liveVideo('SqlVideo001', 'sql-chat');
  db = new Kysely<ChatTables>({ dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }) });
  await createChatTables(db as Kysely<unknown>);
  await sql`create table test_questions (id text primary key, event_id text not null, text text not null, author_name text, source text, state text not null)`.execute(db);
  clock = new FakeClock(T0);
  quota = new QuotaBook(null, T0);
  failOn = null;
});

afterEach(async () => {
  for (const p of pollers.splice(0)) await p.stop();
  await db.destroy();
  await yt.close();
});

describe('SQL chat store (SQLite)', () => {
  it('imports, withdraws, bans and stores the cursor; the feed reads back in order', async () => {
    const troll = FakeYoutube.author('Troll');
    const a = yt.say('sql-chat', 'Frage: Wie funktioniert das?');
    const b = yt.say('sql-chat', 'nur ein Kommentar');
    const c = yt.say('sql-chat', 'Spam?', troll);
    const p = poller();
    await p.start();
    await p.settled();
    await clock.advance(6_000, () => p.settled());
    yt.deleteMessage('sql-chat', a);
    yt.ban('sql-chat', troll);
    await clock.advance(6_000, () => p.settled());

    expect(await questions()).toEqual([
      { id: `q-${a}`, text: 'Wie funktioniert das?', state: 'withdrawn', author_name: 'Zuschauer' },
      { id: `q-${c}`, text: 'Spam?', state: 'pending', author_name: 'Troll' },
    ]);
    const feed = await recentFeed(db, EVENT, 10);
    expect(feed.map((m) => [m.id, m.questionId, m.deleted, m.banned])).toEqual([
      [a, `q-${a}`, true, false],
      [b, null, false, false],
      [c, `q-${c}`, false, true],
    ]);
    expect((await recentFeed(db, EVENT, 1)).map((m) => m.id)).toEqual([c]);
    // The deleted message's row keeps nothing of what was said or by whom (docs/privacy.md).
    const erased = await db.selectFrom('chat_messages').selectAll().where('event_id', '=', EVENT).where('id', '=', a).executeTakeFirstOrThrow();
    expect(erased).toMatchObject({ deleted: 1, text: '', question_text: '', author_name: '', author_channel_id: '' });
    const store = createSqlChatStore({ db, eventId: EVENT, qa });
    expect(await store.load()).toMatchObject({ read: 3, imported: 2, cursor: { videoId: 'SqlVideo001', liveChatId: 'sql-chat', endedAt: null } });
    expect((await importFromFeed(store, b)).questionId).toBe(`q-${b}`);
    expect(await importFromFeed(store, b)).toEqual({ questionId: `q-${b}`, already: true });
  });

  it('a failure inside the page transaction rolls back questions and rows; a restart imports each message once', async () => {
    const ids = [yt.say('sql-chat', 'eins?'), yt.say('sql-chat', 'zwei?')];
    const p = poller();
    await p.start();
    await p.settled();
    ids.push(yt.say('sql-chat', 'drei?'), yt.say('sql-chat', 'BOOM vier?'));
    failOn = 'BOOM'; // drei is inserted first, then the page fails
    await clock.advance(6_000, () => p.settled());
    expect(p.status().lastError?.reason).toBe('storage');
    expect((await questions()).map((q) => q.text)).toEqual(['eins?', 'zwei?']);
    expect((await recentFeed(db, EVENT, 10)).map((m) => m.id)).toEqual(ids.slice(0, 2));
    await p.stop();

    failOn = null;
    ids.push(yt.say('sql-chat', 'fünf?'));
    const q = poller();
    await q.start();
    await q.settled();
    await clock.advance(6_000, () => q.settled());
    expect((await questions()).map((x) => x.text)).toEqual(['eins?', 'zwei?', 'drei?', 'BOOM vier?', 'fünf?']);
    expect((await recentFeed(db, EVENT, 10)).map((m) => m.id)).toEqual(ids);
  });

  it('persists the quota ledger', async () => {
    const first = await sqlQuotaPersistence(db);
    expect(first.initial).toBeNull();
    const book = new QuotaBook(first.initial, T0, first.persist);
    book.charge(EVENT, 5, T0);
    book.charge(EVENT, 1, T0);
    await new Promise((r) => setTimeout(r, 20));
    const again = await sqlQuotaPersistence(db);
    expect(again.initial).toMatchObject({ day: '2026-11-30', used: 6, byEvent: { [EVENT]: 6 }, exhaustedUntil: null });
  });
});
