/**
 * Two cadences: staff get every delta at once as `sync:delta`; attendees get the deltas of one tick
 * (100 ms) in one message (`sync:deltas` when there are several), same seqs, same order, nothing lost.
 */
import { describe, expect, it } from 'vitest';
import type { Delta } from '../../shared/socket.js';
import { ConfigError, loadConfig } from '../../server/config.js';
import { connect, createEvent, joinAttendee, serverWithOrganizer, setupOrganizer, startTestServer, until, type Client } from './helpers.js';

const ctx = serverWithOrganizer();

function messages(c: Client): Array<{ kind: 'one' | 'many'; deltas: Delta[] }> {
  const out: Array<{ kind: 'one' | 'many'; deltas: Delta[] }> = [];
  c.socket.on('sync:delta', (d) => out.push({ kind: 'one', deltas: [d] }));
  c.socket.on('sync:deltas', ({ deltas }) => out.push({ kind: 'many', deltas }));
  return out;
}

describe('attendee and staff cadences', () => {
  it('ten questions asked at once: ten messages to a moderator, fewer to an attendee, same seqs', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie, { settings: { qa: { premoderation: false } } });
    const mod = await connect(ctx.t, { code: ev.code, token: ev.tokens.moderator });
    const askers = await Promise.all(Array.from({ length: 10 }, async () => connect(ctx.t, { code: ev.code, token: (await joinAttendee(ctx.t, ev.code)).token })));
    const watcher = await connect(ctx.t, { code: ev.code, token: (await joinAttendee(ctx.t, ev.code)).token });
    await new Promise((r) => setTimeout(r, 700)); // presence of the joins has gone out
    const toMod = messages(mod);
    const toAtt = messages(watcher);

    await Promise.all(askers.map((a, i) => a.ok('qa:ask', { text: `Gleichzeitig ${i}: wie viele Nachrichten?` })));
    const upserts = (list: typeof toMod) => list.flatMap((m) => m.deltas).flatMap((d) => d.changes).filter((c) => c.type === 'question:upsert').length;
    await until(() => upserts(toAtt) === 10 && upserts(toMod) === 10, 5000, 'all ten seen');

    const modSeqs = toMod.flatMap((m) => m.deltas.map((d) => d.seq));
    const attSeqs = toAtt.flatMap((m) => m.deltas.map((d) => d.seq));
    expect(toMod.every((m) => m.kind === 'one')).toBe(true);
    expect(attSeqs).toEqual(modSeqs);
    expect(attSeqs).toEqual(attSeqs.map((_, i) => attSeqs[0]! + i));
    // Ticks of 100 ms hold several each (however busy the machine, ten commits take more than one tick only
    // if each takes over 10 ms; the bound is loose on purpose).
    expect(toAtt.length).toBeLessThan(10);
    expect(toAtt.some((m) => m.kind === 'many')).toBe(true);

    for (const c of [mod, watcher, ...askers]) c.close();
  });
});

describe('a large event: the tick in parts (partedFrom lowered to 4)', () => {
  it('every attendee gets every seq once and in order, and no voter gets an older tick after its ack', async () => {
    const t = await startTestServer({ partedFrom: 4 });
    try {
      const cookie = await setupOrganizer(t);
      const ev = await createEvent(t, cookie, { settings: { qa: { premoderation: false } } });
      const mod = await connect(t, { code: ev.code, token: ev.tokens.moderator });
      const attendees = await Promise.all(Array.from({ length: 40 }, async () => connect(t, { code: ev.code, token: (await joinAttendee(t, ev.code)).token })));
      const { question } = await attendees[0]!.ok('qa:ask', { text: 'Wie viele Teile hat ein Tick?' });
      await new Promise((r) => setTimeout(r, 300));
      // What each socket receives, in order: tick messages (their seqs) and its own vote acks (their seq).
      const log = attendees.map((a) => {
        const got: Array<{ kind: 'tick'; seqs: number[] } | { kind: 'ack'; seq: number }> = [];
        a.socket.on('sync:delta', (d) => got.push({ kind: 'tick', seqs: [d.seq] }));
        a.socket.on('sync:deltas', ({ deltas }) => got.push({ kind: 'tick', seqs: deltas.map((d) => d.seq) }));
        return got;
      });
      const staffSeqs: number[] = [];
      mod.socket.on('sync:delta', (d) => staffSeqs.push(d.seq));

      // Votes in three waves, and questions meanwhile: ticks come due while others are going out.
      const acks: Array<{ voter: number; seq: number }> = [];
      for (let wave = 0; wave < 3; wave++) {
        await Promise.all([
          ...attendees.map(async (a, i) => {
            const res = await a.ok('qa:vote', { id: question.id, up: wave !== 1 });
            expect(res.seq).toBeTypeOf('number');
            log[i]!.push({ kind: 'ack', seq: res.seq! });
            acks.push({ voter: i, seq: res.seq! });
          }),
          attendees[wave + 1]!.ok('qa:ask', { text: `Zwischenfrage ${wave}: kommt sie in der richtigen Reihenfolge an?` }),
        ]);
      }
      const last = Math.max(...staffSeqs);
      await until(() => log.every((got) => got.some((m) => m.kind === 'tick' && m.seqs.includes(last))), 5000, 'every attendee has the last seq');

      const first = staffSeqs[0]!;
      for (const got of log) {
        const seqs = got.flatMap((m) => (m.kind === 'tick' ? m.seqs : []));
        expect(seqs).toEqual(Array.from({ length: last - first + 1 }, (_, i) => first + i));
        // After the ack of a vote in seq S, no tick that ends before S.
        got.forEach((m, i) => {
          if (m.kind !== 'ack') return;
          const next = got.slice(i + 1).find((n) => n.kind === 'tick');
          expect(next && next.kind === 'tick' && Math.max(...next.seqs)).toBeGreaterThanOrEqual(m.seq);
        });
      }
      // The ack's seq is the staff delta with the vote counts.
      expect(acks.every((a) => staffSeqs.includes(a.seq))).toBe(true);
      for (const c of [mod, ...attendees]) c.close();
    } finally {
      await t.close();
    }
  });
});

