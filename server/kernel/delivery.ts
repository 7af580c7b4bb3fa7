/**
 * Fan-out to rooms. Every emit is one broadcast: Socket.IO encodes the packet once per call and writes the
 * same bytes to each socket of the room(s), so nothing here is per socket.
 */
import { performance } from 'node:perf_hooks';
import type { LinkRole } from '../../shared/kernel/roles.js';
import type { PersonalChange } from '../../shared/socket.js';
import type { Changes } from './changes.js';
import type { Metrics } from './metrics.js';
import { attendeeRoom, linkRoom, pubRoom, stageRoom, staffRoom } from './rooms.js';
import type { PlenumIO, PlenumSocket } from './socket-types.js';

export type RevokeReason = 'link_rotated' | 'event_deleted';

interface PubItem {
  seq: number;
  pub: Changes['pub'];
  personal: Changes['personal'];
}

export class Delivery {
  /** Counts revocations, so a socket whose handshake raced a rotation or deletion can be caught. */
  private revision = 0;
  private readonly lastRevoked = new Map<string, number>();
  /** Public deltas (and their personal changes) waiting for the event's next attendee tick. */
  private readonly pending = new Map<string, { items: PubItem[]; timer: NodeJS.Timeout }>();

  /** Cluster mode: tells the other nodes (set by app.ts). */
  onRevoked: ((eventId: string, role?: LinkRole) => void) | null = null;

  constructor(
    private readonly io: PlenumIO,
    private readonly metrics?: Metrics,
    /**
     * The attendees' cadence: public deltas of one tick go out as ONE message per socket (`sync:deltas`
     * when there are several), so questions, vote windows and presence of a tick cost one write per
     * attendee instead of one each. Staff get every delta at once. 0: no tick, everything at once.
     */
    readonly pubTickMs = 100,
  ) {}

  /** A revocation made here or on another node: handshakes that started before it are refused. */
  noteRevoked(eventId: string, role?: LinkRole): void {
    this.lastRevoked.set(`${eventId}:${role ?? '*'}`, ++this.revision);
  }

  get currentRevision(): number {
    return this.revision;
  }

  /** Whether the event, or this link of it, was revoked after `since` (a revision read before the handshake). */
  revokedSince(eventId: string, role: LinkRole | null, since: number): RevokeReason | null {
    if (this.revision === since) return null;
    if ((this.lastRevoked.get(`${eventId}:*`) ?? -1) > since) return 'event_deleted';
    if (role && (this.lastRevoked.get(`${eventId}:${role}`) ?? -1) > since) return 'link_rotated';
    return null;
  }

  /**
   * One `sync:delta` per audience with the same seq (an audience may get `changes: []`). When a feature
   * passes the same array for both audiences (e.g. coalesced vote counts), it is one broadcast to both rooms.
   */
  deliver(eventId: string, seq: number, changes: Changes): void {
    const t0 = performance.now();
    if (this.pubTickMs > 0) {
      this.io.to(staffRoom(eventId)).emit('sync:delta', { seq, changes: changes.staff });
      // The stage room (presenter, overlay, speaker: a handful of sockets) is on air: it gets each delta at
      // once too; only the attendees wait for the tick.
      this.io.to(stageRoom(eventId)).emit('sync:delta', { seq, changes: changes.stage ?? changes.pub });
      this.queuePub(eventId, { seq, pub: changes.pub, personal: changes.personal });
    } else {
      this.emitDeltas(eventId, seq, changes);
      this.personal(changes.personal);
    }
    this.metrics?.broadcast(t0);
  }

  private queuePub(eventId: string, item: PubItem): void {
    const open = this.pending.get(eventId);
    if (open) {
      open.items.push(item);
      return;
    }
    const timer = setTimeout(() => this.flushPub(eventId), this.pubTickMs);
    this.pending.set(eventId, { items: [item], timer });
  }

  private flushPub(eventId: string): void {
    const open = this.pending.get(eventId);
    if (!open) return;
    this.pending.delete(eventId);
    clearTimeout(open.timer);
    const t0 = performance.now();
    const { items } = open;
    const send = (room: ReturnType<PlenumIO['to']>, pick: (i: PubItem) => Changes['pub']) => {
      if (items.length === 1) room.emit('sync:delta', { seq: items[0]!.seq, changes: pick(items[0]!) });
      else room.emit('sync:deltas', { deltas: items.map((i) => ({ seq: i.seq, changes: pick(i) })) });
    };
    send(this.io.to(pubRoom(eventId)).except(stageRoom(eventId)), (i) => i.pub);
    // After the deltas, as before: e.g. a rejected question's author gets its own copy after the removal.
    this.personal(items.flatMap((i) => i.personal));
    this.metrics?.broadcast(t0);
  }

  /** Sends every waiting public delta now (shutdown, tests). */
  flushAll(): void {
    for (const eventId of [...this.pending.keys()]) this.flushPub(eventId);
  }

  private emitDeltas(eventId: string, seq: number, changes: Changes): void {
    if (changes.stage) {
      // The stage gets its own list (same seq); attendees the public one. Still one encoding per emit.
      this.io.to(staffRoom(eventId)).emit('sync:delta', { seq, changes: changes.staff });
      this.io.to(pubRoom(eventId)).except(stageRoom(eventId)).emit('sync:delta', { seq, changes: changes.pub });
      this.io.to(stageRoom(eventId)).emit('sync:delta', { seq, changes: changes.stage });
    } else if (changes.staff === changes.pub) {
      this.io.to([staffRoom(eventId), pubRoom(eventId)]).emit('sync:delta', { seq, changes: changes.staff });
    } else {
      this.io.to(staffRoom(eventId)).emit('sync:delta', { seq, changes: changes.staff });
      this.io.to(pubRoom(eventId)).emit('sync:delta', { seq, changes: changes.pub });
    }
  }

  /** One `sync:personal` per attendee (all their tabs), with their changes in order; `except` skips the sending tab. */
  personal(items: Changes['personal'], except?: PlenumSocket): void {
    if (items.length === 0) return;
    const byAttendee = new Map<string, PersonalChange[]>();
    for (const { attendeeId, change } of items) {
      const list = byAttendee.get(attendeeId);
      if (list) list.push(change);
      else byAttendee.set(attendeeId, [change]);
    }
    for (const [attendeeId, list] of byAttendee) {
      const target = except ? except.to(attendeeRoom(attendeeId)) : this.io.to(attendeeRoom(attendeeId));
      target.emit('sync:personal', { changes: list });
    }
  }

  /** Tells the holders why, then drops them; the packet is flushed before the transport closes. */
  revoke(eventId: string, reason: RevokeReason, role?: LinkRole): void {
    this.noteRevoked(eventId, role);
    this.onRevoked?.(eventId, role);
    // With the Redis adapter both calls reach the sockets of every node.
    const rooms = role ? [linkRoom(eventId, role)] : [staffRoom(eventId), pubRoom(eventId)];
    this.io.to(rooms).emit('session:revoked', { reason });
    this.io.in(rooms).disconnectSockets(true);
  }
}
