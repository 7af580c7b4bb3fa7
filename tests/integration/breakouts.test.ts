/**
 * Breakout groups beyond the happy path: timers, late joiners, self-select, impossible settings, roles,
 * presence, profiles and the roster import.
 */
import { describe, expect, it } from 'vitest';
import { RosterResult } from '../../shared/people/schemas.js';
import type { RoundView } from '../../shared/breakouts/schemas.js';
import {
  Mirror, api, connect, createEvent, joinAttendee, onEachDelta, serverWithOrganizer, setupOrganizer, sleep, stable, startTestServer, until, type Client, type TestEvent,
} from './helpers.js';

const ctx = serverWithOrganizer();

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

function closeAll(c: Crowd, ...more: Client[]) {
  for (const x of [c.fac, ...c.clients, ...more]) x.close();
}

const sizes = (r: RoundView) => r.groups.map((g) => g.members.length);
const ids = (r: RoundView) => r.groups.map((g) => g.members.map((m) => m.id));

describe('round timers', () => {
  it('when endsAt passes the round closes by itself: running → closing (closingSec) → closed', async () => {
    const c = await crowd(4, { settings: { breakouts: { closingSec: 1 } } });
    const round = (await c.fac.ok('breakouts:plan', { size: 2, durationSec: 30 })).rounds[0]!;
    const seen: string[] = [];
    onEachDelta(c.clients[0]!.socket, (d) => {
      for (const ch of d.changes) if (ch.type === 'breakouts:round' && ch.round.id === round.id) seen.push(ch.round.status);
    });
    await c.fac.ok('breakouts:start', { roundId: round.id });
    // The shortest duration is 30 s; shorten it to end in one second.
    const short = (await c.fac.ok('breakouts:extend', { roundId: round.id, seconds: -29 })).round;
    expect(short.durationSec).toBe(1);
    await until(() => c.mirrors[0]!.rounds.get(round.id)?.status === 'closing', 3000, 'closing');
    const closing = c.mirrors[0]!.rounds.get(round.id)!;
    expect(Date.parse(closing.closingEndsAt!) - Date.parse(closing.endsAt!)).toBe(1000);
    await until(() => c.mirrors.every((m) => m.rounds.get(round.id)?.status === 'closed'), 3000, 'closed');
    expect(c.mirrors[0]!.rounds.get(round.id)!.closedAt).toBe(closing.closingEndsAt);
    // start, extend, then the two timer steps.
    expect(seen).toEqual(['running', 'running', 'closing', 'closed']);
    // A closed round can be followed by the next one.
    const next = (await c.fac.ok('breakouts:plan', { size: 2 })).rounds[0]!;
    expect(next.number).toBe(2);
    expect((await c.fac.ok('breakouts:start', { roundId: next.id })).round.status).toBe('running');
    closeAll(c);
  });

  it('only one round runs at a time; extend, close and discard check the state', async () => {
    const c = await crowd(4);
    const [r1, r2] = (await c.fac.ok('breakouts:plan', { size: 2, rounds: 2 })).rounds;
    expect([r1!.number, r2!.number]).toEqual([1, 2]);
    expect(await c.fac.call('breakouts:extend', { roundId: r1!.id, seconds: 60 })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect(await c.fac.call('breakouts:close', { roundId: r1!.id })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    const running = (await c.fac.ok('breakouts:start', { roundId: r1!.id, durationSec: 120 })).round;
    expect(await c.fac.call('breakouts:start', { roundId: r2!.id })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect(await c.fac.call('breakouts:discard', { roundId: r1!.id })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    const longer = (await c.fac.ok('breakouts:extend', { roundId: r1!.id, seconds: 60 })).round;
    expect(Date.parse(longer.endsAt!) - Date.parse(running.endsAt!)).toBe(60_000);
    await c.fac.ok('breakouts:discard', { roundId: r2!.id });
    await until(() => !c.facM.rounds.has(r2!.id), 2000, 'draft removed');
    expect(await c.fac.call('breakouts:discard', { roundId: r2!.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    closeAll(c);
  });
});

describe('late joiners and leavers', () => {
  it('a late joiner goes into the smallest group and nobody else moves; a leaver keeps their place', async () => {
    const c = await crowd(10);
    // 10 people in groups of at most 3: 4 groups of 3, 3, 2, 2.
    const round = (await c.fac.ok('breakouts:plan', { size: 3, seed: 5 })).rounds[0]!;
    expect([...sizes(round)].sort()).toEqual([2, 2, 3, 3]);
    const started = (await c.fac.ok('breakouts:start', { roundId: round.id })).round;
    const before = ids(started);

    const late = await joinAttendee(ctx.t, c.ev.code, 'Spät');
    const lateClient = await connect(ctx.t, { code: c.ev.code, token: late.token });
    await until(() => c.facM.rounds.get(round.id)?.groups.some((g) => g.members.some((m) => m.id === late.attendeeId)), 3000, 'late joiner placed');
    const after = c.facM.rounds.get(round.id)!;
    const placed = after.groups.findIndex((g) => g.members.some((m) => m.id === late.attendeeId));
    expect(before[placed]).toHaveLength(2);
    // Everyone else is exactly where they were.
    expect(ids(after).map((g) => g.filter((id) => id !== late.attendeeId))).toEqual(before);
    // The newcomer's own snapshot shows them in that group; their group mates got the delta.
    const snap = await lateClient.snapshot();
    expect(snap.breakouts.rounds[0]!.groups[placed]!.members.map((m) => m.id)).toContain(late.attendeeId);
    const mate = c.people.findIndex((p) => p.attendeeId === before[placed]![0]);
    await until(() => !!c.mirrors[mate]!.rounds.get(round.id)?.groups[placed]?.members.some((m) => m.id === late.attendeeId), 2000, 'mate sees newcomer');

    // A leaver stays in the group and is shown offline to staff; coming back changes nothing.
    const leaver = c.people[0]!.attendeeId;
    c.clients[0]!.close();
    await until(() => c.facM.people.get(leaver)?.online === false, 2000, 'offline for staff');
    expect(c.facM.rounds.get(round.id)!.groups.some((g) => g.members.some((m) => m.id === leaver))).toBe(true);
    c.clients[0] = await connect(ctx.t, { code: c.ev.code, token: c.people[0]!.token });
    await until(() => c.facM.people.get(leaver)?.online === true, 2000, 'online again');
    await sleep(50);
    expect(ids(c.facM.rounds.get(round.id)!)).toEqual(ids(after));
    closeAll(c, lateClient);
  });
});

describe('starting a round', () => {
  it('people who came online after planning get a group at the start; nobody planned moves', async () => {
    const c = await crowd(6);
    const round = (await c.fac.ok('breakouts:plan', { size: 3, seed: 2 })).rounds[0]!;
    expect(sizes(round)).toEqual([3, 3]);
    const planned = ids(round);
    const late = await Promise.all([0, 1].map((i) => joinAttendee(ctx.t, c.ev.code, `Nach ${i}`)));
    const lateClients = await Promise.all(late.map((p) => connect(ctx.t, { code: c.ev.code, token: p.token })));
    await until(() => late.every((p) => c.facM.people.get(p.attendeeId)?.online), 2000, 'newcomers online');
    // Still a draft: nobody is placed before the start.
    expect(ids(c.facM.rounds.get(round.id)!)).toEqual(planned);
    const started = (await c.fac.ok('breakouts:start', { roundId: round.id })).round;
    expect(sizes(started)).toEqual([4, 4]);
    expect(ids(started).map((g, i) => g.filter((id) => planned[i]!.includes(id)))).toEqual(planned);
    for (const p of late) expect(started.groups.flatMap((g) => g.members).some((m) => m.id === p.attendeeId)).toBe(true);
    closeAll(c, ...lateClients);
  });
});

describe('self-select', () => {
  it('attendees choose a group up to its capacity, only while the round runs', async () => {
    const c = await crowd(3);
    const round = (await c.fac.ok('breakouts:plan', { groups: 2, mode: 'self', capacity: 2, names: ['Marketing', 'Technik'], topics: ['Kampagne', 'API'] })).rounds[0]!;
    expect(round.groups.map((g) => [g.name, g.topic, g.capacity, g.members.length])).toEqual([['Marketing', 'Kampagne', 2, 0], ['Technik', 'API', 2, 0]]);
    expect(await c.clients[0]!.call('breakouts:choose', { roundId: round.id, index: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    await c.fac.ok('breakouts:start', { roundId: round.id });
    await c.clients[0]!.ok('breakouts:choose', { roundId: round.id, index: 0 });
    const second = (await c.clients[1]!.ok('breakouts:choose', { roundId: round.id, index: 0 })).round;
    expect(second.groups[0]!.members.map((m) => m.id)).toEqual([c.people[0]!.attendeeId, c.people[1]!.attendeeId]);
    expect(second.locked).toBeUndefined();
    expect(await c.clients[2]!.call('breakouts:choose', { roundId: round.id, index: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    // Switching frees the place.
    await c.clients[1]!.ok('breakouts:choose', { roundId: round.id, index: 1 });
    await c.clients[2]!.ok('breakouts:choose', { roundId: round.id, index: 0 });
    await until(() => c.mirrors[0]!.rounds.get(round.id)?.groups[1]!.members.length === 1, 2000, 'choices reach everyone');
    // Nobody is placed automatically in a self-select round.
    const late = await joinAttendee(ctx.t, c.ev.code);
    const lateClient = await connect(ctx.t, { code: c.ev.code, token: late.token });
    await sleep(100);
    expect(c.facM.rounds.get(round.id)!.groups.flatMap((g) => g.members)).toHaveLength(3);
    closeAll(c, lateClient);
  });
});

describe('impossible settings', () => {
  it('more groups than people, size 0, contradictions, spread without attribute: a clear error and nothing changed', async () => {
    const c = await crowd(4);
    const draft = (await c.fac.ok('breakouts:plan', { size: 2 })).rounds[0]!;
    await sleep(60);
    const before = await c.fac.snapshot();
    const deltas = c.fac.deltas.length;

    const tooMany = await c.fac.call('breakouts:plan', { groups: 5 });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'plan_failed', params: { reason: 'invalid_group_count', groups: 5, people: 4 } } });
    if (!tooMany.ok) expect(tooMany.error.message).toMatch(/5 groups for 4 people/);
    expect(await c.fac.call('breakouts:plan', { size: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_payload', fields: ['size'] } });
    const [a, b] = [c.people[0]!.attendeeId, c.people[1]!.attendeeId];
    expect(await c.fac.call('breakouts:plan', { size: 2, constraints: { apart: [[a, b]], together: [[a, b]] } })).toMatchObject({
      ok: false,
      error: { code: 'plan_failed', params: { reason: 'contradictory_constraints' } },
    });
    expect(await c.fac.call('breakouts:plan', { size: 2, mode: 'spread' })).toMatchObject({ ok: false, error: { code: 'plan_failed', params: { reason: 'unknown_attribute' } } });
    expect(await c.fac.call('breakouts:plan', { size: 2, mode: 'spread', constraints: { spread: ['company'] } })).toMatchObject({
      ok: false,
      error: { code: 'plan_failed', params: { reason: 'unknown_attribute', attribute: 'company' } },
    });
    expect(await c.fac.call('breakouts:plan', { size: 2, people: ['nobody'] })).toMatchObject({ ok: false, error: { code: 'invalid_payload', fields: ['people'] } });
    expect(await c.fac.call('breakouts:plan', { size: 2, videoTemplate: 'raum-{group}' })).toMatchObject({ ok: false, error: { code: 'invalid_payload', fields: ['videoTemplate'] } });

    await sleep(60);
    expect(stable(await c.fac.snapshot())).toEqual(stable(before));
    expect(c.fac.deltas.length).toBe(deltas);
    expect(before.breakouts.rounds.map((r) => r.id)).toEqual([draft.id]);
    closeAll(c);
  });
});

describe('roles and membership', () => {
  it('attendees may not plan or run rounds; help, results and choices only in their own group', async () => {
    const c = await crowd(4);
    const round = (await c.fac.ok('breakouts:plan', { size: 2, seed: 3 })).rounds[0]!;
    for (const [name, payload] of [
      ['breakouts:plan', { size: 2 }],
      ['breakouts:start', { roundId: round.id }],
      ['breakouts:move', { roundId: round.id, personId: c.people[0]!.attendeeId, toGroup: 1 }],
      ['breakouts:resolveHelp', { id: 'x' }],
    ] as const) {
      expect(await c.clients[0]!.send(name, payload), name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const mod = await connect(ctx.t, { code: c.ev.code, token: c.ev.tokens.moderator });
    expect(await mod.send('breakouts:plan', { size: 2 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // A moderator is staff: sees the draft.
    expect((await mod.snapshot()).breakouts.rounds.map((r) => r.id)).toEqual([round.id]);
    expect((await c.clients[0]!.snapshot()).breakouts.rounds).toEqual([]);

    // Before the start: no help, no editing (not even facilitators).
    expect(await c.clients[0]!.call('breakouts:help', { roundId: round.id })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect(await c.fac.call('breakouts:editResult', { roundId: round.id, index: 0, baseVersion: 0, text: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    await c.fac.ok('breakouts:start', { roundId: round.id });
    const byId = new Map(c.people.map((p, i) => [p.attendeeId, c.clients[i]!]));
    const inGroup0 = byId.get(round.groups[0]!.members[0]!.id)!;
    const inGroup1 = byId.get(round.groups[1]!.members[0]!.id)!;
    expect(await inGroup1.call('breakouts:editResult', { roundId: round.id, index: 0, baseVersion: 0, text: 'fremd' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await inGroup0.ok('breakouts:editResult', { roundId: round.id, index: 0, baseVersion: 0, text: 'eigen' })).version).toBe(1);
    expect(await inGroup0.call('breakouts:editResult', { roundId: round.id, index: 0, baseVersion: 5, text: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    // Facilitators may edit any group; the same text twice is no new version.
    expect((await c.fac.ok('breakouts:editResult', { roundId: round.id, index: 1, baseVersion: 0, text: 'Notiz' })).version).toBe(1);
    expect((await c.fac.ok('breakouts:editResult', { roundId: round.id, index: 1, baseVersion: 1, text: 'Notiz' })).version).toBe(1);
    // Asking twice while a request is open returns the same request.
    const h1 = (await inGroup0.ok('breakouts:help', { roundId: round.id })).request;
    const h2 = (await inGroup0.ok('breakouts:help', { roundId: round.id })).request;
    expect(h2.id).toBe(h1.id);
    expect(await inGroup0.call('breakouts:choose', { roundId: round.id, index: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    // After closing, members can no longer edit; facilitators can, and can show results on stage.
    await c.fac.ok('breakouts:close', { roundId: round.id, countdownSec: 0 });
    expect(await inGroup0.call('breakouts:editResult', { roundId: round.id, index: 0, baseVersion: 1, text: 'später' })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect((await c.fac.ok('breakouts:editResult', { roundId: round.id, index: 0, baseVersion: 1, text: 'eigen, korrigiert' })).version).toBe(2);
    expect((await c.fac.ok('breakouts:showResults', { roundId: round.id, show: true })).round.showResults).toBe(true);
    await until(() => c.mirrors[3]!.rounds.get(round.id)?.showResults, 2000, 'showResults reaches attendees');
    expect(c.mirrors[3]!.rounds.get(round.id)!.groups[0]!.result).toBe('eigen, korrigiert');
    closeAll(c, mod);
  });
});

describe('group edits', () => {
  it('name, topic, video link and capacity; staff see drafts, the public the started round', async () => {
    const c = await crowd(4, { language: 'en' });
    const round = (await c.fac.ok('breakouts:plan', { size: 2, videoTemplate: 'https://bbb.example/r/{event}/{round}/{group}' })).rounds[0]!;
    expect(round.groups.map((g) => g.name)).toEqual(['Group 1', 'Group 2']);
    const edited = (await c.fac.ok('breakouts:group', { roundId: round.id, index: 1, name: 'Blau', topic: 'Roadmap', videoUrl: 'https://zoom.example/j/42' })).round;
    expect(edited.groups[1]).toMatchObject({ name: 'Blau', topic: 'Roadmap', videoUrl: 'https://zoom.example/j/42' });
    expect(edited.groups[0]!.videoUrl).toBe(`https://bbb.example/r/${c.ev.code}/1/1`);
    expect((await c.fac.ok('breakouts:group', { roundId: round.id, index: 0, videoUrl: '' })).round.groups[0]!.videoUrl).toBeNull();
    expect(await c.fac.call('breakouts:group', { roundId: round.id, index: 7, name: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await c.fac.ok('breakouts:start', { roundId: round.id });
    await until(() => c.mirrors[0]!.rounds.get(round.id)?.groups[1]!.name === 'Blau', 2000, 'public sees the group names');
    closeAll(c);
  });
});

describe('presence and profiles', () => {
  it('two tabs are one person; staff get coalesced presence at most every 500 ms', async () => {
    const slow = await startTestServer({ presenceFlushMs: 500 });
    try {
      const orgCookie = await setupOrganizer(slow);
      const ev = await (async () => {
        const res = await api(slow.url, '/api/events', { cookie: orgCookie, body: { title: 'P', format: 'space' } });
        return res.body as { id: string; code: string; links: { facilitator: string } };
      })();
      const facToken = new URL(ev.links.facilitator).searchParams.get('token')!;
      const fac = await connect(slow, { code: ev.code, token: facToken });
      const people = await Promise.all(Array.from({ length: 12 }, (_, i) => joinAttendee(slow, ev.code, `Q${i}`)));
      const started = Date.now();
      const tabs = await Promise.all(people.map((p) => connect(slow, { code: ev.code, token: p.token })));
      const second = await connect(slow, { code: ev.code, token: people[0]!.token });
      await until(() => fac.deltas.flatMap((d) => d.changes).filter((ch) => ch.type === 'people:presence').flatMap((ch) => (ch.type === 'people:presence' ? ch.people : [])).length >= 12, 3000, 'people:presence');
      const presence = fac.deltas.filter((d) => d.changes.some((ch) => ch.type === 'people:presence'));
      // 12 people connecting within well under a second: one or two flushes, not twelve.
      expect(presence.length).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / 500) + 1);
      expect(presence.length).toBeLessThan(4);
      // Closing one of two tabs is not leaving.
      tabs[0]!.close();
      await sleep(700);
      let snap = await fac.snapshot();
      expect(snap.people.people.find((p) => p.id === people[0]!.attendeeId)?.online).toBe(true);
      second.close();
      await until(() => fac.deltas.some((d) => d.changes.some((ch) => ch.type === 'people:presence' && ch.people.some((p) => p.id === people[0]!.attendeeId && !p.online))), 2000, 'offline');
      snap = await fac.snapshot();
      expect(snap.people.people.filter((p) => p.online)).toHaveLength(11);
      for (const x of [fac, ...tabs]) x.close();
    } finally {
      await slow.close();
    }
  });

  it('attendee:profile sets the organizer’s fields only; staff and the spread mode use them', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie, { settings: { attendeeFields: [{ key: 'company', label: 'Firma', required: true }] } });
    const fac = await connect(ctx.t, { code: ev.code, token: ev.tokens.facilitator });
    const facM = new Mirror(fac);
    await facM.sync();
    const companies = ['ACME', 'ACME', 'ACME', 'Globex', 'Globex', 'Globex'];
    const people = await Promise.all(companies.map((_, i) => joinAttendee(ctx.t, ev.code, `C${i}`)));
    const clients = await Promise.all(people.map((p) => connect(ctx.t, { code: ev.code, token: p.token })));
    expect(await clients[0]!.call('attendee:profile', { attributes: { shoe: '42' } })).toMatchObject({ ok: false, error: { code: 'invalid_payload', fields: ['attributes.shoe'] } });
    for (const [i, cl] of clients.entries()) expect((await cl.ok('attendee:profile', { attributes: { company: companies[i]! } })).attributes).toEqual({ company: companies[i] });
    expect((await clients[0]!.snapshot()).me.attributes).toEqual({ company: 'ACME' });
    await until(() => [...facM.people.values()].filter((p) => p.attributes.company).length === 6, 2000, 'attributes reach staff');
    const round = (await fac.ok('breakouts:plan', { groups: 3, mode: 'spread', constraints: { spread: ['company'] }, seed: 1 })).rounds[0]!;
    const company = new Map(people.map((p, i) => [p.attendeeId, companies[i]]));
    for (const g of round.groups) expect(new Set(g.members.map((m) => company.get(m.id))).size).toBe(2);
    expect(round.report?.violations).toEqual([]);
    // A required answer cannot be removed (see the next test); the saved one stays.
    expect(await clients[0]!.call('attendee:profile', { attributes: { company: '' } })).toMatchObject({ ok: false, error: { code: 'invalid_payload', fields: ['attributes.company'] } });
    expect((await clients[0]!.snapshot()).me.attributes).toEqual({ company: 'ACME' });
    // A rename reaches the draft's members list for staff.
    await clients[1]!.ok('attendee:rename', { name: 'Neuer Name' });
    await until(() => facM.rounds.get(round.id)?.groups.some((g) => g.members.some((m) => m.name === 'Neuer Name')), 2000, 'rename in round');
    for (const x of [fac, ...clients]) x.close();
  });

  it('attendee:profile is refused while a required field is missing or blank; optional answers can be removed', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie, {
      settings: { attendeeFields: [{ key: 'company', label: 'Firma', required: true }, { key: 'role', label: 'Rolle' }] },
    });
    const person = await joinAttendee(ctx.t, ev.code, 'Pflicht');
    const cl = await connect(ctx.t, { code: ev.code, token: person.token });
    const refused = { ok: false, error: { code: 'invalid_payload', fields: ['attributes.company'] } };
    expect(await cl.call('attendee:profile', { attributes: { role: 'Entwicklung' } })).toMatchObject(refused);
    const blank = await cl.call('attendee:profile', { attributes: { company: '   ', role: 'Entwicklung' } });
    expect(blank).toMatchObject(refused);
    expect(blank.ok ? '' : blank.error.message).toContain('Firma');
    expect(await cl.call('attendee:profile', { attributes: {} })).toMatchObject(refused);
    // Nothing of a refused profile was saved.
    expect((await cl.snapshot()).me.attributes).toEqual({});
    expect((await cl.ok('attendee:profile', { attributes: { company: 'ACME', role: 'Entwicklung' } })).attributes).toEqual({ company: 'ACME', role: 'Entwicklung' });
    // A required answer saved earlier counts; an optional one can be removed.
    expect((await cl.ok('attendee:profile', { attributes: { role: '' } })).attributes).toEqual({ company: 'ACME' });
    expect(await cl.call('attendee:profile', { attributes: { company: '' } })).toMatchObject(refused);
    expect((await cl.snapshot()).me.attributes).toEqual({ company: 'ACME' });
    cl.close();
  });
});

describe('roster import', () => {
  it('creates invited identities with personal links; re-import merges; GET shows the links again', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    const fac = await connect(ctx.t, { code: ev.code, token: ev.tokens.facilitator });
    const facM = new Mirror(fac);
    await facM.sync();
    const csv = '\uFEFFname;email;Firma\r\nAnna Müller;anna@example.org;ACME\r\nBen;;Globex\r\n"Chen, Li";li@example.org;\r\n';
    const res = await api(ctx.t.url, `/api/events/${ev.id}/roster`, { raw: csv, headers: { 'content-type': 'text/csv', authorization: `Bearer ${ev.tokens.facilitator}` } });
    expect(res.status).toBe(200);
    const { entries } = RosterResult.parse(res.body);
    expect(entries.map((e) => [e.name, e.email, e.attributes])).toEqual([
      ['Anna Müller', 'anna@example.org', { firma: 'ACME' }],
      ['Ben', null, { firma: 'Globex' }],
      ['Chen, Li', 'li@example.org', {}],
    ]);
    const link = new URL(entries[0]!.link);
    expect(link.pathname).toBe(`/e/${ev.code}`);
    const invite = link.searchParams.get('invite')!;
    // The invite token is the attendee identity.
    const anna = await connect(ctx.t, { code: ev.code, token: invite });
    const me = (await anna.snapshot()).me;
    expect(me).toMatchObject({ role: 'attendee', id: entries[0]!.attendeeId, name: 'Anna Müller', attributes: { firma: 'ACME' } });
    await until(() => facM.people.get(entries[0]!.attendeeId)?.online, 2000, 'staff see the invited person online');
    expect(facM.people.get(entries[1]!.attendeeId)).toMatchObject({ invited: true, online: false, name: 'Ben' });

    // Re-import: Anna by email (new company), Ben by name, one new person; the old links stay valid.
    const again = await api(ctx.t.url, `/api/events/${ev.id}/roster`, {
      raw: 'name,email,firma,rolle\nAnna M.,ANNA@example.org,Initech,Lead\nBen,,,Dev\nDora,,ACME,\n',
      headers: { 'content-type': 'text/csv', cookie: ctx.cookie },
    });
    expect(again.status).toBe(200);
    const second = RosterResult.parse(again.body).entries;
    expect(second[0]).toMatchObject({ attendeeId: entries[0]!.attendeeId, name: 'Anna M.', attributes: { firma: 'Initech', rolle: 'Lead' } });
    expect(second[1]).toMatchObject({ attendeeId: entries[1]!.attendeeId, attributes: { firma: 'Globex', rolle: 'Dev' } });
    expect(second[0]!.link).toBe(entries[0]!.link);
    const list = await api(ctx.t.url, `/api/events/${ev.id}/roster?token=${ev.tokens.facilitator}`);
    expect(RosterResult.parse(list.body).entries.map((e) => e.name)).toEqual(['Anna M.', 'Ben', 'Chen, Li', 'Dora']);
    anna.close();
    fac.close();
  });

  it('bad CSV → 400 with the reason and nothing imported; wrong credentials → 401', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    const post = (raw: string, headers: Record<string, string> = { 'content-type': 'text/csv', cookie: ctx.cookie }) =>
      api(ctx.t.url, `/api/events/${ev.id}/roster`, { method: 'POST', raw, headers });
    for (const [raw, reason] of [
      ['email,firma\na@example.org,ACME\n', '"name" column'],
      ['name,email\nAnna,a@example.org\nBen,keine-mail\n', 'line 3'],
      ['name,email\nAnna,a@example.org\nAnne,a@example.org\n', 'already on line 2'],
      ['name,firma\nAnna,"ACME\n', 'not valid CSV'],
      ['', 'empty'],
    ] as const) {
      const res = await post(raw);
      expect(res.status, raw).toBe(400);
      expect(res.body.error.code).toBe('invalid_payload');
      expect(res.body.error.message).toContain(reason);
    }
    expect((await post('name\nAnna\n', { 'content-type': 'application/json', cookie: ctx.cookie })).status).toBe(400);
    expect((await post('name\nAnna\n', { 'content-type': 'text/csv', authorization: `Bearer ${ev.tokens.moderator}` })).status).toBe(401);
    expect((await post('name\nAnna\n', { 'content-type': 'text/csv' })).status).toBe(401);
    expect((await api(ctx.t.url, `/api/events/${ev.id}/roster`, { headers: { cookie: ctx.cookie } })).body).toEqual({ entries: [] });
    const rows = await ctx.t.server.db.selectFrom('attendees').select('id').where('event_id', '=', ev.id).execute();
    expect(rows).toHaveLength(0);
  });
});
