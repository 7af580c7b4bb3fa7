/**
 * docs/privacy.md promises: no IP address is stored; the client loads nothing from other hosts; an attendee's
 * withdrawn question is erased at once (the database row keeps no text, name or author, its votes are gone),
 * in every state, everywhere (moderators, attendees, stage, CSV); a duplicate merged into it returns to review.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qaMigrations } from '../../server/qa/migrations.js';
import { ORGANIZER, api, connect, cookieFrom, createEvent, joinAttendee, setupOrganizer, startTestServer, until, type TestServer } from './helpers.js';

describe('privacy promises', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('stores no IP address: no column is named for one and no stored value contains the client address', async () => {
    const cookie = await setupOrganizer(t);
    const ev = await createEvent(t, cookie);
    const person = await joinAttendee(t, ev.code, 'Ada');
    const c = await connect(t, { code: ev.code, token: person.token });
    await c.ok('qa:ask', { text: 'Wird meine Adresse gespeichert?' });
    c.close();
    await api(t.url, '/api/auth/login', { body: { email: 'x@example.org', password: 'falsch-falsch' } });
    const db = t.server.kernel.db;
    const tables = (await db.introspection.getTables()).filter((tb) => !tb.name.startsWith('kysely_'));
    expect(tables.length).toBeGreaterThan(10);
    const columns = tables.flatMap((tb) => tb.columns.map((col) => `${tb.name}.${col.name}`));
    expect(columns.filter((n) => /(^|[._])(ip|ip_address|remote_addr|address|user_agent)$/i.test(n))).toEqual([]);
    for (const tb of tables) {
      const rows = await db.selectFrom(tb.name as 'events').selectAll().execute();
      const text = JSON.stringify(rows);
      expect(text, tb.name).not.toMatch(/127\.0\.0\.1|::1|::ffff:/);
    }
  });

  it('withdrawing an own question erases it at once: the row keeps no text, name or author, its votes are gone, nobody sees it', async () => {
    const cookie = await setupOrganizer(t).catch(() => api(t.url, '/api/auth/login', { body: ORGANIZER }).then(cookieFrom));
    const ev = await createEvent(t, cookie);
    const ada = await joinAttendee(t, ev.code, 'Ada Lovelace');
    const bob = await joinAttendee(t, ev.code, 'Bob');
    const a = await connect(t, { code: ev.code, token: ada.token });
    const b = await connect(t, { code: ev.code, token: bob.token });
    const mod = await connect(t, { code: ev.code, token: ev.tokens.moderator });
    const stage = await connect(t, { code: ev.code, token: ev.tokens.stage });
    const db = t.server.kernel.db;

    // Live, voted for, labelled, replied to, answered: deleting works in every state.
    const q = (await a.ok('qa:ask', { text: 'Darf ich meine Frage wirklich löschen?' })).question;
    await b.ok('qa:vote', { id: q.id, up: true });
    await mod.ok('qa:label', { id: q.id, labels: ['Datenschutz'] });
    await mod.ok('qa:reply', { id: q.id, text: 'Ja, Ada.' });
    await mod.ok('qa:highlight', { id: q.id });
    await mod.ok('qa:answer', { id: q.id });
    // An answered question may stay on air (and in the queue): deleting takes it off there too.
    await mod.ok('stage:show', { screen: 'room', item: { kind: 'question', questionId: q.id } });
    await mod.ok('stage:enqueue', { item: { kind: 'question', questionId: q.id } });
    const onAir = (await mod.snapshot()).stage;
    expect(onAir.room.item).toEqual({ kind: 'question', questionId: q.id });
    expect(onAir.queue.length).toBe(1);
    expect(await db.selectFrom('votes').selectAll().where('question_id', '=', q.id).execute()).toHaveLength(1);

    const notMine = await b.call('qa:withdraw', { id: q.id });
    expect(!notMine.ok && notMine.error.code).toBe('forbidden');
    await a.ok('qa:withdraw', { id: q.id });
    const staffSnap = await mod.snapshot();
    expect([staffSnap.stage.room.item, staffSnap.stage.overlay.item]).toEqual([null, null]);
    expect(staffSnap.stage.queue).toEqual([]);

    const row = await db.selectFrom('questions').selectAll().where('id', '=', q.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      state: 'withdrawn', text: '', author_id: null, author_name: null, external_author: null, anonymous: 1, votes: 0,
      labels: '[]', reply: null, flagged_words: '[]', highlighted: 0, queue_pos: null, merged_into: null,
    });
    expect(JSON.stringify(row)).not.toMatch(/Ada|löschen|Datenschutz|${ada.attendeeId}/);
    expect(await db.selectFrom('votes').selectAll().where('question_id', '=', q.id).execute()).toEqual([]);
    // The voter's tabs learn their vote is gone; the author's tabs get the empty tombstone.
    await until(() => b.myVotes.some((v) => v.id === q.id && !v.voted), 3000, 'unvote');
    await until(() => a.own.some((o) => o.id === q.id && o.state === 'withdrawn' && o.text === ''), 3000, 'own tombstone');
    await until(() => mod.deltas.some((d) => d.changes.some((c) => c.type === 'question:remove' && c.id === q.id)), 3000, 'staff remove');
    await until(() => stage.deltas.some((d) => d.changes.some((c) => c.type === 'question:remove' && c.id === q.id)), 3000, 'stage remove');

    for (const c of [a, b, mod, stage]) expect(JSON.stringify(await c.snapshot())).not.toContain('Darf ich');
    const csv = await api(t.url, `/api/events/${ev.id}/questions.csv`, { headers: { authorization: `Bearer ${ev.tokens.moderator}` } });
    expect(csv.text).not.toContain(q.id);
    const again = await a.call('qa:withdraw', { id: q.id });
    expect(!again.ok && again.error.code).toBe('not_found');
    for (const c of [a, b, mod, stage]) c.close();
  });

  it('merges: a merged question can be deleted by its author (the kept one stays); deleting the kept one returns its duplicates to review', async () => {
    const cookie = await api(t.url, '/api/auth/login', { body: ORGANIZER }).then(cookieFrom);
    const ev = await createEvent(t, cookie);
    const [ada, bob, cleo] = await Promise.all(['Ada', 'Bob', 'Cleo'].map((n) => joinAttendee(t, ev.code, n)));
    const a = await connect(t, { code: ev.code, token: ada!.token });
    const b = await connect(t, { code: ev.code, token: bob!.token });
    const c = await connect(t, { code: ev.code, token: cleo!.token });
    const mod = await connect(t, { code: ev.code, token: ev.tokens.moderator });
    const db = t.server.kernel.db;
    const kept = (await a.ok('qa:ask', { text: 'Gibt es die Folien?' })).question;
    const dupB = (await b.ok('qa:ask', { text: 'Werden die Folien geteilt?' })).question;
    const dupC = (await c.ok('qa:ask', { text: 'Bekommen wir die Folien?' })).question;
    await mod.ok('qa:merge', { keepId: kept.id, mergeId: dupB.id });
    await mod.ok('qa:merge', { keepId: kept.id, mergeId: dupC.id });

    await c.ok('qa:withdraw', { id: dupC.id });
    expect(await db.selectFrom('questions').select(['state', 'text', 'author_id', 'merged_into']).where('id', '=', dupC.id).executeTakeFirstOrThrow())
      .toEqual({ state: 'withdrawn', text: '', author_id: null, merged_into: null });
    expect(await db.selectFrom('questions').select(['state', 'text']).where('id', '=', kept.id).executeTakeFirstOrThrow()).toEqual({ state: 'live', text: 'Gibt es die Folien?' });

    await a.ok('qa:withdraw', { id: kept.id });
    expect(await db.selectFrom('questions').select(['state', 'text', 'merged_into']).where('id', '=', dupB.id).executeTakeFirstOrThrow())
      .toEqual({ state: 'pending', text: 'Werden die Folien geteilt?', merged_into: null });
    const modQs = (await mod.snapshot()).qa.questions;
    expect(modQs.map((x) => [x.id, x.state])).toEqual([[dupB.id, 'pending']]);
    await until(() => b.own.some((o) => o.id === dupB.id && o.state === 'pending'), 3000, 'dup back to review');
    for (const x of [a, b, c, mod]) x.close();
  });

  it('a migration erases questions withdrawn before withdrawing erased them', async () => {
    const cookie = await api(t.url, '/api/auth/login', { body: ORGANIZER }).then(cookieFrom);
    const ev = await createEvent(t, cookie);
    const ada = await joinAttendee(t, ev.code, 'Ada');
    const bob = await joinAttendee(t, ev.code, 'Bob');
    const a = await connect(t, { code: ev.code, token: ada.token });
    const b = await connect(t, { code: ev.code, token: bob.token });
    const q = (await a.ok('qa:ask', { text: 'Alte zurückgezogene Frage' })).question;
    const kept = (await a.ok('qa:ask', { text: 'Diese bleibt' })).question;
    await b.ok('qa:vote', { id: q.id, up: true });
    a.close();
    b.close();
    const db = t.server.kernel.db;
    // As the old qa:withdraw left it: state withdrawn, everything else kept.
    await db.updateTable('questions').set({ state: 'withdrawn', labels: '["Alt"]', reply: 'Antwort' }).where('id', '=', q.id).execute();
    await qaMigrations['20261201_qa_erase_withdrawn']!.up(db as never);
    expect(await db.selectFrom('questions').selectAll().where('id', '=', q.id).executeTakeFirstOrThrow()).toMatchObject({
      state: 'withdrawn', text: '', author_id: null, author_name: null, votes: 0, labels: '[]', reply: null,
    });
    expect(await db.selectFrom('votes').selectAll().where('question_id', '=', q.id).execute()).toEqual([]);
    expect(await db.selectFrom('questions').select(['text', 'author_id']).where('id', '=', kept.id).executeTakeFirstOrThrow()).toEqual({ text: 'Diese bleibt', author_id: ada.attendeeId });
  });

  it('the built client references no other host for scripts, styles or fonts', () => {
    const root = join(import.meta.dirname, '../../client');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(tsx?|html|css)$/.test(name) && !/\.test\.tsx?$/.test(name)) files.push(path);
      }
    };
    walk(root);
    const external: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      // <script src>, <link href>, @import and url() pointing at another host
      for (const m of text.matchAll(/(?:src|href)=["'](https?:)?\/\/[^"']+["']|@import\s+["']?(https?:)?\/\/[^"';]+|url\(\s*["']?(https?:)?\/\/[^)]+\)/g)) external.push(`${file}: ${m[0]}`);
    }
    expect(external).toEqual([]);
  });
});
