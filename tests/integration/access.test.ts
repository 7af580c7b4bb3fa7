/**
 * settings.access (docs/api.md): an organizer narrows who may join one event — invitation only, or a cap on new
 * identities per address — without touching the server-wide join limit a venue relies on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RosterResult } from '../../shared/people/index.js';
import { api, connect, createEvent, joinAttendee, setupOrganizer, startTestServer, type TestServer } from './helpers.js';

describe('join policy per event (settings.access)', () => {
  let t: TestServer;
  let cookie: string;
  beforeAll(async () => {
    t = await startTestServer();
    cookie = await setupOrganizer(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const join = (code: string) => api<{ error: { code: string; retryAfterMs?: number } }>(t.url, `/api/join/${code}/attendees`, { body: {} });

  it('defaults: anyone may join by code, no cap per address', async () => {
    const ev = await createEvent(t, cookie);
    const details = (await api<{ settings: { access: unknown } }>(t.url, `/api/events/${ev.id}`, { cookie })).body;
    expect(details.settings.access).toEqual({ inviteOnly: false, identitiesPerAddress: null });
    for (let i = 0; i < 5; i++) expect((await join(ev.code)).status).toBe(201);
  });

  it('invitation only: joining by code is refused with invite_only; personal links and existing identities still work', async () => {
    const ev = await createEvent(t, cookie);
    const before = await joinAttendee(t, ev.code, 'Früh');
    const roster = await api(t.url, `/api/events/${ev.id}/roster`, { raw: 'name\nAnna\n', headers: { 'content-type': 'text/csv', cookie } });
    const invite = new URL(RosterResult.parse(roster.body).entries[0]!.link).searchParams.get('invite')!;
    const patched = await api(t.url, `/api/events/${ev.id}`, { cookie, method: 'PATCH', body: { settings: { access: { inviteOnly: true } } } });
    expect(patched.status).toBe(200);
    const refused = await join(ev.code);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('invite_only');
    expect((await (await connect(t, { code: ev.code, token: invite })).snapshot()).me.name).toBe('Anna');
    expect((await (await connect(t, { code: ev.code, token: before.token })).snapshot()).me.name).toBe('Früh');
    // Another event is not affected.
    expect((await join((await createEvent(t, cookie)).code)).status).toBe(201);
  });

  it('a cap per address: the next new identity is refused with 429 and Retry-After for this event only', async () => {
    const ev = await createEvent(t, cookie, { settings: { access: { identitiesPerAddress: 3 } } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await join(ev.code));
    expect(statuses.map((s) => s.status)).toEqual([201, 201, 201, 429]);
    expect(statuses[3]!.body.error.code).toBe('rate_limited');
    expect(Number(statuses[3]!.headers.get('retry-after'))).toBeGreaterThan(23 * 3600);
    expect((await join((await createEvent(t, cookie)).code)).status).toBe(201);
  });

  it('validates the policy and changes only what a patch names', async () => {
    const ev = await createEvent(t, cookie);
    for (const bad of [{ identitiesPerAddress: 0 }, { identitiesPerAddress: 1.5 }, { inviteOnly: 'ja' }, { other: true }]) {
      expect((await api(t.url, `/api/events/${ev.id}`, { cookie, method: 'PATCH', body: { settings: { access: bad } } })).status).toBe(400);
    }
    await api(t.url, `/api/events/${ev.id}`, { cookie, method: 'PATCH', body: { settings: { access: { identitiesPerAddress: 50 } } } });
    await api(t.url, `/api/events/${ev.id}`, { cookie, method: 'PATCH', body: { settings: { access: { inviteOnly: true } } } });
    const details = (await api<{ settings: { access: unknown } }>(t.url, `/api/events/${ev.id}`, { cookie })).body;
    expect(details.settings.access).toEqual({ inviteOnly: true, identitiesPerAddress: 50 });
  });
});
