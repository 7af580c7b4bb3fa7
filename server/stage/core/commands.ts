/** The stage commands as pure functions over one event's StageState; the time comes in as a parameter. */
import { DomainError } from '../../../shared/errors.js';
import { QUEUE_MAX } from '../../../shared/stage/schemas.js';
import { OFF_AIR, sameItem, screensOf, type OnAirItem, type QueueEntry, type ScreenState, type ScreenTarget, type StageState } from './types.js';

export interface ShowOptions {
  target: ScreenTarget;
  item: OnAirItem;
  /** The command's value; undefined: the event's default. Applies to the overlay only. */
  autoHideS: number | null | undefined;
  defaultAutoHideS: number | null;
  by: NonNullable<ScreenState['by']>;
  now: Date;
}

/** Puts the item on air on the target screens (again, when it already is: the auto-hide starts over). */
export function show(state: StageState, o: ShowOptions): StageState {
  const next = { ...state };
  const since = o.now.toISOString();
  for (const screen of screensOf(o.target)) {
    const autoHideS = screen === 'overlay' ? (o.autoHideS === undefined ? o.defaultAutoHideS : o.autoHideS) : null;
    next[screen] = { item: o.item, since, autoHideS, by: o.by };
  }
  return next;
}

export function clear(state: StageState, target: ScreenTarget): StageState {
  const next = { ...state };
  for (const screen of screensOf(target)) next[screen] = { ...OFF_AIR };
  return next;
}

/** Appends the item; an item already queued stays where it is (a double click queues it once). */
export function enqueue(state: StageState, item: OnAirItem, id: string): StageState {
  if (state.queue.some((e) => sameItem(e.item, item))) return state;
  if (state.queue.length >= QUEUE_MAX) throw new DomainError('stage_queue_full', `the queue holds at most ${QUEUE_MAX} items`);
  return { ...state, queue: [...state.queue, { id, item }] };
}

/** Removes an entry; one that is gone already is no error (two moderators may click at once). */
export function dequeue(state: StageState, id: string): StageState {
  const queue = state.queue.filter((e) => e.id !== id);
  return queue.length === state.queue.length ? state : { ...state, queue };
}

/**
 * The named entries first, in the given order; entries the moderator did not name (queued meanwhile by
 * someone else) keep their order after them; unknown ids are ignored.
 */
export function reorder(state: StageState, ids: readonly string[]): StageState {
  const byId = new Map(state.queue.map((e) => [e.id, e]));
  const named: QueueEntry[] = [];
  for (const id of new Set(ids)) {
    const e = byId.get(id);
    if (e) named.push(e);
  }
  const rest = state.queue.filter((e) => !named.includes(e));
  const queue = [...named, ...rest];
  return queue.every((e, i) => e === state.queue[i]) ? state : { ...state, queue };
}

/** The first queued item (stage_queue_empty when there is none). */
export function head(state: StageState): QueueEntry {
  const first = state.queue[0];
  if (!first) throw new DomainError('stage_queue_empty', 'the queue is empty');
  return first;
}

/** Shows the first queued item and takes it out of the queue. */
export function next(state: StageState, o: Omit<ShowOptions, 'item'>): StageState {
  const first = head(state);
  return { ...show(state, { ...o, item: first.item }), queue: state.queue.slice(1) };
}

/** Takes items that no longer exist (or may no longer be shown) off every screen and out of the queue. */
export function dropItems(state: StageState, gone: (item: OnAirItem) => boolean): StageState {
  let next = state;
  for (const screen of ['room', 'overlay'] as const) {
    const item = next[screen].item;
    if (item && gone(item)) next = { ...next, [screen]: { ...OFF_AIR } };
  }
  const queue = next.queue.filter((e) => !gone(e.item));
  return queue.length === next.queue.length ? next : { ...next, queue };
}

/** When the overlay hides its item by itself (ms since epoch), or null. */
export function overlayDeadline(state: StageState): number | null {
  const { item, since, autoHideS } = state.overlay;
  if (!item || !since || autoHideS === null) return null;
  return Date.parse(since) + autoHideS * 1000;
}

/** Clears the overlay when its auto-hide time has come. */
export function expireOverlay(state: StageState, now: Date): StageState {
  const at = overlayDeadline(state);
  return at !== null && at <= now.getTime() ? clear(state, 'overlay') : state;
}
