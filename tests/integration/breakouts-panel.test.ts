/**
 * Running a round as a facilitator (issue 9, section 2): the report after hand edits, absent roster people,
 * walk-ins with required attributes, help requests the attendee sees resolved, plan settings kept per event,
 * and what a member can read after the round.
 */
import { describe, expect, it } from 'vitest';
import type { RoundView } from '../../shared/breakouts/schemas.js';
import type { CommandPayload } from '../../shared/socket.js';
import { RosterResult } from '../../shared/people/schemas.js';
import { Mirror, api, connect, createEvent, joinAttendee, serverWithOrganizer, until, type Client, type TestEvent } from './helpers.js';

const ctx = serverWithOrganizer({ planTimeLimitMs: 200 });

interface Crowd {
  ev: TestEvent;
  fac: Client;
  facM: Mirror;
  people: Array<{ attendeeId: string; token: string }>;
  clients: Client[];
  mirrors: Mirror[];
}

async function crowd(n: number, eventBody: Record<string, unknown> = {}): Promise<Crowd> {
  const ev = await createEvent(ctx.t, ctx.cookie, eventBody);
  const fac = await connect(ctx.t, { code: ev.code, token: ev.tokens.facilitator });
  const facM = new Mirror(fac);
  await facM.sync();
  const people = await Promise.all(Array.from({ length: n }, (_, i) => joinAttendee(ctx.t, ev.code, `P${i}`)));
  const clients = await Promise.all(people.map((p) => connect(ctx.t, { code: ev.code, token: p.token })));
  const mirrors = clients.map((c) => new Mirror(c));
  await Promise.all(mirrors.map((m) => m.sync()));
  await until(() => [...facM.people.values()].filter((p) => p.online).length === n, 3000, 'everyone online');
  return { ev, fac, facM, people, clients, mirrors };
}

function closeAll(c: Crowd) {
  for (const x of [c.fac, ...c.clients]) x.close();
}

/** The first plan starts the planning worker, which is slow on a busy machine. */
async function plan(fac: Client, payload: CommandPayload<'breakouts:plan'>): Promise<RoundView> {
  const res = await fac.call('breakouts:plan', payload, 30_000);
  if (!res.ok) throw new Error(`plan failed: ${JSON.stringify(res.error)}`);
  return res.rounds[0]!;
}

const groupOf = (r: RoundView, id: string) => r.groups.findIndex((g) => g.members.some((m) => m.id === id));

describe('docs/protocol.md: "reports are recomputed after every manual change"', () => {
  it('a move into the group of someone to keep apart and the uneven sizes it makes show in the report at once (ack and delta)', async () => {
    const c = await crowd(4);
    const [a, b] = c.people.map((p) => p.attendeeId);
    const round = await plan(c.fac, { groups: 2, constraints: { apart: [[a!, b!]] }, seed: 7 });
    expect(round.report!.violations).toEqual([]);
    const target = groupOf(round, a!);
    const moved = (await c.fac.ok('breakouts:move', { roundId: round.id, personId: b!, toGroup: target })).round;
    expect(moved.report!.violations).toEqual([{ kind: 'apart', round: 0, groups: [target], ids: expect.arrayContaining([a, b]) }]);
    expect(moved.report).toMatchObject({ minSize: 1, maxSize: 3, sizeSpread: 2 });
    // The staff mirror got the recomputed report with the delta, not only the ack.
    await until(() => c.facM.rounds.get(round.id)?.report?.violations.length === 1, 2000, 'report delta');
    // Moving back keeps every rule again.
    const back = (await c.fac.ok('breakouts:move', { roundId: round.id, personId: b!, toGroup: 1 - target })).round;
    expect(back.report).toMatchObject({ violations: [], sizeSpread: 0 });
    closeAll(c);
  });

  it('a swap that makes a company clash is reported as a spread violation', async () => {
    const c = await crowd(4, { settings: { attendeeFields: [{ key: 'company', label: 'Firma', required: false }] } });
    const companies = ['ACME', 'ACME', 'Globex', 'Globex'];
    for (const [i, cl] of c.clients.entries()) await cl.ok('attendee:profile', { attributes: { company: companies[i]! } });
    const round = await plan(c.fac, { groups: 2, mode: 'spread', constraints: { spread: ['company'] }, seed: 3 });
    expect(round.report!.violations).toEqual([]);
    const [a0, a1] = c.people.map((p) => p.attendeeId);
    const other = round.groups[groupOf(round, a0!)]!.members.find((m) => m.id !== a0)!.id;
    const swapped = (await c.fac.ok('breakouts:swap', { roundId: round.id, a: other, b: a1! })).round;
    expect(swapped.report!.violations).toContainEqual(expect.objectContaining({ kind: 'spread', attribute: 'company', value: 'ACME', ids: expect.arrayContaining([a0, a1]) }));
    closeAll(c);
  });
});

