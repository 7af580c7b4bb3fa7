/**
 * Sentences of docs/protocol.md and docs/api.md about breakouts that no other test held to their word:
 * the 20,000-character limit of a merged result, resolving help twice, a capacity below the members, and
 * the roster's row and size limits.
 */
import { describe, expect, it } from 'vitest';
import { Mirror, api, connect, createEvent, joinAttendee, serverWithOrganizer, sleep, until, type Client } from './helpers.js';

const ctx = serverWithOrganizer({ planTimeLimitMs: 200 });

async function runningRound(n: number) {
  const ev = await createEvent(ctx.t, ctx.cookie);
  const fac = await connect(ctx.t, { code: ev.code, token: ev.tokens.facilitator });
  const facM = new Mirror(fac);
  await facM.sync();
  const people = await Promise.all(Array.from({ length: n }, (_, i) => joinAttendee(ctx.t, ev.code, `P${i}`)));
  const clients = await Promise.all(people.map((p) => connect(ctx.t, { code: ev.code, token: p.token })));
  const planned = await fac.call('breakouts:plan', { groups: 1, people: people.map((p) => p.attendeeId), seed: 1 }, 30_000);
  if (!planned.ok) throw new Error(JSON.stringify(planned.error));
  const round = (await fac.ok('breakouts:start', { roundId: planned.rounds[0]!.id })).round;
  return { ev, fac, facM, people, clients, round, close: () => [fac, ...clients].forEach((c: Client) => c.close()) };
}

describe('docs/protocol.md, breakouts:editResult: "too_long (the merged text would exceed 20,000 characters)"', () => {
  it('a merge over 20,000 characters is refused and nothing changes; exactly 20,000 is accepted', async () => {
    const c = await runningRound(2);
    const [a, b] = c.clients;
    const edit = (who: Client, baseVersion: number, text: string) => who.call('breakouts:editResult', { roundId: c.round.id, index: 0, baseVersion, text });
    expect(await edit(a!, 0, 'a'.repeat(10_000))).toMatchObject({ ok: true, version: 1 });
    // Typed on the empty text at the same time: merged (with a line break between) into 20,000 characters, the limit itself.
    const merged = await edit(b!, 0, 'b'.repeat(9_999));
    expect(merged).toMatchObject({ ok: true, version: 2 });
    expect(merged.ok && merged.text.length).toBe(20_000);
    await until(() => c.facM.rounds.get(c.round.id)?.groups[0]?.resultVersion === 2, 2000, 'version 2 reaches staff');
    const seq = c.facM.seq;
    expect(await edit(c.fac, 0, 'c')).toMatchObject({ ok: false, error: { code: 'too_long' } });
    await sleep(200);
    expect(c.facM.seq).toBe(seq);
    expect(c.facM.rounds.get(c.round.id)!.groups[0]).toMatchObject({ resultVersion: 2 });
    expect(c.facM.rounds.get(c.round.id)!.groups[0]!.result).toHaveLength(20_000);
    c.close();
  });
});

describe('docs/protocol.md, breakouts:resolveHelp: "Resolving twice changes nothing"', () => {
  it('the second resolve acks the same request and sends no delta', async () => {
    const c = await runningRound(2);
    const { request } = await c.clients[0]!.ok('breakouts:help', { roundId: c.round.id });
    const first = (await c.fac.ok('breakouts:resolveHelp', { id: request.id })).request;
    expect(first.resolvedAt).not.toBeNull();
    await until(() => c.facM.help.get(request.id)?.resolvedAt, 2000, 'resolved delta');
    const seq = c.facM.seq;
    const second = (await c.fac.ok('breakouts:resolveHelp', { id: request.id })).request;
    expect(second).toEqual(first);
    await sleep(200);
    expect(c.facM.seq).toBe(seq);
    c.close();
  });
});

describe('docs/protocol.md, breakouts:group: "capacity only limits later choices (nobody is removed)"', () => {
  it('a capacity below the members keeps every member', async () => {
    const c = await runningRound(3);
    const round = (await c.fac.ok('breakouts:group', { roundId: c.round.id, index: 0, capacity: 1 })).round;
    expect(round.groups[0]!.capacity).toBe(1);
    expect(round.groups[0]!.members.map((m) => m.id).sort()).toEqual(c.people.map((p) => p.attendeeId).sort());
    c.close();
  });
});

describe('docs/api.md, POST /api/events/:id/roster: "≤ 1 MB, ≤ 5,000 rows"', () => {
  const post = (id: string, raw: string) => api(ctx.t.url, `/api/events/${id}/roster`, { method: 'POST', raw, headers: { 'content-type': 'text/csv', cookie: ctx.cookie } });

  it('5,000 rows are imported; 5,001 are refused naming the limit, and nothing is imported', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    const rows = (n: number) => `name\n${Array.from({ length: n }, (_, i) => `Person ${i}`).join('\n')}\n`;
    const over = await post(ev.id, rows(5001));
    expect(over.status).toBe(400);
    expect(over.body.error).toMatchObject({ code: 'invalid_payload' });
    expect(over.body.error.message).toContain('5000');
    expect(await ctx.t.server.db.selectFrom('attendees').select('id').where('event_id', '=', ev.id).execute()).toHaveLength(0);
    const ok = await post(ev.id, rows(5000));
    expect(ok.status).toBe(200);
    expect(ok.body.entries).toHaveLength(5000);
  }, 60_000);

  it('a body over 1 MB is refused with 413 and nothing is imported', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    const big = `name,notes\n${Array.from({ length: 4000 }, (_, i) => `P${i},${'x'.repeat(300)}`).join('\n')}\n`;
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const res = await post(ev.id, big);
    expect(res.status).toBe(413);
    expect(await ctx.t.server.db.selectFrom('attendees').select('id').where('event_id', '=', ev.id).execute()).toHaveLength(0);
  });
});
