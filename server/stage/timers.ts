/**
 * One timer per event for the overlay's auto-hide. The timer only says "look again": in the event's queue
 * the shell reads the overlay from the database and clears it if its time has come (core expireOverlay),
 * so a timer armed for a state that was replaced or rolled back does nothing, and the clear happens once.
 * Re-armed from the database on start.
 */
const MAX_DELAY = 2_147_483_647;

export class OverlayTimers {
  private readonly timers = new Map<string, { at: number; handle: NodeJS.Timeout }>();

  constructor(
    private readonly onDue: (eventId: string) => void,
    private readonly clock: () => number,
  ) {}

  /** Arms the event's timer for `at` (ms since epoch), or disarms it (null). */
  set(eventId: string, at: number | null): void {
    const current = this.timers.get(eventId);
    if (current && current.at === at) return;
    if (current) clearTimeout(current.handle);
    this.timers.delete(eventId);
    if (at === null) return;
    const handle = setTimeout(
      () => {
        if (this.timers.get(eventId)?.handle !== handle) return;
        this.timers.delete(eventId);
        this.onDue(eventId);
      },
      Math.min(MAX_DELAY, Math.max(0, at - this.clock())),
    );
    this.timers.set(eventId, { at, handle });
  }

  forgetEvent(eventId: string): void {
    this.set(eventId, null);
  }

  stop(): void {
    for (const { handle } of this.timers.values()) clearTimeout(handle);
    this.timers.clear();
  }
}
