import { afterEach, describe, expect, it } from 'vitest';
import { TOKEN_LENGTH } from '../../shared/kernel/handshake.js';
import { AttendeeIssued } from '../../shared/people/schemas.js';
import { HandshakeAuth } from '../../shared/socket.js';
import { loadIdentity, saveIdentity, storedIdentity, takeInvite } from './identity.js';

afterEach(() => window.history.replaceState(null, '', '/'));

describe('attendee identity', () => {
  it('takes a personal invitation from the address bar, replacing the stored identity, and removes it from the URL', () => {
    saveIdentity('123456', { attendeeId: 'old', token: 'o'.repeat(30) });
    window.history.replaceState(null, '', `/e/123456?invite=${'i'.repeat(43)}&lang=de#top`);
    expect(takeInvite('123456')).toEqual({ token: 'i'.repeat(43) });
    expect(loadIdentity('123456')).toEqual({ token: 'i'.repeat(43) });
    expect(window.location.pathname + window.location.search + window.location.hash).toBe('/e/123456?lang=de#top');
  });

  it('ignores a malformed invitation and keeps what was stored', () => {
    saveIdentity('123456', { attendeeId: 'old', token: 'o'.repeat(30) });
    window.history.replaceState(null, '', '/e/123456?invite=short');
    expect(takeInvite('123456')).toBeNull();
    expect(loadIdentity('123456')).toEqual({ attendeeId: 'old', token: 'o'.repeat(30) });
    expect(window.location.search).toBe('');
  });

  it('reads back only a well-formed identity, without extra fields, as the shared schema would', () => {
    const cases: unknown[] = [
      { attendeeId: 'a1', token: 't'.repeat(30) },
      { token: 't'.repeat(30) },
      { token: 't'.repeat(30), attendeeId: 'a1', extra: 1 },
      { attendeeId: 'a1' },
      { attendeeId: 5, token: 'x' },
      { token: 7 },
      'token',
      null,
      [],
    ];
    const schema = AttendeeIssued.partial({ attendeeId: true });
    for (const c of cases) {
      const parsed = schema.safeParse(c);
      expect(storedIdentity(c), JSON.stringify(c)).toEqual(parsed.success ? parsed.data : null);
    }
    localStorage.setItem('plenum.attendee.654321', '{"token":5}');
    expect(loadIdentity('654321')).toBeNull();
    localStorage.setItem('plenum.attendee.654321', 'not json');
    expect(loadIdentity('654321')).toBeNull();
  });

  it('checks invitation tokens with the handshake schema’s bounds', () => {
    for (const n of [TOKEN_LENGTH.min - 1, TOKEN_LENGTH.min, TOKEN_LENGTH.max, TOKEN_LENGTH.max + 1]) {
      window.history.replaceState(null, '', `/e/123456?invite=${'k'.repeat(n)}`);
      expect(takeInvite('123456') !== null, String(n)).toBe(HandshakeAuth.shape.token.safeParse('k'.repeat(n)).success);
    }
  });

  it('does nothing without an invitation', () => {
    window.history.replaceState(null, '', '/e/123456');
    expect(takeInvite('123456')).toBeNull();
    expect(loadIdentity('123456')).toBeNull();
  });
});
