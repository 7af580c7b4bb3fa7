/** Who may connect to which event, and link rotation. */
import { describe, expect, it } from 'vitest';
import { EventDetails } from '../../shared/api.js';
import { PROTOCOL_VERSION } from '../../shared/version.js';
import { api, connect, connectError, createEvent, joinAttendee, serverWithOrganizer, tokenOf, until } from './helpers.js';

const ctx = serverWithOrganizer();

describe('handshake', () => {
  it('each token gives its role in its own event', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    const att = await joinAttendee(ctx.t, ev.code, 'Rolf');
    const cases = [
      [{ token: ev.tokens.moderator }, 'moderator'],
      [{ token: ev.tokens.facilitator }, 'facilitator'],
      [{ token: ev.tokens.stage }, 'stage'],
      [{ token: att.token }, 'attendee'],
      [{ cookie: ctx.cookie }, 'organizer'],
    ] as const;
    for (const [opts, role] of cases) {
      const c = await connect(ctx.t, { code: ev.code, ...opts });
      expect((await c.snapshot()).me.role).toBe(role);
      c.close();
    }
  });

  it('a token of event A is refused in event B', async () => {
    const a = await createEvent(ctx.t, ctx.cookie, { title: 'A' });
    const b = await createEvent(ctx.t, ctx.cookie, { title: 'B' });
    const att = await joinAttendee(ctx.t, a.code);
    for (const token of [a.tokens.moderator, a.tokens.facilitator, a.tokens.stage, att.token]) {
      expect(await connectError(ctx.t, { code: b.code, token })).toBe('unauthorized');
      expect(await connectError(ctx.t, { code: a.code, token })).toBe('connected');
    }
  });

  it('refuses wrong protocol, unknown code, bad auth, and no identity', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    expect(await connectError(ctx.t, { code: ev.code, token: ev.tokens.moderator, protocol: PROTOCOL_VERSION + 1 })).toBe('protocol_mismatch');
    expect(await connectError(ctx.t, { code: ev.code === '999999' ? '999998' : '999999', token: ev.tokens.moderator })).toBe('not_found');
    expect(await connectError(ctx.t, { code: ev.code, auth: { code: ev.code } })).toBe('invalid_payload');
    expect(await connectError(ctx.t, { code: ev.code, auth: { protocol: PROTOCOL_VERSION, code: '12ab' } })).toBe('invalid_payload');
    expect(await connectError(ctx.t, { code: ev.code, auth: { protocol: String(PROTOCOL_VERSION), code: ev.code } })).toBe('invalid_payload');
    expect(await connectError(ctx.t, { code: ev.code })).toBe('unauthorized');
    expect(await connectError(ctx.t, { code: ev.code, token: 'x'.repeat(43) })).toBe('unauthorized');
    expect(await connectError(ctx.t, { code: ev.code, cookie: 'plenum_session=forged-forged-forged' })).toBe('unauthorized');
    // A token wins over the cookie: an invalid token is refused even with a valid session.
    expect(await connectError(ctx.t, { code: ev.code, cookie: ctx.cookie, token: 'y'.repeat(43) })).toBe('unauthorized');
  });
});

describe('link rotation', () => {
  it('a rotated link stops working at once: the holder is dropped, reconnect refused, the new token works', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    const oldToken = ev.tokens.moderator;
    const holder = await connect(ctx.t, { code: ev.code, token: oldToken });
    const stage = await connect(ctx.t, { code: ev.code, token: ev.tokens.stage });
    const att = await connect(ctx.t, { code: ev.code, token: (await joinAttendee(ctx.t, ev.code)).token });

    const res = await api(ctx.t.url, `/api/events/${ev.id}/links/moderator/rotate`, { method: 'POST', cookie: ctx.cookie });
    expect(res.status).toBe(200);
    const details = EventDetails.parse(res.body);
    const newToken = tokenOf(details.links.moderator);
    expect(newToken).not.toBe(oldToken);
    expect(details.links.stage).toBe(ev.links.links.stage);

    await until(() => holder.disconnectReason, 2000, 'holder dropped');
    expect(holder.revoked).toEqual(['link_rotated']);
    expect(holder.disconnectReason).toBe('io server disconnect');
    expect(await connectError(ctx.t, { code: ev.code, token: oldToken })).toBe('unauthorized');
    const fresh = await connect(ctx.t, { code: ev.code, token: newToken });
    expect((await fresh.snapshot()).me.role).toBe('moderator');

    // Other links and attendees are not affected.
    expect(stage.socket.connected && att.socket.connected).toBe(true);
    expect(stage.revoked).toEqual([]);
    expect((await stage.snapshot()).me.role).toBe('stage');
    expect((await api(ctx.t.url, `/api/events/${ev.id}/questions.csv?token=${oldToken}`)).status).toBe(401);
    expect((await api(ctx.t.url, `/api/events/${ev.id}/questions.csv?token=${newToken}`)).status).toBe(200);
    for (const c of [fresh, stage, att]) c.close();
  });

  it('rotation needs an organizer and a known role', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    expect((await api(ctx.t.url, `/api/events/${ev.id}/links/stage/rotate`, { method: 'POST' })).status).toBe(401);
    expect((await api(ctx.t.url, `/api/events/${ev.id}/links/attendee/rotate`, { method: 'POST', cookie: ctx.cookie })).status).toBe(400);
    expect((await api(ctx.t.url, `/api/events/nope/links/stage/rotate`, { method: 'POST', cookie: ctx.cookie })).status).toBe(404);
  });
});
