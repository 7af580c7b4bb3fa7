/** Events (a kernel part): what an event is, its join code, and its settings folded from the features. */
import { z } from 'zod';
import { foldSettings, type SettingsSpec } from '../kernel/contract.js';
import { sharedFeatures } from '../features.js';

export { LinkRole, Role } from '../kernel/roles.js';

export const EventFormat = z.enum(['broadcast', 'space', 'talk', 'solution']);
export type EventFormat = z.infer<typeof EventFormat>;

export const Language = z.enum(['de', 'en']);
export type Language = z.infer<typeof Language>;

const settings = foldSettings(sharedFeatures);

/**
 * Who may join the event (the kernel's own settings, beside the features'). A venue works with the defaults;
 * an organizer who fears ballot stuffing narrows them.
 */
export const AccessSettings = z.object({
  /** Only people with a personal link from the roster import may take part; nobody joins by code. */
  inviteOnly: z.boolean().default(false),
  /** At most this many new identities per IP address in any 24 hours for this event (null: only the server-wide limit). */
  identitiesPerAddress: z.number().int().min(1).max(100_000).nullable().default(null),
});
export type AccessSettings = z.infer<typeof AccessSettings>;

export const AccessSettingsPatch = z
  .object({
    inviteOnly: z.boolean().optional(),
    identitiesPerAddress: z.number().int().min(1).max(100_000).nullable().optional(),
  })
  .strict();

/** The kernel's settings specs, folded like a feature's (server/events/settings.ts). */
export const KERNEL_SETTINGS: readonly SettingsSpec[] = [
  { key: 'access', schema: AccessSettings.default(AccessSettings.parse({})), patch: AccessSettingsPatch, merge: 'object' },
];

/** One key per feature with settings (`attendeeFields` of people, `qa`, `breakouts` …) plus the kernel's `access`; each has its defaults. */
export const EventSettings = z.object({ ...settings.shape, access: AccessSettings.default(AccessSettings.parse({})) });
export type EventSettings = z.infer<typeof EventSettings>;

/** A partial update of the settings, as sent by organizers and moderators: each key optional, each feature's patch. */
export const EventSettingsPatch = z.object({ ...settings.patch, access: AccessSettingsPatch.optional() });
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
