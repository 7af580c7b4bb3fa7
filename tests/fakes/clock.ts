/**
 * A manual clock for the chat poller (server/chat/poller.ts Clock): time moves only when a test advances
 * it; due timers fire in order, and after each one `settle` (e.g. poller.settled()) lets the real HTTP
 * calls and store transactions it started finish before time moves on.
 */
import type { Clock } from '../../server/chat/poller.js';

interface Timer {
  id: number;
  at: number;
  fn: () => void;
}

export class FakeClock implements Clock {
  private timers: Timer[] = [];
  private nextId = 1;
  constructor(public t: number) {}

  now(): number {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const timer = { id: this.nextId++, at: this.t + Math.max(0, ms), fn };
    this.timers.push(timer);
    return timer.id;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((x) => x.id !== handle);
  }
  /** When the next timer fires, or null. */
  nextAt(): number | null {
    return this.timers.reduce<number | null>((m, x) => (m === null || x.at < m ? x.at : m), null);
  }
  pendingTimers(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms`, firing due timers in order and settling after each. */
  async advance(ms: number, settle: () => Promise<void>): Promise<void> {
    const target = this.t + ms;
    await settle();
    for (;;) {
      const due = this.timers.filter((x) => x.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((x) => x !== due);
      this.t = Math.max(this.t, due.at);
      due.fn();
      await settle();
    }
    this.t = target;
  }
}
