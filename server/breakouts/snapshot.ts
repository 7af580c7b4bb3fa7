/** The breakouts part of a snapshot: rounds (staff: all, with locks and reports; public: started ones) and help requests. */
import type { BreakoutsSnapshot } from '../../shared/breakouts/schemas.js';
import type { SnapshotContext } from '../kernel/feature.js';
import { isPublicRound } from './core/views.js';
import { loadRounds } from './repository.js';
import type { BreakoutRuntime } from './runtime.js';

export async function breakoutsSnapshot(rt: BreakoutRuntime, { trx, eventId, audience }: SnapshotContext): Promise<BreakoutsSnapshot> {
  if (audience !== 'staff') {
    let rounds = rt.publicRounds.get(eventId);
    if (!rounds) {
      const visible = (await loadRounds(trx, eventId)).filter(isPublicRound);
      const view = await rt.viewerFor(trx, visible);
      rounds = visible.map((r) => view(r, 'public'));
      rt.publicRounds.set(eventId, rounds);
    }
    return { rounds, help: [] };
  }
  const all = await loadRounds(trx, eventId);
  const view = await rt.viewerFor(trx, all);
  return { rounds: all.map((r) => view(r, 'staff')), help: await rt.listHelp(trx, eventId) };
}
