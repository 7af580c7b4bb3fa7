/**
 * Who is online: sockets counted per attendee (two tabs are one person, closing one of them is not
 * leaving). Changes go through the kernel's generic coalescer: per window, the people whose online state
 * flipped (or whose name/attributes were touched) since the last flush — someone who drops and comes
 * back within one window causes no delta at all.
 */
import type { Coalescer, Entry } from '../kernel/coalescer.js';

export interface PresenceValue {
  online: boolean;
  /** Name or attributes changed: staff get the person again even if their online state did not change. */
  touched: boolean;
}

export const mergePresence = (latest: PresenceValue, next: PresenceValue): PresenceValue => ({
  online: next.online,
  touched: latest.touched || next.touched,
});

/** The people a window's entries must send (empties nothing); null when none. */
export function changedPeople(entries: ReadonlyMap<string, Entry<PresenceValue>> | null): string[] | null {
  if (!entries) return null;
  const ids = [...entries].filter(([, e]) => e.latest.touched || e.latest.online !== e.baseline.online).map(([id]) => id);
  return ids.length ? ids : null;
}

export class Presence {
  private readonly sockets = new Map<string, Map<string, number>>();

  constructor(private readonly window: Coalescer<PresenceValue>) {}

  private change(eventId: string, attendeeId: string, delta: 1 | -1): boolean {
    let counts = this.sockets.get(eventId);
    if (!counts) this.sockets.set(eventId, (counts = new Map()));
    const before = counts.get(attendeeId) ?? 0;
    const after = Math.max(0, before + delta);
    if (after === 0) counts.delete(attendeeId);
    else counts.set(attendeeId, after);
    if (counts.size === 0) this.sockets.delete(eventId);
    const flipped = (before > 0) !== (after > 0);
    if (flipped) this.window.record(eventId, attendeeId, { online: after > 0, touched: false }, { online: before > 0, touched: false });
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
    for (const id of attendeeIds) {
      const online = this.isOnline(eventId, id);
      this.window.record(eventId, id, { online, touched: true }, { online, touched: false });
    }
  }

  isOnline(eventId: string, attendeeId: string): boolean {
    return (this.sockets.get(eventId)?.get(attendeeId) ?? 0) > 0;
  }

  onlineIds(eventId: string): string[] {
    return [...(this.sockets.get(eventId)?.keys() ?? [])];
  }

  /** Attendees online now. */
  count(eventId: string): number {
    return this.sockets.get(eventId)?.size ?? 0;
  }

  /** The people to send since the last flush (empties the window); null when nothing changed. */
  take(eventId: string): string[] | null {
    return changedPeople(this.window.take(eventId));
  }

  forgetEvent(eventId: string): void {
    this.sockets.delete(eventId);
    this.window.forgetEvent(eventId);
  }
}
