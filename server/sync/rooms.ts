/** Socket.IO room names (DEVELOPERS.md "Sync model"). */
import type { LinkRole, Role } from '../../shared/events/schemas.js';

/** Staff: organizers, moderators and facilitators (the Q&A moderation view and the breakout planning). */
export const staffRoom = (eventId: string) => `ev:${eventId}:staff`;
/** The public: attendees and the stage. */
export const pubRoom = (eventId: string) => `ev:${eventId}:pub`;
export const attendeeRoom = (attendeeId: string) => `att:${attendeeId}`;
export const linkRoom = (eventId: string, role: LinkRole) => `ev:${eventId}:link:${role}`;

/** Organizers, moderators and facilitators see everything; attendees and the stage see the public view. */
export function isStaffRole(role: Role): boolean {
  return role === 'organizer' || role === 'moderator' || role === 'facilitator';
}
