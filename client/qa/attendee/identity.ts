/**
 * The attendee identity issued by the server, kept in localStorage per event code so every tab and every
 * reload is the same person (one vote stays one vote).
 */
import { AttendeeIssued } from '../../../shared/api.js';

const key = (code: string) => `plenum.attendee.${code}`;

export function loadIdentity(code: string): AttendeeIssued | null {
  try {
    const raw = localStorage.getItem(key(code));
    if (!raw) return null;
    const parsed = AttendeeIssued.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveIdentity(code: string, identity: AttendeeIssued): void {
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
