/** Role links that behave: a link page names the role it needs, and the handshake refuses any other. */
import { io as ioClient } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { LinkRole, type Role } from '../../shared/kernel/roles.js';
import { WrongRoleData } from '../../shared/socket.js';
import { PROTOCOL_VERSION } from '../../shared/version.js';
import { EventDetails } from '../../shared/api.js';
import { api, connect, createEvent, joinAttendee, serverWithOrganizer, tokenOf, until, type TestServer } from './helpers.js';

const ctx = serverWithOrganizer();

interface Outcome {
  message: string;
  data?: unknown;
  role?: Role;
}

/** Opens a socket as a link page would (`expect`), and reports the refusal with its data or the role given. */
function open(t: TestServer, auth: Record<string, unknown>, cookie?: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const socket = ioClient(t.url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: { protocol: PROTOCOL_VERSION, ...auth },
      extraHeaders: cookie ? { cookie } : undefined,
    });
    const timer = setTimeout(() => reject(new Error('no answer')), 5000);
    // Nothing of the event may reach a refused socket: count every event it receives.
    let received = 0;
    socket.onAny(() => (received += 1));
    socket.once('connect_error', (err: Error & { data?: unknown }) => {
      clearTimeout(timer);
      socket.close();
      expect(received).toBe(0);
      resolve({ message: err.message, data: err.data });
    });
    socket.once('connect', () => {
      socket.timeout(5000).emit('sync:snapshot', {}, (err: Error | null, ack: { ok: boolean; snapshot?: { me: { role: Role } } }) => {
        clearTimeout(timer);
        socket.close();
        if (err) reject(err);
        else resolve({ message: 'connected', role: ack.snapshot?.me.role });
      });
    });
  });
}

async function eventWithTokens() {
  const ev = await createEvent(ctx.t, ctx.cookie);
  const tokens = Object.fromEntries(LinkRole.options.map((role) => [role, tokenOf(ev.links.links[role])])) as Record<LinkRole, string>;
  return { ev, tokens };
}

describe('role links: the page names the role it needs', () => {
  it('every link role on every link page: its own page connects, every other page is refused with wrong_role naming both', async () => {
    const { ev, tokens } = await eventWithTokens();
    for (const actual of LinkRole.options) {
      for (const expected of LinkRole.options) {
        const outcome = await open(ctx.t, { code: ev.code, token: tokens[actual], expect: expected });
        if (actual === expected) {
          expect(outcome, `${actual} on ${expected} page`).toEqual({ message: 'connected', role: actual });
        } else {
          expect(outcome.message, `${actual} on ${expected} page`).toBe('wrong_role');
          expect(WrongRoleData.parse(outcome.data)).toEqual({ expected, actual });
        }
      }
    }
  });

  it('an attendee token on a link page is refused with wrong_role (actual: attendee)', async () => {
    const { ev } = await eventWithTokens();
    const att = await joinAttendee(ctx.t, ev.code, 'Rolf');
    for (const expected of LinkRole.options) {
      const outcome = await open(ctx.t, { code: ev.code, token: att.token, expect: expected });
      expect(outcome).toEqual({ message: 'wrong_role', data: { expected, actual: 'attendee' } });
    }
  });

  it('an organizer (cookie, no token) passes every link page; a token of another role still wins over the cookie', async () => {
    const { ev, tokens } = await eventWithTokens();
    for (const expected of LinkRole.options) {
      expect(await open(ctx.t, { code: ev.code, expect: expected }, ctx.cookie)).toEqual({ message: 'connected', role: 'organizer' });
    }
    const outcome = await open(ctx.t, { code: ev.code, token: tokens.stage, expect: 'moderator' }, ctx.cookie);
    expect(outcome).toEqual({ message: 'wrong_role', data: { expected: 'moderator', actual: 'stage' } });
  });

  it('without expect nothing changes (attendee page, older clients); a bad expect is invalid_payload; wrong tokens stay unauthorized', async () => {
    const { ev, tokens } = await eventWithTokens();
    for (const role of LinkRole.options) expect(await open(ctx.t, { code: ev.code, token: tokens[role] })).toEqual({ message: 'connected', role });
    expect((await open(ctx.t, { code: ev.code, token: tokens.stage, expect: 'attendee' })).message).toBe('invalid_payload');
    expect((await open(ctx.t, { code: ev.code, token: tokens.stage, expect: 'organizer' })).message).toBe('invalid_payload');
    expect((await open(ctx.t, { code: ev.code, token: 'z'.repeat(43), expect: 'stage' })).message).toBe('unauthorized');
    expect((await open(ctx.t, { code: ev.code, expect: 'speaker' })).message).toBe('unauthorized');
  });

  it('a token of another event is unauthorized, not wrong_role (it tells nothing about that event)', async () => {
    const a = await eventWithTokens();
    const b = await eventWithTokens();
    expect((await open(ctx.t, { code: b.ev.code, token: a.tokens.moderator, expect: 'stage' })).message).toBe('unauthorized');
    // The helpers' connect (no expect) still works for the right event.
    (await connect(ctx.t, { code: a.ev.code, token: a.tokens.speaker })).close();
  });
});

