/** What the polls handlers share: the kernel, people, memory, timers, the tallies coalescer and the write path. */
import type { Coalescer } from '../kernel/coalescer.js';
import type { Committed, HandlerContext, HandlerOutcome, Kernel } from '../kernel/feature.js';
import type { People } from '../people/index.js';
import type { Work } from './mutate.js';
import type { PollsStore } from './state.js';
import type { PollTimers } from './timers.js';

export interface PollsParts {
  kernel: Kernel;
  people: People;
  store: PollsStore;
  timers: PollTimers;
  /**
   * Keys: a poll id (its counts changed), `entryKey(pollId, attendeeId)` (an open-text entry changed;
   * value = its review state, baseline = the state before the window), `removedEntryKey(pollId, entryId)`
   * (an entry its author deleted) or PRESENT (presence changed).
   */
  tallies: Coalescer<string | null>;
  mutate<R>(eventId: string, work: Work<R>): Promise<Committed<R>>;
}

export const PRESENT_KEY = '\u0000present';
export const entryKey = (pollId: string, attendeeId: string) => `\u0001${pollId}\u0000${attendeeId}`;
/** An open-text entry deleted by its author (polls:retract); baseline = its review state before. */
export const removedEntryKey = (pollId: string, entryId: string) => `\u0002${pollId}\u0000${entryId}`;

/** The handler outcome of a commit: the ack's result, then publish. */
export function outcome<R>(c: Committed<R>): HandlerOutcome<R> {
  return { result: c.result, publish: c.publish };
}

export function nowOf(ctx: HandlerContext): Date {
  return ctx.now;
}