describe('help requests the attendee sees', () => {
  it('every member sees the request live, then resolved, and may ask again; a reload shows the same', async () => {
    const c = await crowd(4);
    const round = await plan(c.fac, { groups: 2, seed: 1 });
    await c.fac.ok('breakouts:start', { roundId: round.id });
    const asker = 0;
    const g = groupOf(round, c.people[asker]!.attendeeId);
    const mate = c.people.findIndex((p, i) => i !== asker && groupOf(round, p.attendeeId) === g);
    const stranger = c.people.findIndex((p) => groupOf(round, p.attendeeId) !== g);
    const { request } = await c.clients[asker]!.ok('breakouts:help', { roundId: round.id });
    await until(() => c.mirrors[mate]!.help.get(request.id)?.resolvedAt === null, 2000, 'mate sees the request');
    await c.fac.ok('breakouts:resolveHelp', { id: request.id });
    await until(() => c.mirrors[asker]!.help.get(request.id)?.resolvedAt, 2000, 'asker sees it resolved');
    await until(() => c.mirrors[mate]!.help.get(request.id)?.resolvedAt, 2000, 'mate sees it resolved');
    expect(c.mirrors[stranger]!.help.size).toBe(0);
    // A fresh snapshot (a reload) has it too; someone of another group gets none.
    expect((await c.clients[mate]!.snapshot()).breakouts.help).toEqual([expect.objectContaining({ id: request.id, resolvedAt: expect.any(String) })]);
    expect((await c.clients[stranger]!.snapshot()).breakouts.help).toEqual([]);
    const again = (await c.clients[asker]!.ok('breakouts:help', { roundId: round.id })).request;
    expect(again.id).not.toBe(request.id);
    expect(again.resolvedAt).toBeNull();
    closeAll(c);
  });

  it('requests of a closed round are closed too (staff and members hear of it)', async () => {
    const c = await crowd(2);
    const round = await plan(c.fac, { groups: 1, seed: 1 });
    await c.fac.ok('breakouts:start', { roundId: round.id });
    const { request } = await c.clients[0]!.ok('breakouts:help', { roundId: round.id });
    await c.fac.ok('breakouts:close', { roundId: round.id, countdownSec: 0 });
    await until(() => c.facM.help.get(request.id)?.resolvedAt, 3000, 'staff see it closed');
    await until(() => c.mirrors[1]!.help.get(request.id)?.resolvedAt, 3000, 'members see it closed');
    closeAll(c);
  });
});

async function importRoster(c: Crowd, csv: string) {
  const res = await api(ctx.t.url, `/api/events/${c.ev.id}/roster`, { raw: csv, headers: { 'content-type': 'text/csv', authorization: `Bearer ${c.ev.tokens.facilitator}` } });
  expect(res.status).toBe(200);
  return RosterResult.parse(res.body).entries;
}

