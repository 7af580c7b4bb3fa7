/** The breakouts part of a snapshot: rounds (staff: all, with locks and reports; public: started ones), help, people. */
import type { Transaction } from 'kysely';
import type { BreakoutsSnapshot } from '../../shared/breakouts/schemas.js';
import type { DB } from '../db/types.js';
import type { Services } from '../services.js';
import { isPublicRound } from './core/views.js';
import { listHelp, loadRounds, peopleOfEvent } from './repository.js';
import { personView, viewerFor } from './service.js';

export async function breakoutsSnapshot(trx: Transaction<DB>, services: Services, eventId: string, staff: boolean): Promise<BreakoutsSnapshot> {
  const all = await loadRounds(trx, eventId);
  const rounds = staff ? all : all.filter(isPublicRound);
  const view = await viewerFor(trx, rounds);
  const audience = staff ? 'staff' : 'public';
  if (!staff) return { rounds: rounds.map((r) => view(r, audience)), help: [], people: [] };
  const people = await peopleOfEvent(trx, eventId);
  return {
    rounds: rounds.map((r) => view(r, audience)),
    help: await listHelp(trx, eventId),
    people: people.map((p) => personView(p, services.breakouts.presence.isOnline(eventId, p.id))),
  };
}
