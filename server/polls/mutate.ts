/**
 * The write path shared by every polls handler: one kernel commit, in which the work reads the event's
 * polls from memory, applies the pure core, persists, updates memory and returns its per-audience changes.
 * Memory is changed only after every check passed; if the transaction still fails, the event's state is
 * dropped so the next command reloads what was committed.
 */
import type { Transaction } from 'kysely';
import { DomainError } from '../../shared/errors.js';
import type { DB } from '../db/types.js';
import type { Committed, Kernel } from '../kernel/feature.js';
import { pollError } from './core/errors.js';
import type { EventPolls, PollsStore, PollState } from './state.js';
import { isEmpty, type PollsChanges } from './views.js';

export type Work<R> = (trx: Transaction<DB>, ev: EventPolls) => Promise<{ result: R; changes: PollsChanges | null }>;

export function createMutate(kernel: Kernel, store: PollsStore) {
  return async function mutate<R>(eventId: string, work: Work<R>): Promise<Committed<R>> {
    try {
      return await kernel.commit(eventId, async (trx) => {
        const ev = await store.get(trx, eventId);
        const { result, changes } = await work(trx, ev);
        return { result, changes: changes && !isEmpty(changes) ? changes : null };
      });
    } catch (err) {
      if (!(err instanceof DomainError)) store.drop(eventId);
      throw err;
    }
  };
}

export function requirePoll(ev: EventPolls, id: string): PollState {
  const ps = ev.polls.get(id);
  if (!ps) throw pollError('not_found', 'no such poll');
  return ps;
}
