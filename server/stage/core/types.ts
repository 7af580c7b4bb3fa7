/** The stage as the domain sees it: plain data, no IO. */
import type { OnAirItem, QueueEntry, Screen, ScreenState, ScreenTarget } from '../../../shared/stage/schemas.js';

export type { OnAirItem, QueueEntry, Screen, ScreenState, ScreenTarget };

/** What is on air on each screen and what comes next (one event). */
export interface StageState {
  room: ScreenState;
  overlay: ScreenState;
  queue: QueueEntry[];
}

/** Who may decide what is on air (the dispatch lets only these send stage commands). */
export type Decider = 'organizer' | 'moderator' | 'facilitator';

/**
 * What the follow hook remembers of the other features' pointers, so it knows what a change ends: the
 * question that was highlighted, the poll that was presented, the rounds whose results were shown.
 */
export interface FollowMemory {
  highlightedId: string | null;
  presentedId: string | null;
  shownRounds: string[];
}

export const SCREENS: readonly Screen[] = ['room', 'overlay'];

export const OFF_AIR: ScreenState = { item: null, since: null, autoHideS: null, by: null };

export function emptyStage(): StageState {
  return { room: { ...OFF_AIR }, overlay: { ...OFF_AIR }, queue: [] };
}

export function screensOf(target: ScreenTarget): readonly Screen[] {
  return target === 'both' ? SCREENS : [target];
}

/** Two items name the same thing (same kind and id). */
export function sameItem(a: OnAirItem | null, b: OnAirItem | null): boolean {
  if (!a || !b) return a === b;
  return itemKey(a) === itemKey(b);
}

export function itemKey(item: OnAirItem): string {
  switch (item.kind) {
    case 'question':
      return `question:${item.questionId}`;
    case 'poll':
    case 'leaderboard':
      return `${item.kind}:${item.pollId}`;
    case 'round':
      return `round:${item.roundId}`;
    case 'join':
      return 'join';
  }
}
