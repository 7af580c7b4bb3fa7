/**
 * Round timers survive a crash: a server process killed with SIGKILL while a round runs is restarted on
 * the same data; the round is still running with the same endsAt, and the re-armed timer closes it on
 * time (closing at endsAt, closed closingSec later).
 */
import { describe, expect, it } from 'vitest';
import { ORGANIZER, Mirror, api, connect, cookieFrom, createEvent, joinAttendee, until, type TestServer } from './helpers.js';
import { serverProcesses } from './process.js';

const processes = serverProcesses('plenum-restart-');

describe('breakout timers across a crash', () => {
  it('a round running at SIGKILL keeps its endsAt after the restart and still closes on time', async () => {
    const first = await processes.start();
    const t = { url: first.url } as TestServer;
    const setup = /\/setup\?token=([\w-]+)/.exec(first.output())!;
    const cookie = cookieFrom(await api(t.url, '/api/setup', { body: { token: setup[1], ...ORGANIZER } }));
    const ev = await createEvent(t, cookie, { settings: { breakouts: { closingSec: 2 } } });
    const people = await Promise.all([0, 1, 2, 3].map((i) => joinAttendee(t, ev.code, `R${i}`)));
    const attendees = await Promise.all(people.map((p) => connect(t, { code: ev.code, token: p.token })));
    const fac = await connect(t, { code: ev.code, token: ev.tokens.facilitator });
    // Plan for the four explicitly (no need to wait for presence), start, and let it end in ~15 s: the
    // restart must happen before, also on PostgreSQL with the whole suite running (npm run test:cluster).
    const round = (await fac.ok('breakouts:plan', { size: 2, people: people.map((p) => p.attendeeId) })).rounds[0]!;
    await fac.ok('breakouts:start', { roundId: round.id, durationSec: 30 });
    const running = (await fac.ok('breakouts:extend', { roundId: round.id, seconds: -15 })).round;
    const endsAt = Date.parse(running.endsAt!);

    await first.kill('SIGKILL');
    for (const c of [...attendees, fac]) c.close();

    const second = await processes.start();
    try {
      expect(Date.now()).toBeLessThan(endsAt - 500); // the restart happened while the round ran
      const t2 = { url: second.url } as TestServer;
      const fac2 = await connect(t2, { code: ev.code, token: ev.tokens.facilitator });
      const m = new Mirror(fac2);
      await m.sync();
      const after = m.rounds.get(round.id)!;
      expect(after.status).toBe('running');
      expect(after.endsAt).toBe(running.endsAt);
      expect(after.groups.map((g) => g.members.map((x) => x.id))).toEqual(running.groups.map((g) => g.members.map((x) => x.id)));
      // An attendee coming back finds their group and the same time left.
      const back = await connect(t2, { code: ev.code, token: people[2]!.token });
      const snap = await back.snapshot();
      expect(snap.breakouts.rounds[0]!.endsAt).toBe(running.endsAt);

      await until(() => m.rounds.get(round.id)?.status === 'closing', endsAt - Date.now() + 3000, 'closing after endsAt');
      expect(Date.now()).toBeGreaterThanOrEqual(endsAt - 50);
      await until(() => m.rounds.get(round.id)?.status === 'closed', 5000, 'closed');
      const closed = m.rounds.get(round.id)!;
      expect(Date.parse(closed.closingEndsAt!)).toBe(endsAt + 2000);
      expect(closed.closedAt).toBe(closed.closingEndsAt);
      fac2.close();
      back.close();
    } finally {
      await second.kill('SIGTERM');
      expect(second.child.exitCode).toBe(0);
    }
  }, 60_000);
});
