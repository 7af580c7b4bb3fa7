/**
 * The write half of "the path of one command": run the work in ONE transaction that also bumps the
 * event's seq, and hand back a publish step that emits the deltas for that seq. Callers run this inside
 * the event's serial queue and call publish after acknowledging, so emit order equals seq order.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../db/types.js';
import { bumpSeq } from '../events/repository.js';
import { buildFanout, type Fanout, type Mutation } from '../qa/core/fanout.js';
import type { Services } from '../services.js';

export interface Committed<R> {
  result: R;
  seq: number;
  publish: () => void;
}

/**
 * The general form: the work returns what each audience receives, or null when nothing changed (then no
 * seq is used and nothing is sent).
 */
export async function commitFanout<R>(
  services: Services,
  eventId: string,
  work: (trx: Transaction<DB>) => Promise<{ result: R; fanout: Fanout | null }>,
): Promise<Committed<R>> {
  const { result, fanout, seq } = await services.db.transaction().execute(async (trx) => {
    const done = await work(trx);
    return { ...done, seq: done.fanout ? await bumpSeq(trx, eventId) : -1 };
  });
  return {
    result,
    seq,
    publish: () => {
      if (fanout) services.broadcaster.publish(eventId, seq, fanout);
    },
  };
}

export async function commitMutation<R>(
  services: Services,
  eventId: string,
  work: (trx: Transaction<DB>) => Promise<{ result: R; mutation: Mutation }>,
): Promise<Committed<R>> {
  return commitFanout(services, eventId, async (trx) => {
    const { result, mutation } = await work(trx);
    services.publicLists.invalidate(eventId);
    return { result, fanout: buildFanout(mutation) };
  });
}
