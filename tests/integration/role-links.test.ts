/** Role links that behave: a link page names the role it needs, and the handshake refuses any other. */
import { io as ioClient } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { LinkRole, type Role } from '../../shared/kernel/roles.js';
import { WrongRoleData } from '../../shared/socket.js';
import { PROTOCOL_VERSION } from '../../shared/version.js';
import { connect, createEvent, joinAttendee, serverWithOrganizer, tokenOf, type TestServer } from './helpers.js';

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
