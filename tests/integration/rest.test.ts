/** The REST contract of docs/api.md, against a real server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventCreated, EventDetails, JoinInfo, OrganizerInfo } from '../../shared/api.js';
import { run as organizerCli } from '../../server/cli/organizer.js';
import {
  ORGANIZER, api, connect, setupOrganizer, cookieFrom, createEvent, joinAttendee, startTestServer, until, type TestServer,
} from './helpers.js';
import { databaseEnv } from './database.js';

let t: TestServer;
let cookie: string;

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

describe('setup and login', () => {
  it('first start: setup is needed, a wrong token is refused, the right one creates the organizer once', async () => {
    expect((await api(t.url, '/api/setup')).body).toEqual({ needed: true });
    const wrong = await api(t.url, '/api/setup', { body: { token: 'x'.repeat(43), ...ORGANIZER } });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('forbidden');

    const token = new URL(t.server.setupLink!).searchParams.get('token');
    const res = await api(t.url, '/api/setup', { body: { token, email: ORGANIZER.email.toUpperCase(), password: ORGANIZER.password } });
    expect(res.status).toBe(201);
    expect(OrganizerInfo.parse(res.body).email).toBe(ORGANIZER.email);
    cookie = cookieFrom(res);

    const again = await api(t.url, '/api/setup', { body: { token, email: 'zwei@example.org', password: 'noch-ein-passwort' } });
    expect(again.status).toBe(403);
    expect((await api(t.url, '/api/setup')).body).toEqual({ needed: false });
  });

  it('login: 401 for a wrong password or unknown email, 200 with an httpOnly SameSite=Lax cookie otherwise', async () => {
    expect((await api(t.url, '/api/auth/login', { body: { email: ORGANIZER.email, password: 'falsch-falsch' } })).status).toBe(401);
    expect((await api(t.url, '/api/auth/login', { body: { email: 'nobody@example.org', password: 'whatever1' } })).status).toBe(401);
    expect((await api(t.url, '/api/auth/login', { body: { email: 'not-an-email' } })).status).toBe(400);

    const res = await api(t.url, '/api/auth/login', { body: ORGANIZER });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email: ORGANIZER.email });
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^plenum_session=[\w-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    const session = cookieFrom(res);
    expect((await api(t.url, '/api/auth/me', { cookie: session })).body).toMatchObject({ email: ORGANIZER.email });
    expect((await api(t.url, '/api/auth/logout', { method: 'POST', cookie: session })).status).toBe(204);
    expect((await api(t.url, '/api/auth/me', { cookie: session })).status).toBe(401);
    expect((await api(t.url, '/api/auth/me')).status).toBe(401);
  });

  it('the session token is stored only as a hash', async () => {
    const token = cookie.split('=')[1]!;
    const rows = await t.server.db.selectFrom('sessions').select('id').execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.id === token)).toBe(false);
  });

  it('the CLI adds an organizer who can then log in; duplicates and bad arguments fail', async () => {
    const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL, PG_SCHEMA: process.env.PG_SCHEMA };
    process.env.DATA_DIR = t.dataDir;
    delete process.env.DATABASE_URL;
    delete process.env.PG_SCHEMA;
    Object.assign(process.env, databaseEnv(t.dataDir));
    const errors: string[] = [];
    const logs: string[] = [];
    const origError = console.error;
    const origLog = console.log;
    console.error = (...a: unknown[]) => void errors.push(a.join(' '));
    console.log = (...a: unknown[]) => void logs.push(a.join(' '));
    try {
      expect(await organizerCli(['add', '--email', 'cli@example.org', '--password', 'aus-dem-skript'])).toBe(0);
      expect(await organizerCli(['add', '--email', 'cli@example.org', '--password', 'aus-dem-skript'])).toBe(1);
      expect(await organizerCli(['add', '--email', 'cli2@example.org', '--password', 'kurz'])).toBe(2);
      expect(await organizerCli(['remove'])).toBe(2);
    } finally {
      console.error = origError;
      console.log = origLog;
      Object.assign(process.env, saved);
      if (saved.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
      if (saved.PG_SCHEMA === undefined) delete process.env.PG_SCHEMA;
      delete process.env.PG_POOL_SIZE;
      if (saved.DATA_DIR === undefined) delete process.env.DATA_DIR;
    }
    expect(logs.join('\n')).toContain('cli@example.org');
    expect(errors.join('\n')).toContain('already exists');
    expect((await api(t.url, '/api/auth/login', { body: { email: 'cli@example.org', password: 'aus-dem-skript' } })).status).toBe(200);
  });

  it('limits login attempts per address', async () => {
    const t2 = await startTestServer();
    try {
      const statuses: number[] = [];
      // Different accounts, so only the per-address limit counts (10 a minute).
      for (let i = 0; i < 11; i++) statuses.push((await api(t2.url, '/api/auth/login', { body: { email: `a${i}@example.org`, password: 'x' } })).status);
      expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
      expect(statuses[10]).toBe(429);
    } finally {
      await t2.close();
    }
  });

  it('slows guessing at one account: after 3 failures the next attempt, even with the right password, waits', async () => {
    const t2 = await startTestServer();
    try {
      await setupOrganizer(t2);
      const wrong = { email: ORGANIZER.email, password: 'falsch-falsch' };
      for (let i = 0; i < 3; i++) expect((await api(t2.url, '/api/auth/login', { body: wrong })).status).toBe(401);
      const slowed = await api<{ error: { code: string; retryAfterMs: number } }>(t2.url, '/api/auth/login', { body: ORGANIZER });
      expect(slowed.status).toBe(429);
      expect(slowed.body.error.code).toBe('rate_limited');
      expect(slowed.headers.get('retry-after')).toBe('1');
      await new Promise((r) => setTimeout(r, slowed.body.error.retryAfterMs + 50));
      expect((await api(t2.url, '/api/auth/login', { body: ORGANIZER })).status).toBe(200);
      // A success clears the count for this address.
      expect((await api(t2.url, '/api/auth/login', { body: wrong })).status).toBe(401);
    } finally {
      await t2.close();
    }
  });
});

describe('events', () => {
  it('organizer-only: 401 without a session', async () => {
    expect((await api(t.url, '/api/events')).status).toBe(401);
    expect((await api(t.url, '/api/events', { body: { title: 'x', format: 'talk' } })).status).toBe(401);
  });

  it('POST /api/events → 201 with id, six-digit code and absolute role links', async () => {
    const res = await api(t.url, '/api/events', {
      cookie,
      body: { title: 'Hauptbühne', format: 'broadcast', language: 'en', startsAt: '2026-05-04T09:00:00+02:00', settings: { qa: { premoderation: true } } },
    });
    expect(res.status).toBe(201);
    const created = EventCreated.parse(res.body);
    expect(Object.keys(res.body).sort()).toEqual(['code', 'id', 'links']);
    expect(created.code).toMatch(/^\d{6}$/);
    expect(created.links.attendee).toBe(`${t.url}/e/${created.code}`);
    for (const role of ['moderator', 'facilitator', 'stage'] as const) {
      const path = { moderator: 'moderate', facilitator: 'facilitate', stage: 'stage' }[role];
      expect(created.links[role]).toMatch(new RegExp(`^${t.url}/e/${created.code}/${path}\\?token=[\\w-]{43}$`));
    }
    const details = EventDetails.parse((await api(t.url, `/api/events/${created.id}`, { cookie })).body);
    expect(details).toMatchObject({ title: 'Hauptbühne', format: 'broadcast', language: 'en', questionCount: 0, links: created.links });
    expect(details.settings.qa).toMatchObject({ premoderation: true, maxQuestionLength: 300, anonymousAllowed: true, open: true });
    expect(details.settings.qa.blockedWords.length).toBeGreaterThan(10);
  });

  it('uses PUBLIC_URL for links when set', async () => {
    const t2 = await startTestServer({}, { PUBLIC_URL: 'https://plenum.example.org/' });
    try {
      const res = await api(t2.url, '/api/setup', { body: { token: new URL(t2.server.setupLink!).searchParams.get('token'), ...ORGANIZER } });
      expect(t2.server.setupLink).toMatch(/^https:\/\/plenum\.example\.org\/setup\?token=/);
      expect(res.headers.get('set-cookie')).toMatch(/Secure/i);
      const ev = await createEvent(t2, cookieFrom(res));
      expect(ev.links.links.attendee).toBe(`https://plenum.example.org/e/${ev.code}`);
    } finally {
      await t2.close();
    }
  });

  it('validates bodies: 400 with the failing fields; 413 for a body over 16 KB', async () => {
    const res = await api(t.url, '/api/events', { cookie, body: { title: '', format: 'party', settings: { qa: { maxQuestionLength: 5 } } } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_payload');
    expect(res.body.error.fields).toEqual(expect.arrayContaining(['title', 'format', 'settings.qa.maxQuestionLength']));
    expect((await api(t.url, '/api/events', { cookie, raw: '{"title":' })).status).toBe(400);
    const big = await api(t.url, '/api/events', { cookie, body: { title: 'x', format: 'talk', pad: 'y'.repeat(20_000) } });
    expect(big.status).toBe(413);
    expect((await api(t.url, '/api/healthz-nope')).status).toBe(404);
  });

  it('GET /api/events lists events with question counts; PATCH changes only what it names', async () => {
    const ev = await createEvent(t, cookie, { title: 'Zählung', settings: { qa: { premoderation: true, maxQuestionLength: 500 } } });
    const a = await joinAttendee(t, ev.code);
    const c = await connect(t, { code: ev.code, token: a.token });
    await c.ok('qa:ask', { text: 'Eins?' });
    c.close();
    const list = (await api<unknown[]>(t.url, '/api/events', { cookie })).body.map((e) => EventDetails.parse(e));
    expect(list.find((e) => e.id === ev.id)?.questionCount).toBe(1);

    const patched = await api(t.url, `/api/events/${ev.id}`, { method: 'PATCH', cookie, body: { title: 'Neu', settings: { qa: { open: false } } } });
    expect(patched.status).toBe(200);
    const details = EventDetails.parse(patched.body);
    expect(details.title).toBe('Neu');
    expect(details.settings.qa).toMatchObject({ open: false, premoderation: true, maxQuestionLength: 500 });
    expect((await api(t.url, '/api/events/nope', { cookie })).status).toBe(404);
    expect((await api(t.url, `/api/events/nope`, { method: 'PATCH', cookie, body: { title: 'x' } })).status).toBe(404);
  });

  it('DELETE removes the event with all its data and drops its sockets', async () => {
    const ev = await createEvent(t, cookie);
    const a = await joinAttendee(t, ev.code, 'Weg');
    const c = await connect(t, { code: ev.code, token: a.token });
    const q = await c.ok('qa:ask', { text: 'Bleibt das?' });
    await c.ok('qa:vote', { id: q.question.id, up: true });

    const res = await api(t.url, `/api/events/${ev.id}`, { method: 'DELETE', cookie });
    expect(res.status).toBe(204);
    await until(() => c.disconnectReason, 3000, 'disconnect');
    expect(c.revoked).toEqual(['event_deleted']);
    expect((await api(t.url, `/api/events/${ev.id}`, { cookie })).status).toBe(404);
    expect((await api(t.url, `/api/join/${ev.code}`)).status).toBe(404);
    const db = t.server.db;
    const left = await Promise.all([
      db.selectFrom('attendees').select('id').where('event_id', '=', ev.id).execute(),
      db.selectFrom('questions').select('id').where('event_id', '=', ev.id).execute(),
      db.selectFrom('votes').select('question_id').where('attendee_id', '=', a.attendeeId).execute(),
    ]);
    expect(left.map((rows) => rows.length)).toEqual([0, 0, 0]);
    expect((await api(t.url, `/api/events/${ev.id}`, { method: 'DELETE', cookie })).status).toBe(404);
  });
});

describe('joining', () => {
  it('GET /api/join/:code → JoinInfo; unknown or malformed code → 404', async () => {
    const ev = await createEvent(t, cookie, { title: 'Öffentlich', language: 'de' });
    const res = await api(t.url, `/api/join/${ev.code}`);
    expect(res.status).toBe(200);
    expect(JoinInfo.strict().parse(res.body)).toMatchObject({ id: ev.id, code: ev.code, title: 'Öffentlich', language: 'de' });
    expect((await api(t.url, '/api/join/000000')).status).toBe(404);
    expect((await api(t.url, '/api/join/abc')).status).toBe(404);
  });

  it('POST /api/join/:code/attendees → 201 identity; only a hash of the token is stored', async () => {
    const ev = await createEvent(t, cookie);
    const res = await api(t.url, `/api/join/${ev.code}/attendees`, { body: { name: '  Jürgen  ' } });
    expect(res.status).toBe(201);
    expect(res.body.token).toMatch(/^[\w-]{43}$/);
    const row = await t.server.db.selectFrom('attendees').selectAll().where('id', '=', res.body.attendeeId).executeTakeFirstOrThrow();
    expect(row.name).toBe('Jürgen');
    expect(row.token_hash).not.toContain(res.body.token);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const noBody = await api(t.url, `/api/join/${ev.code}/attendees`, { method: 'POST' });
    expect(noBody.status).toBe(201);
    expect((await api(t.url, `/api/join/${ev.code}/attendees`, { body: { name: 'x'.repeat(61) } })).status).toBe(400);
    expect((await api(t.url, '/api/join/999999/attendees', { body: {} })).status).toBe(404);
  });
});

describe('CSV export', () => {
  it('works with the organizer cookie, Bearer and ?token=; refuses others; quotes and defuses properly', async () => {
    const ev = await createEvent(t, cookie, { settings: { qa: { premoderation: false } } });
    const a = await joinAttendee(t, ev.code, 'Zoë Müller');
    const c = await connect(t, { code: ev.code, token: a.token });
    const tricky = 'Größe, "Preis" und\nZeilenumbruch?';
    const q1 = await c.ok('qa:ask', { text: tricky });
    await c.ok('qa:ask', { text: '=HYPERLINK("http://evil")', anonymous: true });
    await c.ok('qa:vote', { id: q1.question.id, up: true });
    const mod = await connect(t, { code: ev.code, token: ev.tokens.moderator });
    await mod.ok('qa:label', { id: q1.question.id, labels: ['Preis', 'Technik'] });
    await mod.ok('qa:reply', { id: q1.question.id, text: 'Kommt, bald.' });
    await mod.ok('qa:answer', { id: q1.question.id });
    c.close();
    mod.close();

    const path = `/api/events/${ev.id}/questions.csv`;
    const viaCookie = await api(t.url, path, { cookie });
    const viaBearer = await api(t.url, path, { headers: { authorization: `Bearer ${ev.tokens.moderator}` } });
    const viaQuery = await api(t.url, `${path}?token=${ev.tokens.moderator}`);
    for (const res of [viaCookie, viaBearer, viaQuery]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers.get('content-disposition')).toContain(`plenum-${ev.code}-questions.csv`);
    }
    expect(viaBearer.text).toBe(viaCookie.text);
    // fetch's text() swallows the BOM, so look at the bytes.
    const bytes = new Uint8Array(await (await fetch(`${t.url}${path}?token=${ev.tokens.moderator}`)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = viaCookie.text;
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('id,state,text,author,anonymous,votes,labels,starred,reply,created_at,answered_at,source,merged_into');
    expect(text).toContain(`${q1.question.id},answered,"Größe, ""Preis"" und\nZeilenumbruch?",Zoë Müller,no,1,"Preis; Technik",no,"Kommt, bald.",`);
    expect(text).toContain(`,live,"'=HYPERLINK(""http://evil"")",,yes,0,,no,,`);

    expect((await api(t.url, path)).status).toBe(401);
    expect((await api(t.url, `${path}?token=${ev.tokens.stage}`)).status).toBe(401);
    expect((await api(t.url, path, { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(401);
    const other = await createEvent(t, cookie);
    expect((await api(t.url, `/api/events/${other.id}/questions.csv?token=${ev.tokens.moderator}`)).status).toBe(401);
  });
});

describe('health', () => {
  it('GET /healthz → 200 { ok: true }', async () => {
    const res = await api(t.url, '/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });
});
