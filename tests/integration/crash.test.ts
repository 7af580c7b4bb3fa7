/**
 * Durability: a server process killed with SIGKILL right after acknowledging N questions and votes is
 * restarted on the same data, and all N are there ("acknowledged = committed").
 */
import { describe, expect, it } from 'vitest';
import { ORGANIZER, api, connect, cookieFrom, createEvent, joinAttendee, type Client, type TestServer } from './helpers.js';
import { serverProcesses } from './process.js';

const processes = serverProcesses('plenum-crash-');

describe('crash safety', () => {
  it('everything acknowledged before SIGKILL is there after a restart', async () => {
    const first = await processes.start();
    const t = { url: first.url } as TestServer;
    const setup = /\/setup\?token=([\w-]+)/.exec(first.output());
    expect(setup, 'setup link printed on first start').not.toBeNull();
    const cookie = cookieFrom(await api(t.url, '/api/setup', { body: { token: setup![1], ...ORGANIZER } }));
    const ev = await createEvent(t, cookie, { settings: { qa: { premoderation: false } } });

    const attendees: Array<{ token: string; client: Client }> = [];
    for (let i = 0; i < 6; i++) {
      const { token } = await joinAttendee(t, ev.code, `Person ${i}`);
      attendees.push({ token, client: await connect(t, { code: ev.code, token }) });
    }
    // 6 attendees × 3 questions (the per-minute limit), asked concurrently.
    const asked = await Promise.all(
      attendees.flatMap(({ client }, i) => [0, 1, 2].map((k) => client.ok('qa:ask', { text: `Frage ${i}-${k}: bleibt die erhalten?` }))),
    );
    const questionIds = asked.map((a) => a.question.id);
    expect(new Set(questionIds).size).toBe(18);

    // Every attendee upvotes a different slice of questions; count what was acknowledged.
    const expectedVotes = new Map(questionIds.map((id) => [id, 0]));
    const votes = attendees.flatMap(({ client }, i) =>
      questionIds.filter((_, k) => (k + i) % 3 !== 0).map(async (id) => {
        const res = await client.ok('qa:vote', { id, up: true });
        if (res.voted) expectedVotes.set(id, expectedVotes.get(id)! + 1);
      }),
    );
    await Promise.all(votes);
    const acknowledged = [...expectedVotes.values()].reduce((a, b) => a + b, 0);
    expect(acknowledged).toBe(72);

    // No graceful anything: the process dies right after the last ack.
    await first.kill('SIGKILL');
    for (const { client } of attendees) client.close();

    const second = await processes.start();
    try {
      expect(second.output()).not.toContain('/setup?token=');
      const t2 = { url: second.url } as TestServer;
      const login = await api(t2.url, '/api/auth/login', { body: ORGANIZER });
      expect(login.status).toBe(200);
      const mod = await connect(t2, { code: ev.code, token: ev.tokens.moderator });
      const snap = await mod.snapshot();
      expect(snap.qa.questions.map((q) => q.id).sort()).toEqual([...questionIds].sort());
      for (const q of snap.qa.questions) expect(q.votes, q.id).toBe(expectedVotes.get(q.id));
      // The attendee identities survived too: the same token is the same person with the same votes.
      const back = await connect(t2, { code: ev.code, token: attendees[1]!.token });
      const mine = await back.snapshot();
      expect(mine.qa.own).toHaveLength(3);
      expect(mine.qa.myVotes).toHaveLength(12);
      const again = await back.ok('qa:vote', { id: mine.qa.myVotes[0]!, up: true });
      expect(again.voted).toBe(true);
      // The seq keeps counting from where it was: reconnecting clients never see it go backwards.
      expect(snap.seq).toBeGreaterThanOrEqual(18);
      mod.close();
      back.close();
    } finally {
      await second.kill('SIGTERM');
      expect(second.child.exitCode).toBe(0);
    }
  }, 60_000);
});
