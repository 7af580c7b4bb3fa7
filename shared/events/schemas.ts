/** Events (a kernel part): what an event is, its join code, and its settings folded from the features. */
import { z } from 'zod';
import { foldSettings } from '../kernel/contract.js';
import { sharedFeatures } from '../features.js';

export { LinkRole, Role } from '../kernel/roles.js';

export const EventFormat = z.enum(['broadcast', 'space', 'talk', 'solution']);
export type EventFormat = z.infer<typeof EventFormat>;

export const Language = z.enum(['de', 'en']);
export type Language = z.infer<typeof Language>;

const settings = foldSettings(sharedFeatures);

/** One key per feature with settings (`attendeeFields` of people, `qa`, `breakouts`); each has its defaults. */
export const EventSettings = z.object(settings.shape);
export type EventSettings = z.infer<typeof EventSettings>;

/** A partial update of the settings, as sent by organizers and moderators: each key optional, each feature's patch. */
export const EventSettingsPatch = z.object(settings.patch);
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
