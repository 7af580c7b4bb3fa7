/**
 * The Q&A part of a snapshot. The public question list of an event is the same for every attendee, stage
 * and facilitator, so a burst of snapshots (the start of an event, everyone reconnecting after a restart)
 * builds it once.
 *
 * Every write that can change it drops it inside its transaction (handlers.ts commitMutation and the vote
 * path); snapshots read and fill the cache inside theirs. On SQLite all transactions share one connection
 * and never interleave, so a cached list always matches the seq read in the same snapshot. (With a
 * connection pool, key the entry by the seq and a vote version read in the snapshot transaction instead.)
 */
import type { Question, QaSnapshot } from '../../shared/qa/schemas.js';
import type { SnapshotContext } from '../kernel/feature.js';
import type { Board } from './core/types.js';
import { toMod, toPublic } from './core/views.js';
import { boardOf, countPending, listForModerators, listOwn, listPublic, listVotedIds } from './repository.js';

export type PublicLists = Map<string, { questions: Question[]; board: Board }>;

export async function qaSnapshot({ trx, eventId, audience, actor }: SnapshotContext, publicLists: PublicLists): Promise<QaSnapshot> {
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
  if (!list) {
    const visible = await listPublic(trx, eventId);
    list = { questions: visible.map(toPublic), board: boardOf(visible.filter((q) => q.state === 'live')) };
    publicLists.set(eventId, list);
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
