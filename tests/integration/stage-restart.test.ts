/**
 * What is on air survives a crash: a server killed with SIGKILL is restarted on the same data; the stage
 * gets the same screens and the queue back from the snapshot, and the overlay's auto-hide, re-armed from
 * the database, still fires at the original time.
 */
import { describe, expect, it } from 'vitest';
import { ORGANIZER, api, connect, cookieFrom, createEvent, joinAttendee, type TestServer } from './helpers.js';
import { serverProcesses } from './process.js';
import { question, untilScreen } from './stage-helpers.js';

const processes = serverProcesses('plenum-stage-restart-');

describe('the stage across a crash', () => {
  it('keeps both screens and the queue; the overlay still hides at since + autoHideS', async () => {
    const first = await processes.start();
    const t = { url: first.url } as TestServer;
    const setup = /\/setup\?token=([\w-]+)/.exec(first.output())!;
    const cookie = cookieFrom(await api(t.url, '/api/setup', { body: { token: setup[1], ...ORGANIZER } }));
    const ev = await createEvent(t, cookie);
    const att = await connect(t, { code: ev.code, token: (await joinAttendee(t, ev.code, 'Ida')).token });
    const mod = await connect(t, { code: ev.code, token: ev.tokens.moderator });
    const q = (await att.ok('qa:ask', { text: 'Überlebt den Neustart' })).question.id;
    await mod.ok('stage:show', { screen: 'room', item: question(q) });
    const shown = await mod.ok('stage:show', { screen: 'overlay', item: { kind: 'join' }, autoHideS: 25 });
    await mod.ok('stage:enqueue', { item: { kind: 'join' } });
    const before = (await mod.snapshot()).stage;
    const hideAt = Date.parse(shown.overlay.since!) + 25_000;

    await first.kill('SIGKILL');
    att.close();
    mod.close();

    const second = await processes.start();
    try {
      expect(Date.now()).toBeLessThan(hideAt - 1000); // the restart happened while the overlay was on air
      const t2 = { url: second.url } as TestServer;
      const mod2 = await connect(t2, { code: ev.code, token: ev.tokens.moderator });
      const stage2 = await connect(t2, { code: ev.code, token: ev.tokens.stage });
      expect((await mod2.snapshot()).stage).toEqual(before);
      const snap = await stage2.snapshot();
      expect(snap.stage.room.item).toEqual(question(q));
      expect(snap.stage.overlay).toEqual(before.overlay);

      await untilScreen(stage2, 'overlay', (st) => st?.item === null, 'overlay hides after the restart', hideAt - Date.now() + 5000);
      expect(Date.now()).toBeGreaterThanOrEqual(hideAt - 50);
      const after = (await mod2.snapshot()).stage;
      expect(after.overlay.item).toBeNull();
      expect(after.room).toEqual(before.room);
      expect(after.queue).toEqual(before.queue);
      mod2.close();
      stage2.close();
    } finally {
      await second.kill('SIGTERM');
      expect(second.child.exitCode).toBe(0);
    }
  }, 60_000);
});
