/** Who may be on the other end of a socket, and the role groups command tables use. */
import { z } from 'zod';
import { LINK_ROLES, ROLES } from './role-names.js';

export { isLinkRole, isRole, LINK_ROLES, ROLES } from './role-names.js';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Roles reached through a capability link (organizers log in, attendees join by code). */
export const LinkRole = z.enum(LINK_ROLES);
export type LinkRole = z.infer<typeof LinkRole>;

export const everyone = ['organizer', 'moderator', 'facilitator', 'stage', 'speaker', 'attendee'] as const satisfies readonly Role[];
export const moderators = ['organizer', 'moderator'] as const satisfies readonly Role[];
export const attendees = ['attendee'] as const satisfies readonly Role[];
export const facilitators = ['organizer', 'facilitator'] as const satisfies readonly Role[];

/** Organizers, moderators and facilitators see everything; attendees, the stage and speakers see the public view. */
export function isStaffRole(role: Role): boolean {
  return role === 'organizer' || role === 'moderator' || role === 'facilitator';
}
