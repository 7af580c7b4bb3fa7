/**
 * What each audience sees of a round. Staff (organizers, moderators, facilitators) see drafts, locks and
 * the engine report; the public (attendees, stage) sees started rounds only, without them. Pure.
 */
import type { BreakoutMessage, RoundView } from '../../../shared/breakouts/schemas.js';
import type { Change } from '../../../shared/socket.js';
import type { Changes } from '../../kernel/feature.js';
import { lateArrivals } from './arrivals.js';
import { isActive, type MessageRecord, type RoundState } from './types.js';

export type Audience = 'staff' | 'public';

export function isPublicRound(round: Pick<RoundState, 'status'>): boolean {
  return round.status !== 'draft';
}

export function toRoundView(
  round: RoundState,
  names: ReadonlyMap<string, string | null>,
  messages: readonly MessageRecord[],
  audience: Audience,
): RoundView {
  const view: RoundView = {
    id: round.id,
    number: round.number,
    status: round.status,
    mode: round.mode,
    groups: round.groups.map((g) => ({
      index: g.index,
      name: g.name,
      topic: g.topic,
      videoUrl: g.videoUrl,
      members: g.members.map((id) => ({ id, name: names.get(id) ?? null })),
      capacity: g.capacity,
      result: g.result,
      resultVersion: g.resultVersion,
    })),
    durationSec: round.durationSec,
    startedAt: round.startedAt,
    endsAt: round.endsAt,
    closingEndsAt: round.closingEndsAt,
    closedAt: round.closedAt,
    messages: messages.map((m): BreakoutMessage => ({ id: m.id, text: m.text, at: m.at })),
    showResults: round.showResults,
  };
  if (audience === 'staff') {
    view.locked = round.locked;
    if (round.report) view.report = round.report;
    if (isActive(round)) view.late = lateArrivals(round);
  }
  return view;
}

/** The kernel's one shape of per-audience changes; rounds have no personal part. */
export type AudienceChanges = Pick<Changes, 'staff' | 'pub'>;

/**
 * The changes for one round going from `before` to `after` (null: created / removed). The public never
 * hears of drafts: a draft's changes and removal are staff-only.
 */
export function roundChanges(
  before: RoundState | null,
  after: RoundState | null,
  view: (round: RoundState, audience: Audience) => RoundView,
): AudienceChanges {
  const staff: Change[] = [];
  const pub: Change[] = [];
  const id = (after ?? before)?.id;
  if (!id) return { staff, pub };
  if (after) staff.push({ type: 'breakouts:round', round: view(after, 'staff') });
  else staff.push({ type: 'breakouts:roundRemove', id });
  if (after && isPublicRound(after)) pub.push({ type: 'breakouts:round', round: view(after, 'public') });
  else if (before && isPublicRound(before)) pub.push({ type: 'breakouts:roundRemove', id });
  return { staff, pub };
}
