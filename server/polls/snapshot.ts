/**
 * The polls part of the snapshot. Shared per view (staff, stage, attendees): the polls, what is presented,
 * the open-text entries. Personal: the attendee's own answers and quiz standing, and for staff how many
 * are present (in memory, changes without a seq).
 */
import type { PollsSnapshot, PollView } from '../../shared/polls/schemas.js';
import type { SharedSnapshotContext, SnapshotContext } from '../kernel/feature.js';
import type { People } from '../people/index.js';
import { entryVisible, pollVisible, type Audience } from './core/visibility.js';
import { ordered, type PollsStore } from './state.js';
import { myAnswerOf, myQuizOf, openEntries, viewFor } from './views.js';

/** Stage and speaker share the stage room and its deltas, so they share the snapshot view too. */
export function audienceOfView(view: SharedSnapshotContext['view']): Audience {
  return view === 'staff' ? 'staff' : view === 'stage' ? 'stage' : 'attendee';
}

export async function pollsSharedSnapshot(ctx: SharedSnapshotContext, store: PollsStore): Promise<Omit<PollsSnapshot, 'mine' | 'myQuizzes' | 'present'>> {
  const ev = await store.get(ctx.trx, ctx.eventId);
  const audience = audienceOfView(ctx.view);
  const list = ordered(ev).filter((ps) => pollVisible(ps.record, audience));
  const presented = ev.presentedId ? ev.polls.get(ev.presentedId) : undefined;
  return {
    polls: list.map((ps) => viewFor(ps, audience) as PollView),
    presentedId: presented && pollVisible(presented.record, audience) ? presented.record.id : null,
    entries: list.flatMap((ps) => openEntries(ps).filter((e) => entryVisible(e, ps.record, audience))),
  };
}

export async function pollsPersonalSnapshot(ctx: SnapshotContext, store: PollsStore, people: People): Promise<Pick<PollsSnapshot, 'mine' | 'myQuizzes' | 'present'>> {
  const audience = audienceOfView(ctx.view);
  const me = audience === 'attendee' ? ctx.actor.attendeeId : null;
  if (!me) return { mine: [], myQuizzes: [], present: audience === 'staff' ? people.onlineIds(ctx.eventId).length : null };
  const ev = await store.get(ctx.trx, ctx.eventId);
  const list = ordered(ev).filter((ps) => pollVisible(ps.record, audience));
  return {
    mine: list.filter((ps) => ps.answers.has(me)).map((ps) => myAnswerOf(ps.answers.get(me), ps.record.id)),
    myQuizzes: list.filter((ps) => ps.players.has(me) || ps.quizAnswers.some((a) => a.attendeeId === me)).map((ps) => myQuizOf(ps, me)),
    present: null,
  };
}
