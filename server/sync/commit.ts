/**
 * The write half of "the path of one command": run the work in ONE transaction that also bumps the
 * event's seq, and hand back a publish step that emits the deltas for that seq. Callers run this inside
 * the event's serial queue and call publish after acknowledging, so emit order equals seq order.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../db/types.js';
import { bumpSeq } from '../events/repository.js';
import { buildFanout, type Mutation } from '../qa/core/fanout.js';
import type { Services } from '../services.js';

export interface Committed<R> {
  result: R;
  seq: number;
  publish: () => void;
}

export async function commitMutation<R>(
  services: Services,
  eventId: string,
  work: (trx: Transaction<DB>) => Promise<{ result: R; mutation: Mutation }>,
): Promise<Committed<R>> {
  const { result, mutation, seq } = await services.db.transaction().execute(async (trx) => {
    const done = await work(trx);
    services.publicLists.invalidate(eventId);
    return { ...done, seq: await bumpSeq(trx, eventId) };
  });
  return {
    result,
    seq,
    publish: () => services.broadcaster.publish(eventId, seq, buildFanout(mutation)),
  };
}
