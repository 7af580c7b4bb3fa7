/**
 * Which items may go on air, and who may put them there. The shell looks the item up through the other
 * features' APIs and hands the facts in; these rules decide.
 */
import { DomainError } from '../../../shared/errors.js';
import type { PollStatus, PollType } from '../../../shared/polls/index.js';
import type { QuestionState } from '../../../shared/qa/index.js';
import type { RoundStatus } from '../../../shared/breakouts/index.js';
import type { Role } from '../../../shared/kernel/roles.js';
import type { OnAirItem, Screen, StageState } from './types.js';

/** What the other features said about the item (null: it does not exist in this event). */
export type ItemFacts =
  | { kind: 'question'; state: QuestionState | null }
  | { kind: 'poll' | 'leaderboard'; poll: { type: PollType; status: PollStatus } | null }
  | { kind: 'round'; round: { status: RoundStatus } | null }
  | { kind: 'join' };

/** Facilitators run breakout rounds: they may put rounds and the join screen on air, nothing else. */
const FACILITATOR_KINDS: ReadonlySet<OnAirItem['kind']> = new Set(['round', 'join']);

export function mayHandle(role: Role, item: OnAirItem | null): boolean {
  if (role === 'organizer' || role === 'moderator') return true;
  if (role === 'facilitator') return item === null || FACILITATOR_KINDS.has(item.kind);
  return false;
}

export function authorize(role: Role, item: OnAirItem): void {
  if (!mayHandle(role, item)) throw new DomainError('forbidden', `the ${role} role may not put a ${item.kind} on air`);
}

/** A facilitator may take off air only what a facilitator could have put there. */
export function authorizeClear(role: Role, state: StageState, screens: readonly Screen[]): void {
  for (const s of screens) {
    const item = state[s].item;
    if (!mayHandle(role, item)) throw new DomainError('forbidden', `the ${role} role may not take a ${item!.kind} off air`);
  }
}

/** Questions the public sees: live ones, and answered ones (still on the public list). */
export function isShowableQuestion(state: QuestionState): boolean {
  return state === 'live' || state === 'answered';
}

/** Throws stage_item_not_found / stage_item_invalid unless the item may be shown now. */
export function checkItem(item: OnAirItem, facts: ItemFacts): void {
  if (facts.kind !== item.kind) throw new Error(`facts of a ${facts.kind} for a ${item.kind}`);
  switch (facts.kind) {
    case 'question':
      if (facts.state === null) throw new DomainError('stage_item_not_found', 'no such question in this event');
      if (!isShowableQuestion(facts.state)) throw new DomainError('stage_item_invalid', `a ${facts.state} question cannot be shown`);
      return;
    case 'poll':
    case 'leaderboard':
      if (facts.poll === null) throw new DomainError('stage_item_not_found', 'no such poll in this event');
      if (facts.poll.status === 'draft') throw new DomainError('stage_item_invalid', 'open the poll before showing it');
      if (facts.kind === 'leaderboard' && facts.poll.type !== 'quiz') throw new DomainError('stage_item_invalid', 'only a quiz has a leaderboard');
      return;
    case 'round':
      if (facts.round === null) throw new DomainError('stage_item_not_found', 'no such breakout round in this event');
      if (facts.round.status === 'draft') throw new DomainError('stage_item_invalid', 'start the round before showing it');
      return;
    case 'join':
      return;
  }
}
