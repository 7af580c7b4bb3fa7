import { afterEach, describe, expect, it } from 'vitest';
import { loadIdentity, saveIdentity, takeInvite } from './identity.js';

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

  it('does nothing without an invitation', () => {
    window.history.replaceState(null, '', '/e/123456');
    expect(takeInvite('123456')).toBeNull();
    expect(loadIdentity('123456')).toBeNull();
  });
});
