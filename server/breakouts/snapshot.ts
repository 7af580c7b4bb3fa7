/**
 * The breakouts part of a snapshot: rounds (staff: all, with locks and reports; public: started ones) and
 * help requests. Shared per view: the rounds (and for staff the help requests and plan settings);
 * personal: an attendee's help requests of their own groups.
 */
import type { BreakoutsSnapshot } from '../../shared/breakouts/schemas.js';
import type { SharedSnapshotContext, SnapshotContext } from '../kernel/feature.js';
import { isPublicRound } from './core/views.js';
import { loadPlanSettings, loadRounds } from './repository.js';
import { helpOf, type BreakoutRuntime } from './runtime.js';

export async function breakoutsSharedSnapshot(rt: BreakoutRuntime, { trx, eventId, audience }: SharedSnapshotContext): Promise<BreakoutsSnapshot> {
  if (audience !== 'staff') {
    const visible = (await loadRounds(trx, eventId)).filter(isPublicRound);
    const view = await rt.viewerFor(trx, visible);
    return { rounds: visible.map((r) => view(r, 'public')), help: [] };
  }
  const all = await loadRounds(trx, eventId);
  const view = await rt.viewerFor(trx, all);
  return { rounds: all.map((r) => view(r, 'staff')), help: await rt.listHelp(trx, eventId), planSettings: await loadPlanSettings(trx, eventId) };
}

export async function breakoutsPersonalSnapshot(
  rt: BreakoutRuntime,
  { trx, eventId, audience, actor }: SnapshotContext,
  shared: Pick<BreakoutsSnapshot, 'rounds'> | undefined,
): Promise<Partial<BreakoutsSnapshot>> {
  const me = actor.attendeeId;
  if (audience === 'staff' || !me) return {};
  // An attendee sees the help requests of their own groups ("help is coming", or done and askable again).
  if (!shared?.rounds.some((r) => r.groups.some((g) => g.members.some((m) => m.id === me)))) return {};
  // The same rule as the personal `breakouts:myHelp` lists, so a reload and the live state agree.
  return { help: helpOf(await loadRounds(trx, eventId), await rt.listHelp(trx, eventId), me) };
}
