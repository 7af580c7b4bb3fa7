/** One shape for what a change means to each audience: staff, the public, and single attendees. */
import type { Change, PersonalChange } from '../../shared/socket.js';

export interface Changes {
  /** Organizers, moderators, facilitators (room ev:<id>:staff). */
  staff: Change[];
  /** Attendees and the stage (room ev:<id>:pub). */
  pub: Change[];
  /** One attendee's tabs (room att:<id>), as `sync:personal`, outside the seq. */
  personal: Array<{ attendeeId: string; change: PersonalChange }>;
  /**
   * What the stage sees instead of `pub`, when it may see more than attendees (poll results hidden from
   * attendees). Absent: the stage gets `pub` like everyone in the public room.
   */
  stage?: Change[];
}

export function mergeChanges(...parts: ReadonlyArray<Partial<Changes> | null | undefined>): Changes {
  return {
    staff: parts.flatMap((p) => p?.staff ?? []),
    pub: parts.flatMap((p) => p?.pub ?? []),
    personal: parts.flatMap((p) => p?.personal ?? []),
    // A part without its own stage list shows the stage what it shows the public.
    ...(parts.some((p) => p?.stage) ? { stage: parts.flatMap((p) => p?.stage ?? p?.pub ?? []) } : {}),
  };
}
