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

/** What another node of the cluster says is online there, and when it last said anything. */
interface RemoteNode {
  seen: number;
  events: Map<string, Set<string>>;
}

export class Presence {
  private readonly sockets = new Map<string, Map<string, number>>();
  /** Cluster mode: the online attendees of the other nodes (people/module.ts keeps this up to date). */
  private readonly remote = new Map<string, RemoteNode>();

  constructor(private readonly window: Coalescer<PresenceValue>) {}

  /** Returns whether this node's own online state of the attendee flipped (what other nodes must hear). */
  private change(eventId: string, attendeeId: string, delta: 1 | -1): boolean {
    const wasOnline = this.isOnline(eventId, attendeeId);
    let counts = this.sockets.get(eventId);
    if (!counts) this.sockets.set(eventId, (counts = new Map()));
    const before = counts.get(attendeeId) ?? 0;
    const after = Math.max(0, before + delta);
    if (after === 0) counts.delete(attendeeId);
    else counts.set(attendeeId, after);
    if (counts.size === 0) this.sockets.delete(eventId);
    const isOnline = this.isOnline(eventId, attendeeId);
    // Staff hear of a change of the cluster-wide state (a second tab on another node is no change).
    if (wasOnline !== isOnline) this.window.record(eventId, attendeeId, { online: isOnline, touched: false }, { online: wasOnline, touched: false });
    return (before > 0) !== (after > 0);
  }

  private onlineRemotely(eventId: string, attendeeId: string): boolean {
    for (const node of this.remote.values()) if (node.events.get(eventId)?.has(attendeeId)) return true;
    return false;
  }

  /** This node's online attendees per event (sent in full to the other nodes now and then). */
  local(): Record<string, string[]> {
    return Object.fromEntries([...this.sockets].map(([eventId, counts]) => [eventId, [...counts.keys()]]));
  }

  /**
   * Another node's attendee came online or went offline there. Every node whose cluster-wide view
   * flips sends the change with its next flush: a count a node sent from an older view is then always
   * followed by one from the newer view (several nodes may send the same change; it is idempotent).
   * Returns whether the cluster-wide state flipped.
   */
  remoteChange(node: string, eventId: string, attendeeId: string, online: boolean, now: number): boolean {
    const was = this.isOnline(eventId, attendeeId);
    const r = this.nodeOf(node, now);
    let set = r.events.get(eventId);
    if (!set) r.events.set(eventId, (set = new Set()));
    if (online) set.add(attendeeId);
    else set.delete(attendeeId);
    if (set.size === 0) r.events.delete(eventId);
    const is = this.isOnline(eventId, attendeeId);
    if (was !== is) this.window.record(eventId, attendeeId, { online: is, touched: false }, { online: was, touched: false });
    return was !== is;
  }

  /**
   * Another node's whole state (its heartbeat). Differences from what this node believed are recorded as
   * flips, so a lost message heals within one heartbeat.
   */
  remoteState(node: string, events: Record<string, string[]>, now: number): void {
    const r = this.nodeOf(node, now);
    const before = r.events;
    const touched = new Set([...before.keys(), ...Object.keys(events)]);
    const was = new Map([...touched].map((eventId) => [eventId, this.onlineIds(eventId)]));
    r.events = new Map(Object.entries(events).filter(([, ids]) => ids.length).map(([eventId, ids]) => [eventId, new Set(ids)]));
    for (const eventId of touched) this.recordFlips(eventId, new Set(was.get(eventId)));
  }

  /** Nodes silent for longer than maxAgeMs are gone (killed): their attendees go offline here. */
  expire(now: number, maxAgeMs: number): void {
    for (const [id, node] of this.remote) {
      if (now - node.seen <= maxAgeMs) continue;
      const was = new Map([...node.events.keys()].map((eventId) => [eventId, new Set(this.onlineIds(eventId))]));
      this.remote.delete(id);
      for (const [eventId, before] of was) this.recordFlips(eventId, before);
    }
  }

  private nodeOf(node: string, now: number): RemoteNode {
    let r = this.remote.get(node);
    if (!r) this.remote.set(node, (r = { seen: now, events: new Map() }));
    r.seen = now;
    return r;
  }

  private recordFlips(eventId: string, before: ReadonlySet<string>): void {
    const after = new Set(this.onlineIds(eventId));
    for (const id of before) if (!after.has(id)) this.window.record(eventId, id, { online: false, touched: false }, { online: true, touched: false });
    for (const id of after) if (!before.has(id)) this.window.record(eventId, id, { online: true, touched: false }, { online: false, touched: false });
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

  /** Online here or (cluster mode) on another node. */
  isOnline(eventId: string, attendeeId: string): boolean {
    return (this.sockets.get(eventId)?.get(attendeeId) ?? 0) > 0 || (this.remote.size > 0 && this.onlineRemotely(eventId, attendeeId));
  }

  onlineIds(eventId: string): string[] {
    const here = [...(this.sockets.get(eventId)?.keys() ?? [])];
    if (this.remote.size === 0) return here;
    const all = new Set(here);
    for (const node of this.remote.values()) for (const id of node.events.get(eventId) ?? []) all.add(id);
    return [...all];
  }

  /** Attendees online now (on every node). */
  count(eventId: string): number {
    return this.remote.size === 0 ? (this.sockets.get(eventId)?.size ?? 0) : this.onlineIds(eventId).length;
  }

  /** The people to send since the last flush (empties the window); null when nothing changed. */
  take(eventId: string): string[] | null {
    return changedPeople(this.window.take(eventId));
  }

  forgetEvent(eventId: string): void {
    this.sockets.delete(eventId);
    for (const node of this.remote.values()) node.events.delete(eventId);
    this.window.forgetEvent(eventId);
  }
}
