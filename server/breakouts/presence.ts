/**
 * Who is online in the plenary: sockets counted per attendee (two tabs are one person, closing one of
 * them is not leaving). Changes are coalesced per event like votes: the first change of a window arms a
 * timer, and when it fires the owner takes the people whose online state (or name/attributes) changed
 * since the last flush — someone who drops and comes back within one window causes no delta at all.
 * The scheduler is injected so the logic is tested without real timers.
 */
import { realScheduler, type Scheduler } from '../sync/vote-coalescer.js';

interface EventPresence {
  sockets: Map<string, number>;
  /** Online state at the last flush, for the people that changed since. */
  baseline: Map<string, boolean>;
  touched: Set<string>;
  timer: unknown;
}

export class Presence {
  private readonly events = new Map<string, EventPresence>();

  constructor(
    private readonly onDue: (eventId: string) => void,
    private readonly scheduler: Scheduler = realScheduler,
    readonly intervalMs = 500,
  ) {}

  private of(eventId: string): EventPresence {
    let e = this.events.get(eventId);
    if (!e) {
      e = { sockets: new Map(), baseline: new Map(), touched: new Set(), timer: null };
      this.events.set(eventId, e);
    }
    return e;
  }

  private arm(eventId: string, e: EventPresence): void {
    if (e.timer !== null) return;
    e.timer = this.scheduler.set(() => {
      e.timer = null;
      this.onDue(eventId);
    }, this.intervalMs);
  }

  private change(eventId: string, attendeeId: string, delta: 1 | -1): boolean {
    const e = this.of(eventId);
    const before = e.sockets.get(attendeeId) ?? 0;
    const after = Math.max(0, before + delta);
    if (after === 0) e.sockets.delete(attendeeId);
    else e.sockets.set(attendeeId, after);
    const flipped = (before > 0) !== (after > 0);
    if (flipped) {
      if (!e.baseline.has(attendeeId)) e.baseline.set(attendeeId, before > 0);
      this.arm(eventId, e);
    }
    return flipped;
  }

  /** A socket of this attendee connected; true when they were offline until now. */
  connect(eventId: string, attendeeId: string): boolean {
    return this.change(eventId, attendeeId, 1);
  }

  /** A socket of this attendee disconnected; true when it was their last one. */
  disconnect(eventId: string, attendeeId: string): boolean {
    return this.change(eventId, attendeeId, -1);
  }

  /** Name or attributes changed: staff should get this person again with the next flush. */
  touch(eventId: string, attendeeIds: Iterable<string>): void {
    const e = this.of(eventId);
    for (const id of attendeeIds) e.touched.add(id);
    if (e.touched.size) this.arm(eventId, e);
  }

  isOnline(eventId: string, attendeeId: string): boolean {
    return (this.events.get(eventId)?.sockets.get(attendeeId) ?? 0) > 0;
  }

  onlineIds(eventId: string): string[] {
    return [...(this.events.get(eventId)?.sockets.keys() ?? [])];
  }

  /** The people to send since the last flush (empties the window); null when nothing changed. */
  take(eventId: string): string[] | null {
    const e = this.events.get(eventId);
    if (!e) return null;
    const ids = new Set(e.touched);
    for (const [id, wasOnline] of e.baseline) if (wasOnline !== (e.sockets.get(id) ?? 0) > 0) ids.add(id);
    e.baseline.clear();
    e.touched.clear();
    if (e.sockets.size === 0 && e.timer === null) this.events.delete(eventId);
    return ids.size ? [...ids] : null;
  }

  forgetEvent(eventId: string): void {
    const e = this.events.get(eventId);
    if (e?.timer != null) this.scheduler.clear(e.timer);
    this.events.delete(eventId);
  }

  stop(): void {
    for (const e of this.events.values()) if (e.timer !== null) this.scheduler.clear(e.timer);
    this.events.clear();
  }
}
