/** The people feature's public entry: names, profiles, presence. */
import { z } from 'zod';
import { attendees, type SharedFeature } from '../kernel/contract.js';
import { DisplayName, PeopleChanges, PeopleSnapshot, ProfileCommand } from './schemas.js';

export * from './schemas.js';

export const peopleCommands = {
  'attendee:rename': {
    payload: z.object({ name: DisplayName }),
    result: z.object({ name: z.string().nullable() }),
    roles: attendees,
  },
  /** Answers to the organizer's attendee fields (e.g. company). */
  'attendee:profile': { payload: ProfileCommand, result: z.object({ attributes: z.record(z.string(), z.string()) }), roles: attendees },
} as const;

export const peopleFeature = {
  commands: peopleCommands,
  changes: PeopleChanges,
  personal: [],
  snapshot: PeopleSnapshot,
  errorCodes: [],
} as const satisfies SharedFeature;
