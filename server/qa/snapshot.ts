/**
 * The Q&A part of a snapshot. Shared per view (built once per event, view and seq by the kernel,
 * server/kernel/snapshot-cache.ts): the questions (moderators: every one but withdrawn; everyone else:
 * live and answered), of the answered ones only the newest 50 (`qa:answeredPage` pages the rest), the
 * board and the pending count. Every Q&A write commits a seq, votes too (one per window,
 * vote-commit.ts), so a shared part of a seq never misses a change of that seq. Personal: an attendee's
 * own questions and their votes on questions in the snapshot.
 */
import { withNewestAnswered, type QaSnapshot } from '../../shared/qa/index.js';
import type { SharedSnapshotContext, SnapshotContext } from '../kernel/feature.js';
import { toMod, toPublic } from './core/views.js';
import { boardOf, countPending, listForModerators, listOwn, listPublic, listVotedIds } from './repository.js';

type SharedQa = Omit<QaSnapshot, 'myVotes' | 'own'>;

export async function qaSharedSnapshot({ trx, eventId, audience }: SharedSnapshotContext): Promise<QaSnapshot> {
  if (audience === 'staff') {
    const all = await listForModerators(trx, eventId);
    const board = boardOf(all.filter((q) => q.state === 'live'));
    const { questions, answeredOlder } = withNewestAnswered(all);
    return {
      questions: questions.map(toMod),
      highlightedId: board.highlightedId,
      queue: board.queue,
      pendingCount: all.filter((q) => q.state === 'pending').length,
      answeredOlder,
      myVotes: [],
      own: [],
    };
  }
  const visible = await listPublic(trx, eventId);
  const board = boardOf(visible.filter((q) => q.state === 'live'));
  const { questions, answeredOlder } = withNewestAnswered(visible);
  return {
    questions: questions.map(toPublic),
    highlightedId: board.highlightedId,
    queue: board.queue,
    pendingCount: await countPending(trx, eventId),
    answeredOlder,
    myVotes: [],
    own: [],
  };
}

/** The ids of a shared part's questions, once per shared part (it is the same object for every request). */
const idsOf = new WeakMap<object, ReadonlySet<string>>();

export async function qaPersonalSnapshot({ trx, actor }: SnapshotContext, shared: SharedQa | undefined): Promise<Partial<QaSnapshot>> {
  if (!actor.attendeeId || !shared) return {};
  let ids = idsOf.get(shared.questions);
  if (!ids) {
    ids = new Set(shared.questions.map((q) => q.id));
    idsOf.set(shared.questions, ids);
  }
  const visible = ids;
  const own = await listOwn(trx, actor.attendeeId);
  return {
    // Only votes on questions in this snapshot: votes on rejected, withdrawn or older answered ones are of
    // no use to the client (a page of older answered questions carries its own).
    myVotes: (await listVotedIds(trx, actor.attendeeId)).filter((id) => visible.has(id)),
    own: own.map(toPublic),
  };
}
