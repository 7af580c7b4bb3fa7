/** The breakouts part of a snapshot: rounds (staff: all, with locks and reports; public: started ones), help, people. */
import type { Transaction } from 'kysely';
import type { BreakoutsSnapshot } from '../../shared/breakouts/schemas.js';
import type { DB } from '../db/types.js';
import type { Services } from '../services.js';
import { isPublicRound } from './core/views.js';
import { listHelp, loadRounds, peopleOfEvent } from './repository.js';
import { personView, viewerFor } from './service.js';

export async function breakoutsSnapshot(trx: Transaction<DB>, services: Services, eventId: string, staff: boolean): Promise<BreakoutsSnapshot> {
  if (!staff) {
    let rounds = services.breakouts.publicRounds.get(eventId);
    if (!rounds) {
      const visible = (await loadRounds(trx, eventId)).filter(isPublicRound);
      const view = await viewerFor(trx, visible);
      rounds = visible.map((r) => view(r, 'public'));
      services.breakouts.publicRounds.set(eventId, rounds);
    }
    return { rounds, help: [], people: [] };
  }
  const all = await loadRounds(trx, eventId);
  const view = await viewerFor(trx, all);
  const people = await peopleOfEvent(trx, eventId);
  return {
    rounds: all.map((r) => view(r, 'staff')),
    help: await listHelp(trx, eventId),
    people: people.map((p) => personView(p, services.breakouts.presence.isOnline(eventId, p.id))),
  };
}
