/**
 * Fan-out to rooms. Every emit is one broadcast: Socket.IO encodes the packet once per call and writes the
 * same bytes to each socket of the room, so nothing here is per socket.
 */
import type { LinkRole } from '../../shared/events/schemas.js';
import type { Question } from '../../shared/qa/schemas.js';
import type { Fanout } from '../qa/core/fanout.js';
import { attendeeRoom, linkRoom, staffRoom, pubRoom } from './rooms.js';
import type { PlenumIO } from './socket-types.js';

export type RevokeReason = 'link_rotated' | 'event_deleted';

export class Broadcaster {
  /** Counts revocations, so a socket whose handshake raced a rotation or deletion can be caught. */
  private revision = 0;
  private readonly lastRevoked = new Map<string, number>();

  constructor(private readonly io: PlenumIO) {}

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

  publish(eventId: string, seq: number, fanout: Fanout): void {
    this.io.to(staffRoom(eventId)).emit('sync:delta', { seq, changes: fanout.mod });
    this.io.to(pubRoom(eventId)).emit('sync:delta', { seq, changes: fanout.pub });
    for (const { attendeeId, question } of fanout.own) this.own(attendeeId, question);
  }

  own(attendeeId: string, question: Question): void {
    this.io.to(attendeeRoom(attendeeId)).emit('qa:own', { question });
  }

  /** Coalesced vote counts are the same for both audiences: one broadcast to the union of the rooms. */
  publishVotes(eventId: string, seq: number, counts: Record<string, number>): void {
    this.io.to([staffRoom(eventId), pubRoom(eventId)]).emit('sync:delta', { seq, changes: [{ type: 'question:votes', counts }] });
  }

  /** Tells the holders why, then drops them; the packet is flushed before the transport closes. */
  revoke(eventId: string, reason: RevokeReason, role?: LinkRole): void {
    this.lastRevoked.set(`${eventId}:${role ?? '*'}`, ++this.revision);
    const rooms = role ? [linkRoom(eventId, role)] : [staffRoom(eventId), pubRoom(eventId)];
    this.io.to(rooms).emit('session:revoked', { reason });
    this.io.in(rooms).disconnectSockets(true);
  }
}
