/**
 * The visitor's REST calls (docs/api.md: GET /api/join/:code, POST /api/join/:code/attendees), used by the
 * join page and the attendee page. Their answers are typed by shared/ but not parsed: the server builds
 * them from the same types and is the authority, and the attendee page loads no zod (docs/performance.md,
 * JavaScript budget). The organizer's calls (endpoints.ts) are checked against their schemas.
 */
import type { JoinInfo } from '../../shared/api.js';
import type { AttendeeIssued } from '../../shared/people/schemas.js';
import { requestTyped } from './http.js';

export const joinApi = {
  joinInfo: (code: string) => requestTyped<JoinInfo>('GET', `/api/join/${encodeURIComponent(code)}`),
  issueAttendee: (code: string, name?: string) =>
    requestTyped<AttendeeIssued>('POST', `/api/join/${encodeURIComponent(code)}/attendees`, name ? { name } : {}),
};
