/**
 * The attendee identity, kept in localStorage per event code so every tab and every reload is the same
 * person (one vote stays one vote). It is issued by the server on joining, or comes from a personal
 * invitation link of the roster import (`/e/CODE?invite=<token>`), which carries only the token.
 */
import { AttendeeIssued } from '../../shared/people/schemas.js';
import { HandshakeAuth } from '../../shared/socket.js';

export const StoredIdentity = AttendeeIssued.partial({ attendeeId: true });
export type StoredIdentity = ReturnType<typeof StoredIdentity.parse>;

const key = (code: string) => `plenum.attendee.${code}`;

export function loadIdentity(code: string): StoredIdentity | null {
  try {
    const raw = localStorage.getItem(key(code));
    if (!raw) return null;
    const parsed = StoredIdentity.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
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
  if (!HandshakeAuth.shape.token.safeParse(invite).success) return null;
  const identity: StoredIdentity = { token: invite };
  saveIdentity(code, identity);
  return identity;
}
