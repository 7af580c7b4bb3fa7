/** People: who is known to an event, their names and profile answers, and who is here now. */
import { z } from 'zod';

export const DisplayName = z.string().trim().max(60);

/** Someone known to the event, as staff see them (facilitators' plenary list). */
export const PersonView = z.object({
  id: z.string(),
  name: z.string().nullable(),
  attributes: z.record(z.string(), z.string()),
  online: z.boolean(),
  /** Came from the roster import (has a personal join link). */
  invited: z.boolean(),
});
export type PersonView = z.infer<typeof PersonView>;

/** Answers to the organizer's attendee fields (e.g. company). */
export const ProfileCommand = z.object({ attributes: z.record(z.string().max(30), z.string().trim().max(100)) });

export const PeopleSnapshot = z.object({
  /** Staff only (empty for others): everyone known to the event, online or not. */
  people: z.array(PersonView),
  /** Attendees online now (every audience). */
  present: z.number().int().nonnegative(),
});
export type PeopleSnapshot = z.infer<typeof PeopleSnapshot>;

export const PeopleChanges = [
  /** Staff only: people who came, left, or changed name/attributes (coalesced). */
  z.object({ type: z.literal('people:presence'), people: z.array(PersonView) }),
  /** Every audience: how many attendees are online now (coalesced with presence). */
  z.object({ type: z.literal('people:count'), present: z.number().int().nonnegative() }),
] as const;
