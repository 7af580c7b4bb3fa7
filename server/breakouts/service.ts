/**
 * The shell around the breakout core: load rounds, build the views each audience gets, and commit a
 * change in one transaction with one seq bump, then move the round timers to the new state.
 */
import type { Transaction } from 'kysely';
import type { PersonView, RoundView } from '../../shared/breakouts/schemas.js';
import { DomainError } from '../../shared/errors.js';
import type { DB } from '../db/types.js';
import type { Services } from '../services.js';
import { commitFanout, type Committed } from '../sync/commit.js';
import { toRoundView, type Audience, type AudienceChanges } from './core/views.js';
import type { IdRound, RoundState } from './core/types.js';
import { loadMessages, loadRound, namesOf, type PersonRow } from './repository.js';

type Db = Transaction<DB> | Services['db'];
export type ViewFn = (round: RoundState, audience: Audience) => RoundView;

/** Names and messages for these rounds, then a cheap view builder for any audience. */
export async function viewerFor(db: Db, rounds: readonly RoundState[]): Promise<ViewFn> {
  const names = await namesOf(db, rounds.flatMap((r) => r.groups.flatMap((g) => g.members)));
  const messages = await loadMessages(db, rounds.map((r) => r.id));
  return (round, audience) => toRoundView(round, names, messages.get(round.id) ?? [], audience);
}

export async function requireRound(db: Db, eventId: string, roundId: string): Promise<RoundState> {
  const round = await loadRound(db, eventId, roundId);
  if (!round) throw new DomainError('not_found', 'no such breakout round');
  return round;
}

/**
 * Groups of the rounds that count as "met before" for `round`: every started round, and drafts planned
 * ahead of it (a multi-round plan avoids repeats across its own rounds too).
 */
export function historyFor(rounds: readonly RoundState[], round: Pick<RoundState, 'id' | 'number'> | null): IdRound[] {
  return rounds
    .filter((r) => r.id !== round?.id && (r.status !== 'draft' || (round !== null && r.number < round.number)))
    .map((r) => r.groups.map((g) => g.members));
}

export function personView(p: PersonRow, online: boolean): PersonView {
  return { id: p.id, name: p.name, attributes: p.attributes, online, invited: p.invited };
}

export interface BreakoutWork<R> {
  result: R;
  /** What each audience receives; null when nothing changed (no seq is used). */
  changes: AudienceChanges | null;
  /** Rounds whose timers must follow their new state. */
  rounds?: readonly RoundState[];
  /** Rounds that no longer exist. */
  removed?: readonly string[];
}

export async function commitBreakouts<R>(
  services: Services,
  eventId: string,
  work: (trx: Transaction<DB>) => Promise<BreakoutWork<R>>,
): Promise<Committed<R>> {
  let after: BreakoutWork<R> | undefined;
  const committed = await commitFanout(services, eventId, async (trx) => {
    after = await work(trx);
    if (after.changes) services.breakouts.publicRounds.delete(eventId);
    return { result: after.result, fanout: after.changes ? { mod: after.changes.staff, pub: after.changes.pub, own: [] } : null };
  });
  return {
    ...committed,
    publish: () => {
      committed.publish();
      for (const round of after?.rounds ?? []) services.breakouts.timers.sync(round);
      for (const id of after?.removed ?? []) services.breakouts.timers.disarm(id);
    },
  };
}