describe('absent roster entries are pre-assigned', () => {
  it('a plan includes roster people who are not online (default), they land in their group when they join; includeAbsent: false leaves them out', async () => {
    const c = await crowd(3);
    const [anna, ben] = await importRoster(c, 'name;Firma\nAnna;ACME\nBen;Globex\n');
    const round = await plan(c.fac, { groups: 2, seed: 4 });
    const planned = round.groups.flatMap((g) => g.members.map((m) => m.id));
    expect(planned).toEqual(expect.arrayContaining([anna!.attendeeId, ben!.attendeeId, ...c.people.map((p) => p.attendeeId)]));
    expect(planned).toHaveLength(5);
    const annasGroup = groupOf(round, anna!.attendeeId);
    await c.fac.ok('breakouts:start', { roundId: round.id });
    // Anna comes with her personal link: her group is waiting, nobody is re-placed.
    const annaClient = await connect(ctx.t, { code: c.ev.code, token: new URL(anna!.link).searchParams.get('invite')! });
    const annaM = new Mirror(annaClient);
    await annaM.sync();
    const seen = annaM.rounds.get(round.id)!;
    expect(groupOf(seen, anna!.attendeeId)).toBe(annasGroup);
    await c.fac.ok('breakouts:close', { roundId: round.id, countdownSec: 0 });
    const without = await plan(c.fac, { groups: 2, seed: 4, includeAbsent: false });
    // Ben is still absent: left out; Anna is online now: planned.
    const ids = without.groups.flatMap((g) => g.members.map((m) => m.id));
    expect(ids).not.toContain(ben!.attendeeId);
    expect(ids).toContain(anna!.attendeeId);
    annaClient.close();
    closeAll(c);
  });
});