describe('ATTENDEE_TICK_MS', () => {
  it('is read from the environment and checked', () => {
    expect(loadConfig({}).attendeeTickMs).toBe(100);
    expect(loadConfig({ ATTENDEE_TICK_MS: '250' }).attendeeTickMs).toBe(250);
    expect(loadConfig({ ATTENDEE_TICK_MS: '0' }).attendeeTickMs).toBe(0);
    for (const bad of ['-1', '2001', '1.5', 'fast']) expect(() => loadConfig({ ATTENDEE_TICK_MS: bad })).toThrow(ConfigError);
  });

  it('0: attendees get every delta at once, one message each', async () => {
    const t = await startTestServer({}, { ATTENDEE_TICK_MS: '0' });
    try {
      const cookie = await setupOrganizer(t);
      const ev = await createEvent(t, cookie, { settings: { qa: { premoderation: false } } });
      const askers = await Promise.all(Array.from({ length: 4 }, async () => connect(t, { code: ev.code, token: (await joinAttendee(t, ev.code)).token })));
      const watcher = await connect(t, { code: ev.code, token: (await joinAttendee(t, ev.code)).token });
      await new Promise((r) => setTimeout(r, 100));
      const got = messages(watcher);
      await Promise.all(askers.map((a, i) => a.ok('qa:ask', { text: `Sofort ${i}: einzeln bitte` })));
      const upserts = () => got.flatMap((m) => m.deltas).flatMap((d) => d.changes).filter((c) => c.type === 'question:upsert').length;
      await until(() => upserts() === 4, 3000, 'four seen');
      expect(got.every((m) => m.kind === 'one')).toBe(true);
      for (const c of [watcher, ...askers]) c.close();
    } finally {
      await t.close();
    }
  });
});

describe('VOTE_WINDOW_MS', () => {
  it('is read from the environment and checked', () => {
    expect(loadConfig({}).voteWindowMs).toBe(100);
    expect(loadConfig({ VOTE_WINDOW_MS: '40' }).voteWindowMs).toBe(40);
    for (const bad of ['0', '4', '1001', '2.5', 'soon']) expect(() => loadConfig({ VOTE_WINDOW_MS: bad })).toThrow(ConfigError);
  });

  it('a vote is acknowledged only after its window closed and committed (400 ms here)', async () => {
    const t = await startTestServer({}, { VOTE_WINDOW_MS: '400' });
    try {
      const cookie = await setupOrganizer(t);
      const ev = await createEvent(t, cookie, { settings: { qa: { premoderation: false } } });
      const asker = await connect(t, { code: ev.code, token: (await joinAttendee(t, ev.code)).token });
      const voter = await connect(t, { code: ev.code, token: (await joinAttendee(t, ev.code)).token });
      const id = (await asker.ok('qa:ask', { text: 'Wie lange dauert eine Stimme?' })).question.id;
      const t0 = performance.now();
      await voter.ok('qa:vote', { id, up: true });
      expect(performance.now() - t0).toBeGreaterThanOrEqual(390);
      for (const c of [asker, voter]) c.close();
    } finally {
      await t.close();
    }
  });
});