describe('the speaker link and the stage settings over REST', () => {
  it('the event carries a speaker link; renewing it drops its holders, refuses the old token and leaves the other links', async () => {
    const { ev, tokens } = await eventWithTokens();
    expect(ev.links.links.speaker).toMatch(new RegExp(`/e/${ev.code}/speaker\\?token=`));
    const holder = await connect(ctx.t, { code: ev.code, token: tokens.speaker });
    const stage = await connect(ctx.t, { code: ev.code, token: tokens.stage });
    const res = await api(ctx.t.url, `/api/events/${ev.id}/links/speaker/rotate`, { method: 'POST', cookie: ctx.cookie });
    expect(res.status).toBe(200);
    const details = EventDetails.parse(res.body);
    const renewed = tokenOf(details.links.speaker);
    expect(renewed).not.toBe(tokens.speaker);
    expect(details.links.stage).toBe(ev.links.links.stage);
    await until(() => holder.disconnectReason, 2000, 'speaker dropped');
    expect(holder.revoked).toEqual(['link_rotated']);
    expect((await open(ctx.t, { code: ev.code, token: tokens.speaker, expect: 'speaker' })).message).toBe('unauthorized');
    expect(await open(ctx.t, { code: ev.code, token: renewed, expect: 'speaker' })).toEqual({ message: 'connected', role: 'speaker' });
    expect(stage.socket.connected).toBe(true);
    stage.close();
  });

  it('PATCH settings.stage: saved as given (theme and follow whole); a value outside the rules is 400 naming the field', async () => {
    const { ev } = await eventWithTokens();
    const stage = { theme: { background: '#102030', text: null, accent: '#ff8800', logoUrl: '/logo.png' }, follow: { room: true, overlay: false }, overlayAutoHideS: 20, speakerMayAnswer: true, meetingUrl: 'https://meet.jit.si/x' };
    const ok = await api(ctx.t.url, `/api/events/${ev.id}`, { method: 'PATCH', cookie: ctx.cookie, body: { settings: { stage } } });
    expect(ok.status).toBe(200);
    expect(EventDetails.parse(ok.body).settings.stage).toEqual(stage);
    for (const [patch, field] of [
      [{ theme: { accent: 'orange' } }, 'settings.stage.theme.accent'],
      [{ theme: { logoUrl: 'http://insecure.example/logo.png' } }, 'settings.stage.theme.logoUrl'],
      [{ overlayAutoHideS: 2 }, 'settings.stage.overlayAutoHideS'],
      [{ meetingUrl: 'zoom.us/j/1' }, 'settings.stage.meetingUrl'],
    ] as const) {
      const bad = await api(ctx.t.url, `/api/events/${ev.id}`, { method: 'PATCH', cookie: ctx.cookie, body: { settings: { stage: patch } } });
      expect(bad.status, field).toBe(400);
      expect(bad.body.error.code).toBe('invalid_payload');
      expect(bad.body.error.fields).toContain(field);
    }
    const after = await api(ctx.t.url, `/api/events/${ev.id}`, { cookie: ctx.cookie });
    expect(EventDetails.parse(after.body).settings.stage).toEqual(stage);
  });
});
