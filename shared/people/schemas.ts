/**
 * People: everyone known to an event (attendees who joined, roster entries), their names, their answers
 * to the organizer's attendee fields, and who is here right now.
 */
import { z } from 'zod';

export const DisplayName = z.string().trim().max(60);

/** A field the organizer asks attendees for (e.g. company), used by breakout spread constraints. */
export const AttendeeField = z.object({
  key: z.string().trim().regex(/^[a-z][a-z0-9_]{0,29}$/, 'lowercase letters, digits, _'),
  label: z.string().trim().min(1).max(60),
  required: z.boolean().default(false),
});
export type AttendeeField = z.infer<typeof AttendeeField>;

export const AttendeeFields = z.array(AttendeeField).max(10);

/** Someone known to the event, as staff see them in the people list. */
export const PersonView = z.object({
  id: z.string(),
  name: z.string().nullable(),
  attributes: z.record(z.string(), z.string()),
  online: z.boolean(),
  /** Came from the roster import (has a personal join link). */
  invited: z.boolean(),
});
export type PersonView = z.infer<typeof PersonView>;

export const PeopleSnapshot = z.object({
  /** Staff only (empty for others): everyone known to the event, online or not. */
  people: z.array(PersonView),
  /** Attendees online now (two tabs are one person); every audience. */
  present: z.number().int().nonnegative(),
});
export type PeopleSnapshot = z.infer<typeof PeopleSnapshot>;

// ---- changes inside sync:delta ----
export const PeopleChanges = [
  /** Staff only: people who came, left, or changed name/attributes (coalesced). */
  z.object({ type: z.literal('people:presence'), people: z.array(PersonView) }),
  /** Every audience: how many attendees are online now (sent with the presence flush when it changed). */
  z.object({ type: z.literal('people:count'), present: z.number().int().nonnegative() }),
] as const;

// ---- commands ----
export const RenameCommand = z.object({ name: DisplayName });
export const RenameResult = z.object({ name: z.string().nullable() });
export const ProfileCommand = z.object({ attributes: z.record(z.string().max(30), z.string().trim().max(100)) });
export const ProfileResult = z.object({ attributes: z.record(z.string(), z.string()) });

// ---- REST (docs/api.md) ----

/** POST /api/join/:code/attendees → a new attendee identity, kept by the browser in localStorage. */
export const IssueAttendeeBody = z.object({ name: DisplayName.optional() });
export const AttendeeIssued = z.object({ attendeeId: z.string(), token: z.string() });
export type AttendeeIssued = z.infer<typeof AttendeeIssued>;

/** POST/GET /api/events/:id/roster: invited attendees with their personal join links. */
export const RosterEntry = z.object({
  attendeeId: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  attributes: z.record(z.string(), z.string()),
  /** `<base>/e/CODE?invite=<attendee token>` */
  link: z.string().url(),
});
export type RosterEntry = z.infer<typeof RosterEntry>;
export const RosterResult = z.object({ entries: z.array(RosterEntry) });
export type RosterResult = z.infer<typeof RosterResult>;
