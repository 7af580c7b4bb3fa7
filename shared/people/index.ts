/** The people feature on the wire: names, profiles, presence and counts. */
import { attendees } from '../kernel/roles.js';
import { defineFeature } from '../kernel/contract.js';
import { AttendeeFields, PeopleChanges, PeopleSnapshot, ProfileCommand, ProfileResult, RenameCommand, RenameResult } from './schemas.js';

export * from './schemas.js';

/** Two definitions of one key would make a profile answer ambiguous. */
function checkFieldKeys(fields: ReadonlyArray<{ key: string }>): string | null {
  const keys = fields.map((f) => f.key);
  return keys.find((k, i) => keys.indexOf(k) !== i) ?? null;
}

export const peopleFeature = defineFeature({
  commands: {
    /** A new display name for future questions and for the groups the attendee is in. */
    'attendee:rename': { payload: RenameCommand, result: RenameResult, roles: attendees },
    /** Answers to the organizer's attendee fields (e.g. company). */
    'attendee:profile': { payload: ProfileCommand, result: ProfileResult, roles: attendees },
  },
  changes: PeopleChanges,
  personal: [],
  snapshot: PeopleSnapshot,
  errorCodes: {},
  settings: {
    key: 'attendeeFields',
    schema: AttendeeFields.default([]),
    patch: AttendeeFields.superRefine((fields, ctx) => {
      const twice = checkFieldKeys(fields);
      if (twice) ctx.addIssue({ code: 'custom', message: `the attendee field "${twice}" is defined twice` });
    }),
    merge: 'replace',
  },
});
