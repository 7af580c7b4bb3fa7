/**
 * The role names as plain constants, free of zod: the attendee page checks a `wrong_role` refusal with them
 * without loading a schema library (docs/performance.md, JavaScript budget). roles.ts builds the schemas
 * `Role` and `LinkRole` from these lists, so there is one list per enum.
 */
export const ROLES = ['organizer', 'moderator', 'facilitator', 'stage', 'speaker', 'attendee'] as const;
export type Role = (typeof ROLES)[number];

/** Roles reached through a capability link (organizers log in, attendees join by code). */
export const LINK_ROLES = ['moderator', 'facilitator', 'stage', 'speaker'] as const;
export type LinkRole = (typeof LINK_ROLES)[number];

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);
export const isLinkRole = (value: unknown): value is LinkRole => (LINK_ROLES as readonly unknown[]).includes(value);
