/** One shape for what a change means to each audience: staff, the public, and single attendees. */
import type { Change, PersonalChange } from '../../shared/socket.js';

export interface Changes {
  /** Organizers, moderators, facilitators (room ev:<id>:staff). */
  staff: Change[];
  /** Attendees and the stage (room ev:<id>:pub). */
  pub: Change[];
  /** One attendee's tabs (room att:<id>), as `sync:personal`, outside the seq. */
  personal: Array<{ attendeeId: string; change: PersonalChange }>;
}

export function mergeChanges(...parts: ReadonlyArray<Partial<Changes> | null | undefined>): Changes {
  return {
    staff: parts.flatMap((p) => p?.staff ?? []),
    pub: parts.flatMap((p) => p?.pub ?? []),
    personal: parts.flatMap((p) => p?.personal ?? []),
  };
}
