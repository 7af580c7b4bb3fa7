/**
 * The YouTube chat bridge wired into the server, against the fake YouTube API (tests/fakes/youtube.ts):
 * off by default, imports reach the moderators' socket (review queue, source youtube, author name),
 * the side feed and chat:import, deletions withdraw, status to staff only and never the key, and a
 * restart in the middle of a broadcast neither duplicates nor loses a message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatFeedMessage } from '../../shared/chat/schemas.js';
import type { ModQuestion } from '../../shared/qa/schemas.js';
import type { Change } from '../../shared/socket.js';
import { createServer } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { databaseEnv, dropDatabase } from './database.js';
import { FakeYoutube, startFakeYoutube } from '../fakes/youtube.js';
import {
  api, connect, createEvent, joinAttendee, setupOrganizer, sleep, startTestServer, tokenOf, until, type Client, type TestServer,
} from './helpers.js';

let yt: FakeYoutube;
let t: TestServer;
let cookie: string;
let env: Record<string, string>;

beforeAll(async () => {
  yt = await startFakeYoutube({ pollingIntervalMillis: 1000 });
  env = { YOUTUBE_API_KEY: yt.apiKey, YOUTUBE_API_BASE: yt.base, YOUTUBE_MIN_POLL_MS: '1000' };
  t = await startTestServer({ windows: { chatStatus: 50 }, env });
  cookie = await setupOrganizer(t);
});
afterAll(async () => {
  await t.close();
  await yt.close();
});

async function untilAsync(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const changesOf = (c: Client): Change[] => c.deltas.flatMap((d) => d.changes);
const upserts = (c: Client): ModQuestion[] =>
  changesOf(c).flatMap((ch) => (ch.type === 'question:upsert' ? [ch.question as ModQuestion] : []));
const feedOf = (c: Client): ChatFeedMessage[] => changesOf(c).flatMap((ch) => (ch.type === 'chat:feed' ? ch.messages : []));

async function linkBroadcast(eventId: string, videoId: string, chatImport = 'question-mark') {
  const res = await api(t.url, `/api/events/${eventId}`, {
    method: 'PATCH',
    cookie,
    body: { settings: { youtube: { url: `https://www.youtube.com/watch?v=${videoId}`, chatImport } } },
  });
  expect(res.status, res.text).toBe(200);
}

describe('the chat bridge in the server', () => {
  it('is off by default: no request to YouTube, the status says why', async () => {
    const before = yt.requests.length;
    const ev = await createEvent(t, cookie);
    const mod = await connect(t, { code: ev.code, token: ev.tokens.moderator });
    const snap = await mod.snapshot();
    expect(snap.event.settings.youtube).toEqual({ url: null, chatImport: 'off', prefixes: ['Frage:', 'Q:', 'F:'] });
    expect(snap.chat.status?.state).toBe('off');
    // A URL alone does not start it either (import rule off).
    await api(t.url, `/api/events/${ev.id}`, { method: 'PATCH', cookie, body: { settings: { youtube: { url: 'OffVideo001' } } } });
    await sleep(300);
    expect(yt.requests.length).toBe(before);
    mod.close();
  });

  it('imports chat questions into the review queue, feeds the rest, withdraws deleted ones; staff only', async () => {
    const VIDEO = 'LiveVideo01';
    const CHAT = 'chat-live-1';
    yt.liveVideo(VIDEO, CHAT);
    const ev = await createEvent(t, cookie); // pre-moderation off: imports still wait for review
    const mod = await connect(t, { code: ev.code, token: ev.tokens.moderator });
    const att = await joinAttendee(t, ev.code, 'Attendee');
    const pub = await connect(t, { code: ev.code, token: att.token });
    await mod.snapshot();
    await pub.snapshot();

    const anna = FakeYoutube.author('Anna aus Köln');
    const asked = yt.say(CHAT, 'Wie skaliert das bei 10.000 Leuten?', anna);
    const hello = yt.say(CHAT, 'Hallo zusammen, tolle Session');
    await linkBroadcast(ev.id, VIDEO);

    const q = await until(() => upserts(mod).find((x) => x.source === 'youtube'), 8000, 'imported question reaches the moderator');
    expect(q).toMatchObject({ state: 'pending', source: 'youtube', authorName: 'Anna aus Köln', text: 'Wie skaliert das bei 10.000 Leuten?' });
    await until(() => feedOf(mod).some((m) => m.id === hello), 3000, 'feed row of the chatter');
    expect(feedOf(mod).find((m) => m.id === asked)?.questionId).toBe(q.id);
    await until(() => changesOf(mod).some((c) => c.type === 'chat:status' && c.status.state === 'connected'), 3000, 'status connected');

    // The one-click import from the feed: once.
    const first = await mod.ok('chat:import', { messageId: hello });
    expect(first.already).toBe(false);
    expect((await mod.ok('chat:import', { messageId: hello })).questionId).toBe(first.questionId);
    expect((await mod.ok('chat:import', { messageId: hello })).already).toBe(true);
    await until(() => upserts(mod).some((x) => x.id === first.questionId && x.source === 'youtube'), 2000, 'manual import upsert');
    expect(await mod.call('chat:import', { messageId: 'no-such-message' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await pub.send('chat:import', { messageId: hello })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await mod.send('chat:import', { messageId: '' })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });

    // Deleted in the chat → withdrawn and erased (leaves the moderators' list and the export; the row keeps no text or name).
    yt.deleteMessage(CHAT, asked);
    await until(() => changesOf(mod).some((c) => c.type === 'question:remove' && c.id === q.id), 8000, 'withdrawn on deletion');
    const csv = await api(t.url, `/api/events/${ev.id}/questions.csv`, { headers: { authorization: `Bearer ${ev.tokens.moderator}` } });
    expect(csv.text).not.toContain(q.id);
    const stored = await t.server.kernel.db.selectFrom('questions').selectAll().where('id', '=', q.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ state: 'withdrawn', text: '', author_name: null, author_id: null, external_author: null, source: 'youtube' });

    // The public saw none of it: no chat changes, no pending imports; and nobody ever got the key.
    const pubChanges = changesOf(pub);
    expect(pubChanges.some((c) => c.type.startsWith('chat:'))).toBe(false);
    expect(pubChanges.some((c) => c.type === 'question:upsert' && (c.question as ModQuestion).source === 'youtube')).toBe(false);
    expect((await pub.snapshot()).chat).toEqual({ status: null, feed: [] });
    expect(JSON.stringify(mod.deltas)).not.toContain(yt.apiKey);
    expect(JSON.stringify(await mod.snapshot())).not.toContain(yt.apiKey);
    // Every read carried the key as a parameter, and they were spaced by the polling interval.
    const reads = yt.calls('/liveChat/messages').filter((r) => r.params.liveChatId === CHAT);
    expect(reads.every((r) => r.params.key === yt.apiKey)).toBe(true);
    for (let i = 1; i < reads.length; i++) expect(reads[i]!.at - reads[i - 1]!.at).toBeGreaterThanOrEqual(900);

    const retry = await mod.ok('chat:retry', {});
    expect(retry.status.videoId).toBe(VIDEO);
    // Turning the import off stops the bridge: no more reads.
    await api(t.url, `/api/events/${ev.id}`, { method: 'PATCH', cookie, body: { settings: { youtube: { chatImport: 'off' } } } });
    await until(() => changesOf(mod).some((c) => c.type === 'chat:status' && c.status.state === 'off'), 3000, 'status off');
    const n = yt.calls('/liveChat/messages').length;
    await sleep(1500);
    expect(yt.calls('/liveChat/messages').length).toBe(n);
    mod.close();
    pub.close();
  });

  it('a restart in the middle of a broadcast imports every question once, none lost', async () => {
    const VIDEO = 'LiveVideo02';
    const CHAT = 'chat-live-2';
    yt.liveVideo(VIDEO, CHAT);
    // Its own server on a copy of the setup: stop it and start another on the same database.
    const own = await startTestServer({ windows: { chatStatus: 50 }, env });
    const ownCookie = await setupOrganizer(own);
    const created = await api(own.url, '/api/events', { cookie: ownCookie, body: { title: 'Restart', format: 'talk' } });
    const evId = (created.body as { id: string }).id;
    await api(own.url, `/api/events/${evId}`, {
      method: 'PATCH',
      cookie: ownCookie,
      body: { settings: { youtube: { url: VIDEO, chatImport: 'all' } } },
    });
    for (let i = 0; i < 3; i++) yt.say(CHAT, `Frage vor dem Neustart ${i}`);
    const countYoutube = async (db = own.server.db) =>
      (await db.selectFrom('questions').selectAll().where('event_id', '=', evId).where('source', '=', 'youtube').execute()).length;
    await untilAsync(async () => (await countYoutube()) === 3, 8000, 'first three imported');
    await own.server.close();
    for (let i = 0; i < 4; i++) yt.say(CHAT, `Frage während des Neustarts ${i}`);
    const again = await createServer(loadConfig({ PORT: '0', DATA_DIR: own.dataDir, LOG_LEVEL: 'silent', ...databaseEnv(own.dataDir), ...env }), { windows: { chatStatus: 50 }, env });
    try {
      const db = again.db;
      await untilAsync(async () => (await countYoutube(db)) >= 7, 10_000, 'all seven imported after the restart');
      await sleep(1500); // another read or two: nothing more, nothing twice
      const texts = (await db.selectFrom('questions').select('text').where('event_id', '=', evId).execute()).map((r) => r.text).sort();
      expect(texts).toHaveLength(7);
      expect(new Set(texts).size).toBe(7);
    } finally {
      await again.close();
    }
    const { rmSync } = await import('node:fs');
    rmSync(own.dataDir, { recursive: true, force: true });
    await dropDatabase(own.dataDir);
  }, 30_000);

  it('coalesces the status: at most one chat:status a second per event, to staff only', async () => {
    const VIDEO = 'LiveVideo03';
    const CHAT = 'chat-live-3';
    yt.liveVideo(VIDEO, CHAT);
    const own = await startTestServer({ env }); // the default status window (1 s)
    try {
      const ownCookie = await setupOrganizer(own);
      const created = await api(own.url, '/api/events', { cookie: ownCookie, body: { title: 'Status', format: 'talk' } });
      const { id, code } = created.body as { id: string; code: string };
      const mod = await connect(own, { code, token: tokenOf((await api(own.url, `/api/events/${id}`, { cookie: ownCookie })).body.links.moderator) });
      await mod.snapshot();
      const at: number[] = [];
      mod.socket.on('sync:delta', (d) => {
        if (d.changes.some((c) => c.type === 'chat:status')) at.push(Date.now());
      });
      await api(own.url, `/api/events/${id}`, { method: 'PATCH', cookie: ownCookie, body: { settings: { youtube: { url: VIDEO, chatImport: 'all' } } } });
      for (let i = 0; i < 4; i++) {
        yt.say(CHAT, `Nachricht ${i}`);
        await sleep(700);
      }
      expect(at.length).toBeGreaterThanOrEqual(2);
      for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(900);
      mod.close();
    } finally {
      await own.close();
    }
  }, 20_000);
});
