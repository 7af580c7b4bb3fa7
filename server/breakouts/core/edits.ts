/**
 * Changes to the groups of one round that people make by hand: facilitators move, swap and lock people
 * and edit a group's name, topic, video link and capacity; attendees pick a group in self-select rounds.
 * Pure; every function returns a new round (or the same object when nothing changes).
 */
import { DomainError } from '../../../shared/errors.js';
import { groupOf, type GroupState, type RoundState } from './types.js';

function assertArrangeable(round: RoundState): void {
  if (round.status !== 'draft' && round.status !== 'running') {
    throw new DomainError('invalid_state', `people can be moved only in a planned or running round; this one is ${round.status}`);
  }
}

function requireGroup(round: RoundState, index: number): GroupState {
  const group = round.groups[index];
  if (!group) throw new DomainError('not_found', `this round has no group ${index + 1}`);
  return group;
}

function withGroups(round: RoundState, change: (groups: GroupState[]) => void): RoundState {
  const groups = round.groups.map((g) => ({ ...g, members: g.members.slice() }));
  change(groups);
  return { ...round, groups };
}

/** Into group `toGroup`; someone not in the round yet is added (e.g. who came after planning). */
export function move(round: RoundState, personId: string, toGroup: number): RoundState {
  assertArrangeable(round);
  requireGroup(round, toGroup);
  const from = groupOf(round, personId);
  if (from?.index === toGroup) return round;
  return withGroups(round, (groups) => {
    if (from) groups[from.index]!.members = groups[from.index]!.members.filter((id) => id !== personId);
    groups[toGroup]!.members.push(personId);
  });
}

/** Two people trade places (each takes the other's position in the member list). */
export function swap(round: RoundState, a: string, b: string): RoundState {
  assertArrangeable(round);
  const ga = groupOf(round, a);
  const gb = groupOf(round, b);
  if (!ga || !gb) throw new DomainError('not_found', 'both people must be in a group of this round');
  if (ga.index === gb.index) return round;
  return withGroups(round, (groups) => {
    const A = groups[ga.index]!.members;
    const B = groups[gb.index]!.members;
    A[A.indexOf(a)] = b;
    B[B.indexOf(b)] = a;
  });
}

export function lock(round: RoundState, personId: string, locked: boolean): RoundState {
  assertArrangeable(round);
  if (!groupOf(round, personId)) throw new DomainError('not_found', 'this person is in no group of this round');
  const set = new Set(round.locked);
  if (locked === set.has(personId)) return round;
  if (locked) set.add(personId);
  else set.delete(personId);
  return { ...round, locked: [...set].sort() };
}

export interface GroupPatch {
  name?: string;
  topic?: string;
  videoUrl?: string | null;
  capacity?: number | null;
}

export function editGroup(round: RoundState, index: number, patch: GroupPatch): RoundState {
  if (round.status === 'closed') throw new DomainError('invalid_state', 'this round is closed');
  requireGroup(round, index);
  // Attendees get the link as a big button: only web addresses, never javascript: or data: URLs.
  if (patch.videoUrl && !/^https?:\/\//i.test(patch.videoUrl)) {
    throw new DomainError('invalid_payload', 'the video link must start with http:// or https://', { fields: ['videoUrl'] });
  }
  return withGroups(round, (groups) => {
    const g = groups[index]!;
    if (patch.name !== undefined) g.name = patch.name;
    if (patch.topic !== undefined) g.topic = patch.topic;
    // '' clears the link (a form field emptied by the facilitator).
    if (patch.videoUrl !== undefined) g.videoUrl = patch.videoUrl === '' ? null : patch.videoUrl;
    if (patch.capacity !== undefined) g.capacity = patch.capacity;
  });
}

/** Self-select: the attendee joins group `index` (leaving their previous one) while it has room. */
export function choose(round: RoundState, attendeeId: string, index: number): RoundState {
  if (round.mode !== 'self') throw new DomainError('invalid_state', 'in this round the facilitator assigns the groups');
  if (round.status !== 'running') throw new DomainError('invalid_state', `groups can be chosen only while the round runs; it is ${round.status}`);
  const target = requireGroup(round, index);
  const from = groupOf(round, attendeeId);
  if (from?.index === index) return round;
  if (target.capacity !== null && target.members.length >= target.capacity) {
    throw new DomainError('invalid_state', `group "${target.name}" is full (${target.capacity} people)`);
  }
  return withGroups(round, (groups) => {
    if (from) groups[from.index]!.members = groups[from.index]!.members.filter((id) => id !== attendeeId);
    groups[index]!.members.push(attendeeId);
  });
}

/**
 * Who may touch a group's shared result: facilitators always (except in drafts), members while the
 * round runs or closes.
 */
export function assertMayEditResult(round: RoundState, index: number, who: { staff: boolean; attendeeId: string | null }): GroupState {
  const group = requireGroup(round, index);
  if (round.status === 'draft') throw new DomainError('invalid_state', 'the round has not started yet');
  if (who.staff) return group;
  if (!who.attendeeId || !group.members.includes(who.attendeeId)) {
    throw new DomainError('forbidden', 'only members of this group may edit its result');
  }
  if (round.status === 'closed') throw new DomainError('invalid_state', 'the round is over; the result can no longer be changed');
  return group;
}

/** Attendees ask for help from their own group of a running or closing round. */
export function assertMayAskHelp(round: RoundState, attendeeId: string): GroupState {
  if (round.status !== 'running' && round.status !== 'closing') {
    throw new DomainError('invalid_state', `help can be asked only while the round runs; it is ${round.status}`);
  }
  const group = groupOf(round, attendeeId);
  if (!group) throw new DomainError('forbidden', 'you are in no group of this round');
  return group;
}
