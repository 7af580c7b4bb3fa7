/** Socket.IO room names (docs/architecture.md "Rooms"). */
import type { LinkRole } from '../../shared/kernel/roles.js';

/** Staff: organizers, moderators and facilitators. */
export const staffRoom = (eventId: string) => `ev:${eventId}:staff`;
/** The public: attendees and the stage. */
export const pubRoom = (eventId: string) => `ev:${eventId}:pub`;
/** The stage links of an event (also in the public room): features may send the stage more than attendees see. */
export const stageRoom = (eventId: string) => `ev:${eventId}:stage`;
export const attendeeRoom = (attendeeId: string) => `att:${attendeeId}`;
export const linkRoom = (eventId: string, role: LinkRole) => `ev:${eventId}:link:${role}`;

/**
 * The attendees of a large event are spread over this many sub-rooms of the public room, so that a tick can
 * go out one part at a time (Delivery). Stage sockets are in none of them.
 */
export const PUB_PARTS = 16;
export const pubPartRoom = (eventId: string, part: number) => `ev:${eventId}:pub:${part}`;

/** A socket's part: a hash of its id (stable for the connection, evenly spread). */
export function pubPartOf(socketId: string): number {
  let h = 2166136261;
  for (let i = 0; i < socketId.length; i++) h = Math.imul(h ^ socketId.charCodeAt(i), 16777619);
  return (h >>> 0) % PUB_PARTS;
}
