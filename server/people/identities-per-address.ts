/**
 * An event's own cap on new identities per IP address (settings.access.identitiesPerAddress), over any 24 hours.
 * Held in memory only: addresses are never stored (docs/privacy.md); a restart forgets the counts.
 */
import { takeWindow, type BucketState } from '../kernel/rate-limit.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export class IdentitiesPerAddress {
  private readonly windows = new Map<string, BucketState>();
  private calls = 0;

  /** Counts one new identity; returns 0 when allowed, else the milliseconds until a place frees up. */
  hit(eventId: string, address: string, cap: number, now: number): number {
    if (++this.calls % 1000 === 0) this.sweep(now);
    const key = `${eventId}\u0000${address}`;
    const result = takeWindow(this.windows.get(key), { capacity: cap, perMs: DAY_MS, window: true }, now);
    this.windows.set(key, result.state);
    return result.retryAfterMs;
  }

  forgetEvent(eventId: string): void {
    for (const key of this.windows.keys()) if (key.startsWith(`${eventId}\u0000`)) this.windows.delete(key);
  }

  private sweep(now: number): void {
    const slotMs = DAY_MS / 60;
    for (const [key, state] of this.windows) if (now - (state.at + 1) * slotMs >= DAY_MS) this.windows.delete(key);
  }
}
