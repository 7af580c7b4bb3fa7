/**
 * Durability of answers: a server killed with SIGKILL in the middle of an answer burst is restarted on the
 * same data; every acknowledged answer is there, the tallies are rebuilt from them, a poll's timer is
 * re-armed with its original end, and nobody can answer twice after the restart.
 */
import { describe, expect, it } from 'vitest';
import { ORGANIZER, api, connect, cookieFrom, createEvent, joinAttendee, sleep, type Client, type TestServer } from './helpers.js';
import { defs } from './polls-helpers.js';
import { serverProcesses } from './process.js';

const processes = serverProcesses('plenum-polls-crash-');

describe('polls crash safety', () => {
  it('no acknowledged answer is lost when the server is killed during a burst', async () => {
    const first = await processes.start();
    const t = { url: first.url } as TestServer;
    const setup = /\/setup\?token=([\w-]+)/.exec(first.output());
    const cookie = cookieFrom(await api(t.url, '/api/setup', { body: { token: setup![1], ...ORGANIZER } }));
    const ev = await createEvent(t, cookie);
    const mod = await connect(t, { code: ev.code, token: ev.tokens.moderator });
    const poll = (await mod.ok('polls:create', { definition: defs.single })).poll;
    const timed = (await mod.ok('polls:create', { definition: defs.rating, settings: { timerSec: 600 } })).poll;
    await mod.ok('polls:open', { id: poll.id });
    const closesAt = (await mod.ok('polls:open', { id: timed.id })).poll.closesAt;

    const people: Array<{ token: string; client: Client }> = [];
    for (let i = 0; i < 60; i++) {
      const { token } = await joinAttendee(t, ev.code);
      people.push({ token, client: await connect(t, { code: ev.code, token }) });
    }
    const acked = new Map<string, string>();
    let killed = false;
    const burst = people.map(async ({ token, client }, i) => {
      const optionId = ['o1', 'o2', 'o3'][i % 3]!;
      const res = await client.call('polls:answer', { pollId: poll.id, answer: { type: 'single', optionId } }).catch(() => null);
      if (res?.ok && !killed) acked.set(token, optionId);
    });
    // Kill as soon as a third of the burst is acknowledged: the rest is in flight.
    while (acked.size < 20) await sleep(1);
    killed = true;
    await first.kill('SIGKILL');
    await Promise.race([Promise.allSettled(burst), sleep(2000)]);
    for (const p of people) p.client.close();
    mod.close();
    expect(acked.size).toBeGreaterThanOrEqual(20);

    const second = await processes.start();
    try {
      const t2 = { url: second.url } as TestServer;
      const mod2 = await connect(t2, { code: ev.code, token: ev.tokens.moderator });
      const snap = await mod2.snapshot();
      const p = snap.polls.polls.find((x) => x.id === poll.id)!;
      const expected: Record<string, number> = { o1: 0, o2: 0, o3: 0 };
      for (const o of acked.values()) expected[o]! += 1;
      const counts = p.results?.kind === 'choice' ? p.results.counts : {};
      // Every acknowledged answer is there (answers in flight at the kill may be there too).
      for (const o of ['o1', 'o2', 'o3']) expect(counts[o]!).toBeGreaterThanOrEqual(expected[o]!);
      expect(p.responses).toBeGreaterThanOrEqual(acked.size);
      expect(p.status).toBe('open');
      expect(snap.polls.polls.find((x) => x.id === timed.id)!.closesAt).toBe(closesAt);

      // The same token is the same person: a second answer is refused after the restart.
      const [token, optionId] = [...acked.entries()][0]!;
      const back = await connect(t2, { code: ev.code, token });
      expect((await back.snapshot()).polls.mine.find((m) => m.pollId === poll.id)?.answer).toEqual({ type: 'single', optionId });
      const again = await back.call('polls:answer', { pollId: poll.id, answer: { type: 'single', optionId: 'o1' } });
      expect(!again.ok && again.error.code).toBe('already_answered');
      back.close();
      mod2.close();
    } finally {
      await second.kill('SIGTERM');
    }
  }, 60_000);
});
