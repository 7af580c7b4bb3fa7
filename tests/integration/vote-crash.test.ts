/**
 * Group commit of votes under a hard kill: votes stream in from many attendees, the server is SIGKILLed
 * right inside the callback of an acknowledgement while further votes are still in their window, and after
 * a restart on the same data every acknowledged vote is there (acknowledged = committed), and every count
 * equals its vote rows (no half-written window). Once for the sources (tsx) and once for the compiled
 * server that `npm start` runs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ORGANIZER, api, connect, cookieFrom, createEvent, joinAttendee, type Client, type TestServer } from './helpers.js';
import { buildServer, serverProcesses } from './process.js';

const RUNTIMES = ['tsx', 'dist'] as const;

describe.each(RUNTIMES)('acknowledged votes survive SIGKILL (%s)', (runtime) => {
  const processes = serverProcesses(`plenum-vote-crash-${runtime}-`, { runtime });
  beforeAll(async () => {
    if (runtime === 'dist') await buildServer();
  }, 60_000);

  it('every vote acknowledged before the kill is stored, and every count matches its rows', async () => {
    const first = await processes.start();
    const t = { url: first.url } as TestServer;
    const setup = /\/setup\?token=([\w-]+)/.exec(first.output());
    const cookie = cookieFrom(await api(t.url, '/api/setup', { body: { token: setup![1], ...ORGANIZER } }));
    const ev = await createEvent(t, cookie, { settings: { qa: { premoderation: false } } });

    const people: Array<{ token: string; client: Client }> = [];
    for (let i = 0; i < 12; i++) {
      const { token } = await joinAttendee(t, ev.code, `Person ${i}`);
      people.push({ token, client: await connect(t, { code: ev.code, token }) });
    }
    const questionIds: string[] = [];
    for (let i = 0; i < 10; i++) questionIds.push((await people[i % 4]!.client.ok('qa:ask', { text: `Frage ${i}: zählt meine Stimme?` })).question.id);

    // Every attendee upvotes every question, 5 ms apart, without waiting for acks; kill on the 60th ack.
    const acked = new Map<number, Set<string>>(people.map((_, i) => [i, new Set<string>()]));
    let ackCount = 0;
    let killed = false;
    const sent: Array<Promise<unknown>> = [];
    await new Promise<void>((resolveAll) => {
      let k = 0;
      const timer = setInterval(() => {
        if (killed || k >= people.length * questionIds.length) {
          clearInterval(timer);
          resolveAll();
          return;
        }
        const i = k % people.length;
        const id = questionIds[Math.floor(k / people.length)]!;
        k++;
        sent.push(
          new Promise<void>((done) => {
            people[i]!.client.socket.emit('qa:vote', { id, up: true }, (res: { ok: boolean }) => {
              if (killed) return done();
              if (res.ok) {
                acked.get(i)!.add(id);
                if (++ackCount === 60) {
                  killed = true;
                  // No graceful anything: the process dies while later votes wait in their window.
                  first.child.kill('SIGKILL');
                }
              }
              done();
            });
            setTimeout(done, 3000);
          }),
        );
      }, 5);
    });
    await Promise.all(sent);
    await first.kill('SIGKILL');
    expect(killed, 'the kill happened mid-stream').toBe(true);
    for (const { client } of people) client.close();

    const second = await processes.start();
    try {
      const t2 = { url: second.url } as TestServer;
      const mod = await connect(t2, { code: ev.code, token: ev.tokens.moderator });
      const snap = await mod.snapshot();
      const stored = new Map<string, number>(questionIds.map((id) => [id, 0]));
      for (const [i, mine] of acked) {
        const back = await connect(t2, { code: ev.code, token: people[i]!.token });
        const myVotes = new Set((await back.snapshot()).qa.myVotes);
        for (const id of mine) expect(myVotes.has(id), `attendee ${i}'s acknowledged vote on ${id}`).toBe(true);
        for (const id of myVotes) stored.set(id, (stored.get(id) ?? 0) + 1);
        back.close();
      }
      // The counts were written in the same transaction as the rows: they agree, whatever the kill cut off.
      for (const q of snap.qa.questions) expect(q.votes, q.id).toBe(stored.get(q.id));
      const total = [...stored.values()].reduce((a, b) => a + b, 0);
      expect(total).toBeGreaterThanOrEqual(60);
      mod.close();
    } finally {
      await second.kill('SIGTERM');
    }
  }, 90_000);
});
