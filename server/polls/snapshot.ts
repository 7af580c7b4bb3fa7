/** The polls part of the snapshot for one audience (staff, stage or one attendee). */
import type { PollsSnapshot, PollView } from '../../shared/polls/schemas.js';
import type { SnapshotContext } from '../kernel/feature.js';
import type { People } from '../people/index.js';
import { entryVisible, pollVisible, type Audience } from './core/visibility.js';
import { ordered, type PollsStore } from './state.js';
import { myAnswerOf, myQuizOf, openEntries, viewFor } from './views.js';

export function audienceOfActor(ctx: Pick<SnapshotContext, 'audience' | 'actor'>): Audience {
  if (ctx.audience === 'staff') return 'staff';
  // Stage and speaker share the stage room and its deltas, so they share the snapshot view too.
  return ctx.actor.role === 'stage' || ctx.actor.role === 'speaker' ? 'stage' : 'attendee';
}

export async function pollsSnapshot(ctx: SnapshotContext, store: PollsStore, people: People): Promise<PollsSnapshot> {
  const ev = await store.get(ctx.trx, ctx.eventId);
  const audience = audienceOfActor(ctx);
  const list = ordered(ev).filter((ps) => pollVisible(ps.record, audience));
  const me = audience === 'attendee' ? ctx.actor.attendeeId : null;
  const presented = ev.presentedId ? ev.polls.get(ev.presentedId) : undefined;
  return {
    polls: list.map((ps) => viewFor(ps, audience) as PollView),
    presentedId: presented && pollVisible(presented.record, audience) ? presented.record.id : null,
    entries: list.flatMap((ps) => openEntries(ps).filter((e) => entryVisible(e, ps.record, audience))),
    mine: me ? list.filter((ps) => ps.answers.has(me)).map((ps) => myAnswerOf(ps.answers.get(me), ps.record.id)) : [],
    myQuizzes: me
      ? list.filter((ps) => ps.players.has(me) || ps.quizAnswers.some((a) => a.attendeeId === me)).map((ps) => myQuizOf(ps, me))
      : [],
    present: audience === 'staff' ? people.onlineIds(ctx.eventId).length : null,
  };
}
