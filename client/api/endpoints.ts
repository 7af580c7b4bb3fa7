/** One function per REST endpoint of docs/api.md; the visitor's two (join code, new identity) are in join.ts. */
import { z } from 'zod';
import { EventCreated, EventDetails, OrganizerInfo, type CreateEventBody } from '../../shared/api.js';
import { RosterResult } from '../../shared/people/index.js';
import type { UpdateEventBody } from '../../shared/api.js';
import type { LinkRole } from '../../shared/events/schemas.js';
import { request } from './http.js';

export type UpdateEvent = z.input<typeof UpdateEventBody>;

export const api = {
  login: (email: string, password: string) => request('POST', '/api/auth/login', OrganizerInfo, { email, password }),
  logout: () => request('POST', '/api/auth/logout', null, {}),
  me: () => request('GET', '/api/auth/me', OrganizerInfo),
  setupNeeded: () => request('GET', '/api/setup', z.object({ needed: z.boolean() })),
  setup: (token: string, email: string, password: string) => request('POST', '/api/setup', OrganizerInfo, { token, email, password }),

  createEvent: (body: CreateEventBody) => request('POST', '/api/events', EventCreated, body),
  listEvents: () => request('GET', '/api/events', z.array(EventDetails)),
  getEvent: (id: string) => request('GET', `/api/events/${encodeURIComponent(id)}`, EventDetails),
  updateEvent: (id: string, body: UpdateEvent) => request('PATCH', `/api/events/${encodeURIComponent(id)}`, null, body),
  deleteEvent: (id: string) => request('DELETE', `/api/events/${encodeURIComponent(id)}`, null),
  rotateLink: (id: string, role: LinkRole) =>
    request('POST', `/api/events/${encodeURIComponent(id)}/links/${role}/rotate`, EventDetails, {}),

  /** Roster import: organizers by cookie, facilitators with their link token. */
  importRoster: (eventId: string, csv: string, token?: string) =>
    request('POST', `/api/events/${encodeURIComponent(eventId)}/roster`, RosterResult, undefined, {
      raw: { text: csv, contentType: 'text/csv' },
      ...(token ? { bearer: token } : {}),
    }),
  listRoster: (eventId: string, token?: string) =>
    request('GET', `/api/events/${encodeURIComponent(eventId)}/roster`, RosterResult, undefined, token ? { bearer: token } : {}),
};

/** The CSV export; moderators without a session pass their link token. */
export function questionsCsvUrl(eventId: string, token?: string): string {
  const base = `/api/events/${encodeURIComponent(eventId)}/questions.csv`;
  return token ? `${base}?token=${encodeURIComponent(token)}` : base;
}
