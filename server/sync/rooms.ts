/** Socket.IO room names (DEVELOPERS.md "Sync model"). */
import type { LinkRole, Role } from '../../shared/events/schemas.js';

export const modRoom = (eventId: string) => `ev:${eventId}:mod`;
export const pubRoom = (eventId: string) => `ev:${eventId}:pub`;
export const attendeeRoom = (attendeeId: string) => `att:${attendeeId}`;
export const linkRoom = (eventId: string, role: LinkRole) => `ev:${eventId}:link:${role}`;

/** Organizers and moderators see everything; attendees, stage and facilitators see the public view. */
export function isModeratorRole(role: Role): boolean {
  return role === 'organizer' || role === 'moderator';
}
