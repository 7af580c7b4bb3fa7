/**
 * The poller against the fake YouTube API (real HTTP on 127.0.0.1) and the in-memory transactional
 * store, with a manual clock: pagination, the polling interval, deletions, bans, quota errors and
 * recovery, other errors, the end of the chat, and restarts without duplicates or gaps.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BridgeStatus } from '../../shared/chat/schemas.js';
import { DEFAULT_BRIDGE_CONFIG, type BridgeConfig } from '../../server/chat/core/machine.js';
import { nextPacificMidnight } from '../../server/chat/core/quota.js';
import type { SelectionRule } from '../../server/chat/core/selection.js';
import { ChatPoller, QuotaBook, systemClock, type PageSummary } from '../../server/chat/poller.js';
import { createYoutubeApi } from '../../server/chat/youtube-api.js';
import { MemoryChatDb } from '../fakes/chat-store.js';
import { FakeClock } from '../fakes/clock.js';
import { FakeYoutube, startFakeYoutube } from '../fakes/youtube.js';

const KEY = 'test-key-poller';
const VIDEO = 'LiveVideo01';
const CHAT = 'chat-live-1';
const EVENT = 'ev1';
const T0 = Date.parse('2026-11-30T17:00:00Z'); // 09:00 in Los Angeles

const config: BridgeConfig = {
  ...DEFAULT_BRIDGE_CONFIG,
  minPollIntervalMs: 6_000,
  defaultPollIntervalMs: 6_000,
  waitingRecheckMs: 60_000,
};

let yt: FakeYoutube;
let db: MemoryChatDb;
let clock: FakeClock;
let quota: QuotaBook;
let rule: SelectionRule;
let pollers: ChatPoller[];

beforeEach(async () => {
  yt = await startFakeYoutube({ apiKey: KEY, pageSize: 3, pollingIntervalMillis: 2_000 });
  yt.liveVideo(VIDEO, CHAT);
  db = new MemoryChatDb();
  clock = new FakeClock(T0);
  quota = new QuotaBook(null, T0);
  rule = { chatImport: 'question-mark', prefixes: ['Frage:', 'Q:'] };
  pollers = [];
});

afterEach(async () => {
  for (const p of pollers) await p.stop();
  await yt.close();
});

function makePoller(opts: { statuses?: BridgeStatus[]; pages?: PageSummary[]; clockOverride?: typeof systemClock; cfg?: BridgeConfig } = {}): ChatPoller {
  const p = new ChatPoller({
    eventId: EVENT,
    videoId: VIDEO,
    api: createYoutubeApi({ apiKey: KEY, baseUrl: yt.base, timeoutMs: 2_000 }),
    store: db.storeFor(EVENT),
    rule: () => rule,
    quota,
    config: opts.cfg ?? config,
    clock: opts.clockOverride ?? clock,
    random: () => 0,
    onStatus: (s) => opts.statuses?.push(s),
    onPage: (s) => opts.pages?.push(s),
  });
  pollers.push(p);
  return p;
}

async function startPoller(p: ChatPoller): Promise<void> {
  await p.start();
  await p.settled();
}

const advance = (p: ChatPoller, ms: number) => clock.advance(ms, () => p.settled());
const messageCalls = () => yt.calls('/liveChat/messages');

describe('chat poller against the fake YouTube API', () => {
  it('reads the history page by page, imports the matching messages once, to the review queue, with source and name', async () => {
    const anna = FakeYoutube.author('Anna Beispiel');
    yt.say(CHAT, 'Hallo zusammen!');
    const q1 = yt.say(CHAT, 'Frage: Wie skaliert das?', anna);
    yt.say(CHAT, '👍👍');
    const q2 = yt.say(CHAT, 'Gibt es die Folien?');
    yt.other(CHAT, 'newSponsorEvent');
    const q3 = yt.superChat(CHAT, 'Q: Danke! Und wann kommt Teil 2?', '€10.00');
    const p = makePoller();
    await startPoller(p);

    // Pages of 3 items: the first page is read at once, each next one after the interval.
    expect(messageCalls()).toHaveLength(1);
    expect(messageCalls()[0]!.params.pageToken).toBeUndefined();
    await advance(p, 6_000);
    expect(messageCalls()).toHaveLength(2);
    expect(messageCalls()[1]!.params.pageToken).toBeTruthy();

    expect(db.rows(EVENT).map((r) => r.id)).toHaveLength(5); // the sponsor event is not a message
    const questions = db.questions(EVENT);
    expect(questions.map((q) => [q.messageId, q.text, q.authorName, q.source, q.state, q.manual])).toEqual([
      [q1, 'Wie skaliert das?', 'Anna Beispiel', 'youtube', 'pending', false],
      [q2, 'Gibt es die Folien?', 'Zuschauer', 'youtube', 'pending', false],
      [q3, 'Danke! Und wann kommt Teil 2?', 'Spender', 'youtube', 'pending', false],
    ]);
    expect(db.rows(EVENT).find((r) => r.id === q3)).toMatchObject({ kind: 'superChat', amount: '€10.00', questionId: questions[2]!.id });
    expect(p.status()).toMatchObject({ state: 'connected', read: 5, imported: 3, quotaUsedToday: 1 + 2 * 5, quotaUsedByEvent: 11 });

    // Later messages arrive on the next read; nothing is imported twice.
    const q4 = yt.say(CHAT, 'Noch eine Frage?');
    await advance(p, 6_000);
    await advance(p, 6_000);
    expect(db.questions(EVENT).map((q) => q.messageId)).toEqual([q1, q2, q3, q4]);
    expect(new Set(db.rows(EVENT).map((r) => r.id)).size).toBe(db.rows(EVENT).length);
  });

  it('never reads faster than the minimum interval, nor faster than pollingIntervalMillis; sends the key every time', async () => {
    const p = makePoller();
    await startPoller(p);
    expect(messageCalls()).toHaveLength(1);
    await advance(p, 5_999); // YouTube asks for 2 s; the minimum (6 s) wins
    expect(messageCalls()).toHaveLength(1);
    await advance(p, 1);
    expect(messageCalls()).toHaveLength(2);

    yt.pollingIntervalMillis = 10_000; // YouTube asks for more: it wins
    await advance(p, 6_000);
    expect(messageCalls()).toHaveLength(3);
    await advance(p, 9_999);
    expect(messageCalls()).toHaveLength(3);
    await advance(p, 1);
    expect(messageCalls()).toHaveLength(4);
    expect(p.status().quotaEstimateForHours).toMatchObject({ intervalMs: 10_000, units: 1_080 * 5 + 1, fits: true });

    for (const r of yt.requests) expect(r.params.key).toBe(KEY);
  });

  it('respects the interval in real time too (system clock, short intervals)', async () => {
    yt.pollingIntervalMillis = 80;
    const fast: BridgeConfig = { ...config, minPollIntervalMs: 40, defaultPollIntervalMs: 40 };
    const p = makePoller({ clockOverride: systemClock, cfg: fast });
    await p.start();
    const deadline = Date.now() + 5_000;
    while (messageCalls().length < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await p.stop();
    const at = messageCalls().map((r) => r.at);
    expect(at.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(78);
  });

  it('a deleted message withdraws its question; a ban marks the author in the feed', async () => {
    const troll = FakeYoutube.author('Troll');
    const q = yt.say(CHAT, 'Warum ist das so?');
    const spam = yt.say(CHAT, 'KAUFT JETZT?', troll);
    const pages: PageSummary[] = [];
    const p = makePoller({ pages });
    await startPoller(p);
    expect(db.questions(EVENT).map((x) => x.state)).toEqual(['pending', 'pending']);

    yt.deleteMessage(CHAT, q);
    yt.ban(CHAT, troll, 'temporary', 300);
    await advance(p, 6_000);
    const [withdrawn, kept] = db.questions(EVENT);
    expect(withdrawn).toMatchObject({ messageId: q, state: 'withdrawn' });
    expect(kept).toMatchObject({ messageId: spam, state: 'pending' }); // a ban leaves the decision to the moderators
    expect(db.rows(EVENT).find((r) => r.id === q)).toMatchObject({ deleted: true });
    expect(db.rows(EVENT).find((r) => r.id === spam)).toMatchObject({ banned: true });
    const last = pages.at(-1)!;
    expect(last.withdrawn).toEqual([{ messageId: q, questionId: withdrawn!.id }]);
    expect(last.changed.map((r) => r.id).sort()).toEqual([q, spam].sort());
  });

  it('quotaExceeded: backs off with advice, no more requests until midnight Pacific time, then recovers', async () => {
    const statuses: BridgeStatus[] = [];
    const p = makePoller({ statuses });
    await startPoller(p);
    yt.fail('quotaExceeded', 1, 'messages');
    await advance(p, 6_000);
    expect(p.status()).toMatchObject({ state: 'backoff', lastError: { reason: 'quotaExceeded', httpStatus: 403, adviceKey: 'chat.advice.quotaExceeded' } });
    const reset = nextPacificMidnight(clock.now());
    expect(p.status().nextPollAt).toBe(new Date(reset).toISOString());
    const calls = yt.requests.length;
    await advance(p, 60 * 60_000); // an hour later: still waiting
    expect(yt.requests.length).toBe(calls);
    yt.say(CHAT, 'Nach Mitternacht?');
    await advance(p, reset - clock.now() + 1);
    expect(yt.requests.length).toBe(calls + 1);
    expect(p.status()).toMatchObject({ state: 'connected', lastError: null, imported: 1, quotaUsedToday: 5 });
    expect(statuses.map((s) => s.state)).toContain('backoff');
  });

  it('rate limits, 5xx and dropped connections back off and read the same page again: nothing lost', async () => {
    const p = makePoller();
    await startPoller(p);
    const ids = [yt.say(CHAT, 'a?'), yt.say(CHAT, 'b?')];
    yt.fail('rateLimitExceeded429', 1, 'messages');
    yt.fail('serverError', 1, 'messages');
    yt.fail('drop', 1, 'messages');
    const token = messageCalls()[0]!.params.pageToken;
    await advance(p, 6_000);
    expect(p.status()).toMatchObject({ state: 'backoff', lastError: { reason: 'rateLimitExceeded' } });
    await advance(p, 60_000);
    await advance(p, 60_000);
    expect(p.status().state).toBe('connected');
    const failed = yt.requests.filter((r) => r.status !== 200).map((r) => r.status);
    expect(failed).toEqual([429, 500, -1]);
    // Every retry asked for the same page (the token after page 1).
    const retries = messageCalls().slice(1, 5).map((r) => r.params.pageToken);
    expect(new Set(retries).size).toBe(1);
    expect(token).toBeUndefined();
    expect(db.questions(EVENT).map((q) => q.messageId)).toEqual(ids);
  });

  it('forbidden backs off and keeps trying; liveChatDisabled and a wrong key stop with an error', async () => {
    const p = makePoller();
    await startPoller(p);
    yt.fail('forbidden', 1, 'messages');
    await advance(p, 6_000);
    expect(p.status()).toMatchObject({ state: 'backoff', lastError: { reason: 'forbidden' } });
    yt.fail('liveChatDisabled', 1, 'messages');
    await advance(p, 120_000);
    expect(p.status()).toMatchObject({ state: 'error', lastError: { reason: 'liveChatDisabled', adviceKey: 'chat.advice.liveChatDisabled' } });
    const calls = yt.requests.length;
    await advance(p, 3_600_000);
    expect(yt.requests.length).toBe(calls);
    expect(clock.pendingTimers()).toBe(0);

    yt.apiKey = 'rotated';
    p.retry();
    await p.settled();
    expect(p.status()).toMatchObject({ state: 'error', lastError: { reason: 'keyInvalid', httpStatus: 400 } });
    expect(JSON.stringify(p.status())).not.toContain(KEY);
  });

  it.each(['offlineAt', 'chatEndedEvent', 'liveChatEnded'] as const)('stops cleanly when the chat ends (%s)', async (how) => {
    const p = makePoller();
    await startPoller(p);
    const last = yt.say(CHAT, 'Letzte Frage?');
    yt.endChat(CHAT, how);
    await advance(p, 6_000);
    expect(p.status().state).toBe('ended');
    if (how !== 'liveChatEnded') expect(db.questions(EVENT).map((q) => q.messageId)).toEqual([last]);
    expect(db.cursor(EVENT)?.endedAt).toBeTruthy();
    const calls = yt.requests.length;
    await advance(p, 3_600_000);
    expect(yt.requests.length).toBe(calls);
    expect(clock.pendingTimers()).toBe(0);
    // A restart does not poll the ended chat again.
    await p.stop();
    const again = makePoller();
    await startPoller(again);
    expect(again.status().state).toBe('ended');
    expect(yt.requests.length).toBe(calls);
  });

  it('waits for a broadcast that has not started, then connects', async () => {
    yt.video(VIDEO, { live: true, liveChatId: null });
    const p = makePoller();
    await startPoller(p);
    expect(p.status()).toMatchObject({ state: 'waiting' });
    await advance(p, 59_999);
    expect(yt.calls('/videos')).toHaveLength(1);
    yt.video(VIDEO, { liveChatId: CHAT });
    await advance(p, 1);
    expect(yt.calls('/videos')).toHaveLength(2);
    expect(p.status().state).toBe('connected');
  });

  it('the rule is read for every page: a settings change applies to the next page', async () => {
    const p = makePoller();
    await startPoller(p);
    rule = { chatImport: 'prefix', prefixes: ['Frage:'] };
    yt.say(CHAT, 'Ohne Präfix?');
    const q = yt.say(CHAT, 'frage: mit Präfix');
    await advance(p, 6_000);
    expect(db.questions(EVENT).map((x) => [x.messageId, x.text])).toEqual([[q, 'mit Präfix']]);
    expect(db.rows(EVENT).map((r) => r.matched)).toEqual([false, true]);
  });
});

describe('restarts: exactly once, no gaps', () => {
  it('a new poller over the same store continues from the stored page token', async () => {
    const all: string[] = [];
    for (let i = 0; i < 4; i++) all.push(yt.say(CHAT, `Frage ${i}?`));
    const a = makePoller();
    await startPoller(a);
    await advance(a, 6_000); // pages of 3: both read
    expect(db.rows(EVENT)).toHaveLength(4);
    const stored = db.cursor(EVENT)!.pageToken;
    await a.stop();

    for (let i = 4; i < 9; i++) all.push(yt.say(CHAT, `Frage ${i}?`)); // written while the server is down
    const before = messageCalls().length;
    const b = makePoller();
    await startPoller(b);
    expect(messageCalls()[before]!.params.pageToken).toBe(stored);
    expect(b.status()).toMatchObject({ read: 7, imported: 7 });
    await advance(b, 6_000);
    expect(db.rows(EVENT).map((r) => r.id)).toEqual(all);
    expect(db.questions(EVENT).map((q) => q.messageId)).toEqual(all);
  });

  it('a crash while a page is stored (rolled back) loses nothing and duplicates nothing', async () => {
    const all = [yt.say(CHAT, 'eins?'), yt.say(CHAT, 'zwei?')];
    const a = makePoller();
    await startPoller(a);
    all.push(yt.say(CHAT, 'drei?'), yt.say(CHAT, 'vier?'));
    db.failNextCommits(1); // the page with drei/vier: questions inserted, then the transaction fails
    await advance(a, 6_000);
    expect(a.status()).toMatchObject({ state: 'backoff', lastError: { reason: 'storage' } });
    expect(db.questions(EVENT)).toHaveLength(2); // rolled back with the token
    await a.stop(); // "crash" before the retry

    const b = makePoller();
    await startPoller(b);
    expect(db.rows(EVENT).map((r) => r.id)).toEqual(all);
    expect(db.questions(EVENT).map((q) => q.messageId)).toEqual(all);
  });

  it('a lost page token (a new chat id, or reading from the start) does not import anything twice', async () => {
    const all = [yt.say(CHAT, 'eins?'), yt.say(CHAT, 'zwei?')];
    const a = makePoller();
    await startPoller(a);
    await a.stop();
    db.data.events[EVENT]!.cursor = { ...db.data.events[EVENT]!.cursor!, pageToken: null };
    all.push(yt.say(CHAT, 'drei?'));
    const b = makePoller();
    await startPoller(b);
    await advance(b, 6_000);
    expect(db.questions(EVENT).map((q) => q.messageId)).toEqual(all);
    expect(db.rows(EVENT)).toHaveLength(3);
  });

  it('a stored token YouTube refuses (pageTokenInvalid) is dropped; reading from the start duplicates nothing', async () => {
    const all = [yt.say(CHAT, 'eins?'), yt.say(CHAT, 'zwei?')];
    const a = makePoller();
    await startPoller(a);
    await a.stop();
    db.data.events[EVENT]!.cursor = { ...db.data.events[EVENT]!.cursor!, pageToken: 'expired-token' };
    all.push(yt.say(CHAT, 'drei?'));
    const b = makePoller();
    await startPoller(b);
    expect(messageCalls().at(-1)).toMatchObject({ status: 400, params: { pageToken: 'expired-token' } });
    await advance(b, 6_000);
    expect(messageCalls().at(-1)!.params.pageToken).toBeUndefined();
    expect(db.questions(EVENT).map((q) => q.messageId)).toEqual(all);
    expect(b.status().state).toBe('connected');
  });

  it('a stop that comes while the cursor loads keeps the poller from starting', async () => {
    const a = makePoller();
    const started = a.start();
    const stopped = a.stop();
    await Promise.all([started, stopped]);
    await a.settled();
    expect(yt.requests).toEqual([]);
    expect(a.status().state).toBe('off');
  });

  it('stop waits for a running commit; the stopped poller makes no further request', async () => {
    yt.say(CHAT, 'x?');
    const a = makePoller();
    const started = a.start();
    await started;
    await a.stop();
    await a.settled();
    const n = yt.requests.length;
    await advance(a, 3_600_000);
    expect(yt.requests.length).toBe(n);
    expect(a.status().state).toBe('off');
  });
});
