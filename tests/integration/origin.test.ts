/**
 * REST writes check Origin (issue 12: with a valid cookie and `Origin: https://evil.example`, creating an event,
 * rotating a link, deleting an event and logging out all succeeded). Each is refused now and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createEvent, setupOrganizer, startTestServer, type TestServer } from './helpers.js';

describe('Origin check on state-changing REST requests', () => {
  let t: TestServer;
  let cookie: string;
  beforeAll(async () => {
    t = await startTestServer();
    cookie = await setupOrganizer(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const evil = { origin: 'https://evil.example' };

  it('refuses create, patch, rotate, delete and logout from a foreign origin with 403 forbidden and changes nothing', async () => {
    const ev = await createEvent(t, cookie);
    const before = (await api(t.url, `/api/events/${ev.id}`, { cookie })).body;
    const attempts = [
      await api(t.url, '/api/events', { cookie, headers: evil, body: { title: 'Fremd', format: 'talk' } }),
      await api(t.url, `/api/events/${ev.id}`, { cookie, headers: evil, method: 'PATCH', body: { title: 'Gekapert' } }),
      await api(t.url, `/api/events/${ev.id}/links/moderator/rotate`, { cookie, headers: evil, method: 'POST' }),
      await api(t.url, `/api/events/${ev.id}`, { cookie, headers: evil, method: 'DELETE' }),
      await api(t.url, '/api/auth/logout', { cookie, headers: evil, method: 'POST' }),
      // Without Origin, a browser's Sec-Fetch-Site still gives a cross-site request away.
      await api(t.url, `/api/events/${ev.id}`, { cookie, headers: { 'sec-fetch-site': 'cross-site' }, method: 'DELETE' }),
    ];
    for (const a of attempts) {
      expect(a.status).toBe(403);
      expect((a.body as { error: { code: string; message: string } }).error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/may not change/) });
    }
    const list = (await api<Array<{ id: string }>>(t.url, '/api/events', { cookie })).body;
    expect(list.map((e) => e.id)).toEqual([ev.id]);
    expect((await api(t.url, `/api/events/${ev.id}`, { cookie })).body).toEqual(before);
    expect((await api(t.url, '/api/auth/me', { cookie })).status).toBe(200);
  });

  it('lets the same requests through from its own origin, and reads from anywhere', async () => {
    const own = { origin: t.url };
    const created = await api<{ id: string }>(t.url, '/api/events', { cookie, headers: own, body: { title: 'Eigen', format: 'talk' } });
    expect(created.status).toBe(201);
    expect((await api(t.url, `/api/events/${created.body.id}`, { cookie, headers: evil })).status).toBe(200);
    expect((await api(t.url, `/api/events/${created.body.id}`, { cookie, headers: own, method: 'DELETE' })).status).toBe(204);
    expect((await api(t.url, '/api/auth/logout', { cookie, headers: own, method: 'POST' })).status).toBe(204);
  });
});
