/** The breakouts part of a snapshot: rounds (staff: all, with locks and reports; public: started ones) and help requests. */
import type { BreakoutsSnapshot } from '../../shared/breakouts/schemas.js';
import type { SnapshotContext } from '../kernel/feature.js';
import { isPublicRound } from './core/views.js';
import { loadPlanSettings, loadRounds } from './repository.js';
import { helpOf, type BreakoutRuntime } from './runtime.js';

export async function breakoutsSnapshot(rt: BreakoutRuntime, { trx, eventId, seq, audience, actor }: SnapshotContext): Promise<BreakoutsSnapshot> {
  if (audience !== 'staff') {
    const cached = rt.publicRounds.get(eventId);
    let rounds = cached?.seq === seq ? cached.rounds : null;
    if (!rounds) {
      const visible = (await loadRounds(trx, eventId)).filter(isPublicRound);
      const view = await rt.viewerFor(trx, visible);
      rounds = visible.map((r) => view(r, 'public'));
      if ((rt.publicRounds.get(eventId)?.seq ?? -1) <= seq) rt.publicRounds.set(eventId, { seq, rounds });
    }
    // An attendee sees the help requests of their own groups ("help is coming", or done and askable again).
    const me = actor.attendeeId;
    if (!me || !rounds.some((r) => r.groups.some((g) => g.members.some((m) => m.id === me)))) return { rounds, help: [] };
    // The same rule as the personal `breakouts:myHelp` lists, so a reload and the live state agree.
    return { rounds, help: helpOf(await loadRounds(trx, eventId), await rt.listHelp(trx, eventId), me) };
  }
  const all = await loadRounds(trx, eventId);
  const view = await rt.viewerFor(trx, all);
  return { rounds: all.map((r) => view(r, 'staff')), help: await rt.listHelp(trx, eventId), planSettings: await loadPlanSettings(trx, eventId) };
}
