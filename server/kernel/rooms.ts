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
