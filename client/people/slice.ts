/**
 * The people slice of the synced state: everyone known to the event (staff only; presence keeps it
 * current), how many attendees are here now (every audience), and this attendee's own name and profile
 * answers, taken from the snapshot's `me` and then from the acks of attendee:rename / attendee:profile.
 */
import type { PeopleSnapshot, PersonView } from '../../shared/people/schemas.js';
import type { Change, Snapshot } from '../../shared/socket.js';
import type { FeatureSlice } from '../kernel/feature.js';

export interface PeopleData {
  people: Readonly<Record<string, PersonView>>;
  /** Attendees online now. */
  present: number;
  /** My display name (null: none). */
  myName: string | null;
  /** My answers to the event's attendee fields. */
  myAttributes: Readonly<Record<string, string>>;
}

export const emptyPeople: PeopleData = { people: {}, present: 0, myName: null, myAttributes: {} };

function byId<T extends { id: string }>(items: readonly T[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const item of items) out[item.id] = item;
  return out;
}

export function peopleFromSnapshot(part: PeopleSnapshot | undefined, snapshot: Snapshot): PeopleData {
  return {
    people: byId(part?.people ?? []),
    present: part?.present ?? 0,
    myName: snapshot.me.name,
    myAttributes: snapshot.me.attributes,
  };
}

export function applyPeopleChange(data: PeopleData, change: Change): PeopleData {
  switch (change.type) {
    case 'people:presence':
      if (change.people.length === 0) return data;
      return { ...data, people: { ...data.people, ...byId(change.people) } };
    case 'people:count':
      return change.present === data.present ? data : { ...data, present: change.present };
    default:
      return data;
  }
}

export const peopleSlice: FeatureSlice<PeopleData, 'people'> = {
  name: 'people',
  empty: emptyPeople,
  fromSnapshot: peopleFromSnapshot,
  apply: applyPeopleChange,
  onAck: {
    'attendee:rename': (data, result) => ({ ...data, myName: result.name }),
    'attendee:profile': (data, result) => ({ ...data, myAttributes: result.attributes }),
  },
};
