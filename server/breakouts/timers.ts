/**
 * One timer per running or closing round, set to its next deadline (endsAt, then closingEndsAt). The
 * timer only says "look again"; the round's new state comes from the core's `advance` in the event's
 * queue. Re-armed from the database on startup, so a restarted server keeps the original end times.
 */
import { nextDeadline } from './core/lifecycle.js';
import type { RoundState } from './core/types.js';

/** setTimeout's upper bound; a longer wait fires early, finds nothing due, and is armed again. */
const MAX_DELAY = 2_147_483_647;

type TimedRound = Pick<RoundState, 'id' | 'eventId' | 'status' | 'endsAt' | 'closingEndsAt'>;

export class RoundTimers {
  private readonly timers = new Map<string, { eventId: string; at: number; handle: NodeJS.Timeout }>();

  constructor(
    private readonly onDue: (eventId: string, roundId: string) => void,
    private readonly clock: () => number,
  ) {}

  /** Arms, moves or clears the round's timer to match its state. */
  sync(round: TimedRound): void {
    const at = nextDeadline(round);
    const current = this.timers.get(round.id);
    if (current && current.at === at) return;
    if (current) clearTimeout(current.handle);
    this.timers.delete(round.id);
    if (at === null) return;
    const delay = Math.min(MAX_DELAY, Math.max(0, at - this.clock()));
    const handle = setTimeout(() => {
      if (this.timers.get(round.id)?.handle !== handle) return;
      this.timers.delete(round.id);
      this.onDue(round.eventId, round.id);
    }, delay);
    this.timers.set(round.id, { eventId: round.eventId, at, handle });
  }

  disarm(roundId: string): void {
    const current = this.timers.get(roundId);
    if (current) clearTimeout(current.handle);
    this.timers.delete(roundId);
  }

  /** Whether the event has a running or closing round (late joiners need placing only then). */
  hasActive(eventId: string): boolean {
    for (const t of this.timers.values()) if (t.eventId === eventId) return true;
    return false;
  }

  forgetEvent(eventId: string): void {
    for (const [id, t] of this.timers) if (t.eventId === eventId) this.disarm(id);
  }

  stop(): void {
    for (const id of [...this.timers.keys()]) this.disarm(id);
  }
}
