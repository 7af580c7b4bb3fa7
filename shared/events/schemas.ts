import { z } from 'zod';
import { DEFAULT_BLOCKED_WORDS } from './blocked-words-defaults.js';

export const EventFormat = z.enum(['broadcast', 'space', 'talk', 'solution']);
export type EventFormat = z.infer<typeof EventFormat>;

export const Language = z.enum(['de', 'en']);
export type Language = z.infer<typeof Language>;

export const Role = z.enum(['organizer', 'moderator', 'facilitator', 'stage', 'attendee']);
export type Role = z.infer<typeof Role>;

/** Roles reached through a capability link (organizers log in, attendees join by code). */
export const LinkRole = z.enum(['moderator', 'facilitator', 'stage']);
export type LinkRole = z.infer<typeof LinkRole>;

export const QaSettings = z.object({
  /** Accepting new questions at all. */
  open: z.boolean().default(true),
  /** Every new question waits for a moderator before attendees see it. */
  premoderation: z.boolean().default(false),
  anonymousAllowed: z.boolean().default(true),
  maxQuestionLength: z.number().int().min(20).max(2000).default(300),
  /** Questions containing one of these words go to review even without pre-moderation. */
  blockedWords: z.array(z.string().trim().min(1).max(60)).max(500).default([...DEFAULT_BLOCKED_WORDS]),
});
export type QaSettings = z.infer<typeof QaSettings>;

/** A field the organizer asks attendees for (e.g. company), used by breakout spread constraints. */
export const AttendeeField = z.object({
  key: z.string().trim().regex(/^[a-z][a-z0-9_]{0,29}$/, 'lowercase letters, digits, _'),
  label: z.string().trim().min(1).max(60),
  required: z.boolean().default(false),
});
export type AttendeeField = z.infer<typeof AttendeeField>;

export const BreakoutSettings = z.object({
  /** Countdown in seconds between "time is up" and everyone being back in the plenary. */
  closingSec: z.number().int().min(0).max(600).default(30),
});

export const EventSettings = z.object({
  attendeeFields: z.array(AttendeeField).max(10).default([]),
  breakouts: BreakoutSettings.default(BreakoutSettings.parse({})),
  qa: QaSettings.default(QaSettings.parse({})),
});
export type EventSettings = z.infer<typeof EventSettings>;

/**
 * A partial update of the settings, as sent by organizers and moderators. Spelled out without defaults:
 * `QaSettings.partial()` would fill every absent field with its default (zod 4 applies defaults inside
 * optional), so a patch of one field would reset all the others.
 */
export const QaSettingsPatch = z.object({
  open: z.boolean().optional(),
  premoderation: z.boolean().optional(),
  anonymousAllowed: z.boolean().optional(),
  maxQuestionLength: z.number().int().min(20).max(2000).optional(),
  blockedWords: z.array(z.string().trim().min(1).max(60)).max(500).optional(),
});
export const EventSettingsPatch = z.object({
  qa: QaSettingsPatch.optional(),
  attendeeFields: z.array(AttendeeField).max(10).optional(),
  breakouts: z.object({ closingSec: z.number().int().min(0).max(600).optional() }).optional(),
});
export type EventSettingsPatch = z.infer<typeof EventSettingsPatch>;

export const EventCode = z.string().regex(/^\d{6}$/, 'six digits');

/** What every participant of an event may know about it. */
export const EventInfo = z.object({
  id: z.string(),
  code: EventCode,
  title: z.string(),
  format: EventFormat,
  language: Language,
  startsAt: z.string().nullable(),
  settings: EventSettings,
});
export type EventInfo = z.infer<typeof EventInfo>;