describe('plan settings are kept on the server per event', () => {
  it('saved settings come back in the staff snapshot (a reload), reach other facilitators, and are not shown to attendees', async () => {
    const c = await crowd(2);
    const [a, b] = c.people.map((p) => p.attendeeId);
    const settings = {
      shape: 'groups' as const, count: '3', mode: 'spread' as const, spread: 'company', capacity: '', rounds: '2', minutes: '20',
      names: 'Rot\nBlau', topics: 'Verkehr\nWohnen', videoTemplate: 'https://meet.jit.si/x-{group}', apart: [[a!, b!]], together: [], includeAbsent: false,
    };
    expect((await c.fac.ok('breakouts:planSettings', { settings })).settings).toEqual(settings);
    await until(() => c.facM.state.breakouts.planSettings?.count === '3', 2000, 'delta to staff');
    const fac2 = await connect(ctx.t, { code: c.ev.code, token: c.ev.tokens.facilitator });
    expect((await fac2.snapshot()).breakouts.planSettings).toEqual(settings);
    expect((await c.clients[0]!.snapshot()).breakouts.planSettings).toBeUndefined();
    expect(await c.clients[0]!.send('breakouts:planSettings', { settings })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await c.fac.send('breakouts:planSettings', { settings: { ...settings, mode: 'nope' } })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    fac2.close();
    closeAll(c);
  });
});

describe('a walk-in with a required attribute', () => {
  it('is placed after answering, so the spread rule holds', async () => {
    const c = await crowd(4, { settings: { attendeeFields: [{ key: 'company', label: 'Firma', required: true }] } });
    const companies = ['ACME', 'Globex', 'ACME', 'Globex'];
    for (const [i, cl] of c.clients.entries()) await cl.ok('attendee:profile', { attributes: { company: companies[i]! } });
    const round = await plan(c.fac, { groups: 2, mode: 'spread', constraints: { spread: ['company'] }, seed: 2 });
    await c.fac.ok('breakouts:start', { roundId: round.id });
    const walkIn = await joinAttendee(ctx.t, c.ev.code, 'Walk-in');
    const cl = await connect(ctx.t, { code: c.ev.code, token: walkIn.token });
    const m = new Mirror(cl);
    await m.sync();
    await until(() => c.facM.people.get(walkIn.attendeeId)?.online, 3000, 'walk-in online');
    // Give the late-join placement its chance: it must wait for the answer.
    await new Promise((r) => setTimeout(r, 300));
    expect(groupOf(c.facM.rounds.get(round.id)!, walkIn.attendeeId)).toBe(-1);
    await cl.ok('attendee:profile', { attributes: { company: 'ACME' } });
    const placed = await until(() => {
      const r = c.facM.rounds.get(round.id)!;
      return groupOf(r, walkIn.attendeeId) >= 0 ? r : null;
    }, 3000, 'walk-in placed');
    // ACME: 3 people over 2 groups → at most 2 per group.
    expect(placed.report!.violations).toEqual([]);
    await until(() => groupOf(m.rounds.get(round.id)!, walkIn.attendeeId) >= 0, 3000, 'the walk-in sees their group');
    cl.close();
    closeAll(c);
  });
});

describe('late arrivals are recorded (first presence in the round)', () => {
  it('who is here at the start is on time; a planned roster person and a walk-in who come later are late; a reconnect is not; attendees see no marks', async () => {
    const c = await crowd(2);
    const [anna] = await importRoster(c, 'name\nAnna\n');
    const round = await plan(c.fac, { groups: 2, seed: 3 });
    const started = (await c.fac.ok('breakouts:start', { roundId: round.id })).round;
    expect(started.late).toEqual({});
    // Someone here at the start leaves and comes back: still on time.
    c.clients[0]!.close();
    await until(() => c.facM.people.get(c.people[0]!.attendeeId)?.online === false, 3000, 'left');
    c.clients[0] = await connect(ctx.t, { code: c.ev.code, token: c.people[0]!.token });
    // Anna was planned in while absent; a walk-in was not planned at all.
    const annaClient = await connect(ctx.t, { code: c.ev.code, token: new URL(anna!.link).searchParams.get('invite')! });
    const walkIn = await joinAttendee(ctx.t, c.ev.code, 'Spät');
    const walkInClient = await connect(ctx.t, { code: c.ev.code, token: walkIn.token });
    const late = await until(() => {
      const l = c.facM.rounds.get(round.id)?.late ?? {};
      return Object.keys(l).length === 2 ? l : null;
    }, 3000, 'two late arrivals reach staff');
    expect(Object.keys(late).sort()).toEqual([anna!.attendeeId, walkIn.attendeeId].sort());
    for (const at of Object.values(late)) expect(Date.parse(at)).toBeGreaterThan(Date.parse(started.startedAt!));
    const r = c.facM.rounds.get(round.id)!;
    expect(groupOf(r, walkIn.attendeeId)).toBeGreaterThanOrEqual(0);
    expect(groupOf(r, anna!.attendeeId)).toBe(groupOf(round, anna!.attendeeId));
    // A reload of the facilitator finds the same marks (stored, not only sent); attendees never get them.
    const fac2 = await connect(ctx.t, { code: c.ev.code, token: c.ev.tokens.facilitator });
    expect((await fac2.snapshot()).breakouts.rounds.find((x) => x.id === round.id)!.late).toEqual(late);
    const attendeeView = (await walkInClient.snapshot()).breakouts.rounds.find((x) => x.id === round.id)!;
    expect(attendeeView.late).toBeUndefined();
    for (const m of c.mirrors) expect(m.rounds.get(round.id)?.late).toBeUndefined();
    // A closed round carries no marks: the delta and a fresh snapshot agree.
    await c.fac.ok('breakouts:close', { roundId: round.id, countdownSec: 0 });
    await until(() => c.facM.rounds.get(round.id)?.status === 'closed', 3000, 'closed');
    expect(c.facM.rounds.get(round.id)!.late).toBeUndefined();
    expect((await fac2.snapshot()).breakouts.rounds.find((x) => x.id === round.id)!.late).toBeUndefined();
    for (const x of [fac2, annaClient, walkInClient]) x.close();
    closeAll(c);
  });
});
