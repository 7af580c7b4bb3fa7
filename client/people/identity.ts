/**
 * The attendee identity, kept in localStorage per event code so every tab and every reload is the same
 * person (one vote stays one vote). It is issued by the server on joining, or comes from a personal
 * invitation link of the roster import (`/e/CODE?invite=<token>`), which carries only the token.
 */
import { isTokenShaped } from '../../shared/kernel/handshake.js';
import type { AttendeeIssued } from '../../shared/people/schemas.js';

/** What this browser keeps: the issued identity (AttendeeIssued), or only the token of an invitation. */
export type StoredIdentity = Omit<AttendeeIssued, 'attendeeId'> & Partial<Pick<AttendeeIssued, 'attendeeId'>>;

/**
 * A stored value read back (localStorage is the user's): the fields of a StoredIdentity, anything else
 * dropped, or null. Checked by hand, not with the zod schema, so the attendee page loads no zod.
 */
export function storedIdentity(value: unknown): StoredIdentity | null {
  if (typeof value !== 'object' || value === null) return null;
  const { token, attendeeId } = value as Record<string, unknown>;
  if (typeof token !== 'string' || (attendeeId !== undefined && typeof attendeeId !== 'string')) return null;
  return attendeeId === undefined ? { token } : { attendeeId, token };
}

const key = (code: string) => `plenum.attendee.${code}`;

export function loadIdentity(code: string): StoredIdentity | null {
  try {
    const raw = localStorage.getItem(key(code));
    if (!raw) return null;
    return storedIdentity(JSON.parse(raw));
  } catch {
    return null;
  }
}

export function saveIdentity(code: string, identity: StoredIdentity): void {
  try {
    localStorage.setItem(key(code), JSON.stringify(identity));
  } catch {
    // private mode: this tab still works, a reload gets a new identity
  }
}

export function forgetIdentity(code: string): void {
  try {
    localStorage.removeItem(key(code));
  } catch {
    // nothing stored
  }
}

/**
 * Takes `?invite=` from the address bar: the personal link's identity replaces whatever this browser had
 * for the event, and the token leaves the address bar (screenshots, history, shared screens). Returns
 * the invited identity, or null when the address has none (or a malformed one).
 */
export function takeInvite(code: string): StoredIdentity | null {
  const url = new URL(window.location.href);
  const invite = url.searchParams.get('invite');
  if (invite === null) return null;
  url.searchParams.delete('invite');
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  if (!isTokenShaped(invite)) return null;
  const identity: StoredIdentity = { token: invite };
  saveIdentity(code, identity);
  return identity;
}
