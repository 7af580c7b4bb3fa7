/**
 * The tallies flush (one per window and event, through the kernel's generic coalescer): the counts of
 * every poll that changed since the last one, one `polls:tallies` per audience (staff full, attendees as
 * the visibility rules allow, the stage always), changed open-text entries, the answered-vs-present
 * count for staff. Quizzes send their whole view (player count, per-question answers) instead.
 */
import type { Entry } from '../kernel/coalescer.js';
import type { People } from '../people/index.js';
import type { OpenEntryState } from '../../shared/polls/schemas.js';
import { talliesChangeFor } from './core/visibility.js';
import { PRESENT_KEY } from './parts.js';
import type { EventPolls, PollState } from './state.js';
import { emptyChanges, entriesChanged, entriesRemoved, entryOf, isEmpty, pollChanged, type PollsChanges } from './views.js';

export function flushTallies(ev: EventPolls, eventId: string, entries: Map<string, Entry<string | null>>, people: People): PollsChanges | null {
  const out = emptyChanges();
  const dirty: PollState[] = [];
  const wall = new Map<PollState, { entry: ReturnType<typeof entryOf>; wasApproved: boolean }[]>();
  const removed = new Map<PollState, { id: string; wasApproved: boolean }[]>();
  let counts = false;
  for (const [key, { baseline }] of entries) {
    if (key === PRESENT_KEY) {
      counts = true;
    } else if (key.startsWith('\u0002')) {
      const [pollId, entryId] = key.slice(1).split('\u0000') as [string, string];
      const ps = ev.polls.get(pollId);
      if (!ps) continue;
      const list = removed.get(ps) ?? [];
      list.push({ id: entryId, wasApproved: (baseline as OpenEntryState | null) === 'approved' });
      removed.set(ps, list);
    } else if (key.startsWith('\u0001')) {
      const [pollId, attendeeId] = key.slice(1).split('\u0000') as [string, string];
      const ps = ev.polls.get(pollId);
      const a = ps?.answers.get(attendeeId);
      if (!ps || !a) continue;
      const list = wall.get(ps) ?? [];
      list.push({ entry: entryOf(ps, a), wasApproved: (baseline as OpenEntryState | null) === 'approved' });
      wall.set(ps, list);
    } else {
      const ps = ev.polls.get(key);
      if (ps) dirty.push(ps);
    }
  }
  const plain = dirty.filter((ps) => ps.record.definition.type !== 'quiz');
  for (const ps of dirty) if (ps.record.definition.type === 'quiz') pollChanged(out, ps, ps.record);
  const items = plain.map((ps) => ({ poll: ps.record, tally: ps.tally }));
  const staff = talliesChangeFor(items, 'staff');
  const pub = talliesChangeFor(items, 'attendee');
  const stage = talliesChangeFor(items, 'stage');
  if (staff) out.staff.push(staff);
  if (pub) out.pub.push(pub);
  if (stage) out.stage.push(stage);
  for (const [ps, list] of wall) entriesChanged(out, ps, list);
  for (const [ps, list] of removed) entriesRemoved(out, ps, list);
  if (counts || dirty.length) out.staff.push({ type: 'polls:present', count: people.onlineIds(eventId).length });
  return isEmpty(out) ? null : out;
}
