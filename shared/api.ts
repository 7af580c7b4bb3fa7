/** Request and response bodies of the REST API (docs/api.md). */
import { z } from 'zod';
import { EventCode, EventFormat, EventInfo, EventSettingsPatch, Language, LinkRole } from './events/schemas.js';

export const Email = z.string().trim().toLowerCase().email().max(200);
export const Password = z.string().min(8, 'at least 8 characters').max(200);

export const LoginBody = z.object({ email: Email, password: z.string().min(1).max(200) });
export const SetupBody = z.object({ token: z.string().min(16).max(200), email: Email, password: Password });
export const OrganizerInfo = z.object({ id: z.string(), email: z.string() });
export type OrganizerInfo = z.infer<typeof OrganizerInfo>;

export const CreateEventBody = z.object({
  title: z.string().trim().min(1).max(200),
  format: EventFormat,
  language: Language.default('de'),
  startsAt: z.string().datetime({ offset: true }).nullable().optional(),
  settings: EventSettingsPatch.optional(),
});
export type CreateEventBody = z.input<typeof CreateEventBody>;

export const UpdateEventBody = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  format: EventFormat.optional(),
  language: Language.optional(),
  startsAt: z.string().datetime({ offset: true }).nullable().optional(),
  settings: EventSettingsPatch.optional(),
});

export const EventLinks = z.object({
  attendee: z.string().url(),
  moderator: z.string().url(),
  facilitator: z.string().url(),
  stage: z.string().url(),
  speaker: z.string().url(),
});
export type EventLinks = z.infer<typeof EventLinks>;

/** POST /api/events → 201 */
export const EventCreated = z.object({ id: z.string(), code: EventCode, links: EventLinks });

/** GET /api/events/:id, and each item of GET /api/events */
export const EventDetails = EventInfo.extend({
  links: EventLinks,
  createdAt: z.string(),
  questionCount: z.number().int().nonnegative(),
});
export type EventDetails = z.infer<typeof EventDetails>;

export const RotateParams = z.object({ role: LinkRole });

/** GET /api/join/:code → what a visitor needs before joining. */
export const JoinInfo = EventInfo.pick({ id: true, code: true, title: true, format: true, language: true, startsAt: true });
export type JoinInfo = z.infer<typeof JoinInfo>;


