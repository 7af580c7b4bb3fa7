/** Per-attendee rate limits on the socket. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createEvent, joinAttendee, setupOrganizer, startTestServer, type TestEvent, type TestServer } from './helpers.js';

let t: TestServer;
let ev: TestEvent;

beforeAll(async () => {
  t = await startTestServer();
  ev = await createEvent(t, await setupOrganizer(t));
});
afterAll(async () => {
  await t.close();
});

describe('rate limits', () => {
  it('3 questions a minute per attendee, shared by all tabs, with retryAfterMs', async () => {
    const att = await joinAttendee(t, ev.code);
    const tab1 = await connect(t, { code: ev.code, token: att.token });
    const tab2 = await connect(t, { code: ev.code, token: att.token });
    for (const text of ['1', '2']) await tab1.ok('qa:ask', { text: `Frage ${text}` });
    await tab2.ok('qa:ask', { text: 'Frage 3' });
    const limited = await tab2.call('qa:ask', { text: 'Frage 4' });
    expect(limited.ok).toBe(false);
    if (!limited.ok) {
      expect(limited.error.code).toBe('rate_limited');
      expect(limited.error.retryAfterMs).toBeGreaterThan(15_000);
      expect(limited.error.retryAfterMs).toBeLessThanOrEqual(20_000);
    }
    const other = await connect(t, { code: ev.code, token: (await joinAttendee(t, ev.code)).token });
    expect((await other.call('qa:ask', { text: 'Ich darf' })).ok).toBe(true);
    // Only three questions exist for this attendee.
    expect((await tab1.snapshot()).qa.own).toHaveLength(3);
    for (const c of [tab1, tab2, other]) c.close();
  });

  it('20 votes per 10 s per attendee', async () => {
    const asker = await connect(t, { code: ev.code, token: (await joinAttendee(t, ev.code)).token });
    const id = (await asker.ok('qa:ask', { text: 'Wackelkandidat' })).question.id;
    const voter = await connect(t, { code: ev.code, token: (await joinAttendee(t, ev.code)).token });
    // At once: a vote is acknowledged after its window's commit (up to 100 ms), so 20 one after another
    // would take long enough for the bucket to refill a few.
    await Promise.all(Array.from({ length: 20 }, (_, i) => voter.ok('qa:vote', { id, up: i % 2 === 0 })));
    const limited = await voter.call('qa:vote', { id, up: true });
    expect(!limited.ok && limited.error.code).toBe('rate_limited');
    expect(!limited.ok && limited.error.retryAfterMs).toBeGreaterThan(0);
    asker.close();
    voter.close();
  });

  it('a general cap of 100 messages per 10 s per sender', async () => {
    const mod = await connect(t, { code: ev.code, token: ev.tokens.moderator });
    // 110, not 101: the bucket refills one token per 100 ms, and on a busy machine the burst can take that long.
    // A cheap message (an empty payload the schema refuses) — the cap counts messages before it reads them.
    const results = await Promise.all(Array.from({ length: 110 }, () => mod.send('qa:star', {})));
    expect(results.slice(0, 100).every((r) => !r.ok && r.error.code === 'invalid_payload')).toBe(true);
    const refused = results.slice(100).filter((r) => !r.ok);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    mod.close();
  });
});
