/**
 * The Q&A part of a snapshot. The public question list of an event is the same for every attendee, stage
 * and facilitator, so a burst of snapshots (the start of an event, everyone reconnecting after a restart)
 * builds it once.
 *
 * Every write that can change it drops it inside its transaction (handlers.ts commitMutation and the vote
 * path); snapshots read and fill the cache inside theirs. The entry carries the seq it was read at and
 * serves only snapshots of that seq: with PostgreSQL's connection pool (and other nodes) a snapshot can
 * read an older seq while a commit lands. A vote (no seq) drops the entry; a snapshot that read before the
 * vote may still store its list at the same seq, and the vote's count then reaches its readers with the
 * next `question:votes` delta (a newer seq), as it does for everyone who took a snapshot before the vote.
 */
import type { Question, QaSnapshot } from '../../shared/qa/schemas.js';
import type { SnapshotContext } from '../kernel/feature.js';
import type { Board } from './core/types.js';
import { toMod, toPublic } from './core/views.js';
import { boardOf, countPending, listForModerators, listOwn, listPublic, listVotedIds } from './repository.js';

export type PublicLists = Map<string, { seq: number; questions: Question[]; board: Board }>;

export async function qaSnapshot({ trx, eventId, seq, audience, actor }: SnapshotContext, publicLists: PublicLists): Promise<QaSnapshot> {
  if (audience === 'staff') {
    const all = await listForModerators(trx, eventId);
    const board = boardOf(all.filter((q) => q.state === 'live'));
    return {
      questions: all.map(toMod),
      highlightedId: board.highlightedId,
      queue: board.queue,
      pendingCount: all.filter((q) => q.state === 'pending').length,
      myVotes: [],
      own: [],
    };
  }
  let list = publicLists.get(eventId);
  if (list?.seq !== seq) {
    const visible = await listPublic(trx, eventId);
    list = { seq, questions: visible.map(toPublic), board: boardOf(visible.filter((q) => q.state === 'live')) };
    // Only a newer list replaces a cached one (a slow snapshot of an older seq must not push it out).
    if ((publicLists.get(eventId)?.seq ?? -1) <= seq) publicLists.set(eventId, list);
  }
  const { board } = list;
  const own = actor.attendeeId ? await listOwn(trx, actor.attendeeId) : [];
  const visibleIds = new Set(list.questions.map((q) => q.id));
  return {
    questions: list.questions,
    highlightedId: board.highlightedId,
    queue: board.queue,
    pendingCount: await countPending(trx, eventId),
    // Only votes on questions in this snapshot: votes on rejected or withdrawn ones are of no use to the client.
    myVotes: actor.attendeeId ? (await listVotedIds(trx, actor.attendeeId)).filter((id) => visibleIds.has(id)) : [],
    own: own.map(toPublic),
  };
}
