/**
 * Fan-out to rooms. Every emit is one broadcast: Socket.IO encodes the packet once per call and writes the
 * same bytes to each socket of the room(s), so nothing here is per socket.
 *
 * A large event's attendee tick goes out in parts (the room's PUB_PARTS sub-rooms, one emit each) with the
 * event loop free between them: writing one message to 5,000 sockets takes ~65 ms of one core here, and
 * done in one piece it held up everything else (vote windows fired ~55 ms late, staff deltas waited).
 * While an event's tick is going out, acks to its attendee sockets wait for the last part (dispatch), so
 * that no attendee gets an older tick after the ack of a newer change.
 */
import { performance } from 'node:perf_hooks';
import type { LinkRole } from '../../shared/kernel/roles.js';
import type { PersonalChange } from '../../shared/socket.js';
import type { Changes } from './changes.js';
import type { Metrics } from './metrics.js';
import { attendeeRoom, linkRoom, PUB_PARTS, pubPartRoom, pubRoom, stageRoom, staffRoom } from './rooms.js';
import type { PlenumIO, PlenumSocket } from './socket-types.js';

export type RevokeReason = 'link_rotated' | 'event_deleted';

interface PubItem {
  seq: number;
  pub: Changes['pub'];
  personal: Changes['personal'];
}

/** Personal changes in the order they came: a commit's (all tabs), or a sender's other tabs' (`except`). */
interface PersonalBatch {
  items: Changes['personal'];
  except?: PlenumSocket;
}

/** A tick going out in parts: the steps left, and who waits for its end. */
interface Fanout {
  steps: Array<() => void>;
  next: number;
  done: Promise<void>;
  finish: () => void;
  /** The next tick came due meanwhile: it goes out right after this one. */
  rerun: boolean;
  startedAt: number;
  /** Time spent in the steps, not counting the pauses between them. */
  busyMs: number;
}

/** Writing one tick to the attendees may take at most 1/TICK_STRETCH of the time: the tick grows past pubTickMs when it would take more. */
export const TICK_STRETCH = 2;
const MAX_TICK_MS = 1_000;

/** Attendee rooms with fewer local sockets than this go out in one emit. */
export const PARTED_FROM = 1_000;

export class Delivery {
  /** Counts revocations, so a socket whose handshake raced a rotation or deletion can be caught. */
  private revision = 0;
  private readonly lastRevoked = new Map<string, number>();
  /** Public deltas (and their personal changes) waiting for the event's next attendee tick. */
  private readonly pending = new Map<string, { items: PubItem[]; personal: PersonalBatch[]; timer: NodeJS.Timeout }>();
  private readonly fanouts = new Map<string, Fanout>();
  /** Per event: the tick after the last one, stretched by its cost (see TICK_STRETCH). */
  private readonly tickMs = new Map<string, number>();

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
    /** Local attendee sockets from which a tick goes out in parts (tests lower it). */
    readonly partedFrom = PARTED_FROM,
  ) {}

  /**
   * Resolves when the event's tick that is going out in parts has reached every attendee; null when none is
   * (then an ack may go at once).
   */
  afterFanout(eventId: string): Promise<void> | null {
    return this.fanouts.get(eventId)?.done ?? null;
  }

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
      open.personal.push({ items: item.personal });
      return;
    }
    const timer = setTimeout(() => this.flushPub(eventId), this.tickMs.get(eventId) ?? this.pubTickMs);
    this.pending.set(eventId, { items: [item], personal: [{ items: item.personal }], timer });
  }

  private flushPub(eventId: string, inParts = true): void {
    const open = this.pending.get(eventId);
    if (!open) return;
    const running = this.fanouts.get(eventId);
    if (running) {
      running.rerun = true;
      return;
    }
    this.pending.delete(eventId);
    clearTimeout(open.timer);
    const t0 = performance.now();
    const { items } = open;
    const single = items.length === 1 ? { seq: items[0]!.seq, changes: items[0]!.pub } : null;
    const several = single ? null : { deltas: items.map((i) => ({ seq: i.seq, changes: i.pub })) };
    const emit = (to: ReturnType<PlenumIO['to']>) => {
      if (single) to.emit('sync:delta', single);
      else to.emit('sync:deltas', several!);
    };
    // After the deltas, as before: e.g. a rejected question's author gets its own copy after the removal.
    // A tick's commits give each attendee one message; a sender's other tabs get theirs where it came.
    const batches: PersonalBatch[] = [];
    for (const b of open.personal) {
      const last = batches.at(-1);
      if (last && !last.except && !b.except) last.items = [...last.items, ...b.items];
      else batches.push({ ...b });
    }
    const personal = () => {
      for (const b of batches) this.personal(b.items, b.except);
    };
    const local = this.io.sockets.adapter.rooms.get(pubRoom(eventId))?.size ?? 0;
    if (!inParts || local < this.partedFrom) {
      emit(this.io.to(pubRoom(eventId)).except(stageRoom(eventId)));
      personal();
      this.stretchTick(eventId, performance.now() - t0);
      this.metrics?.broadcast(t0);
      return;
    }
    const steps = Array.from({ length: PUB_PARTS }, (_, part) => () => emit(this.io.to(pubPartRoom(eventId, part))));
    steps.push(personal);
    let finish!: () => void;
    const done = new Promise<void>((r) => (finish = r));
    const fanout: Fanout = { steps, next: 0, done, finish, rerun: false, startedAt: t0, busyMs: 0 };
    this.fanouts.set(eventId, fanout);
    const step = () => {
      if (this.fanouts.get(eventId) !== fanout) return; // finished by flushAll
      const s0 = performance.now();
      fanout.steps[fanout.next++]!();
      fanout.busyMs += performance.now() - s0;
      if (fanout.next < fanout.steps.length) setImmediate(step);
      else this.endFanout(eventId, fanout);
    };
    step();
  }

  private endFanout(eventId: string, fanout: Fanout): void {
    this.fanouts.delete(eventId);
    // The waiting acks run as microtasks of this resolution, before the next tick can start (setImmediate).
    fanout.finish();
    this.stretchTick(eventId, fanout.busyMs);
    this.metrics?.broadcast(fanout.startedAt);
    if (fanout.rerun) setImmediate(() => this.flushPub(eventId));
  }

  private stretchTick(eventId: string, busyMs: number): void {
    const next = Math.min(MAX_TICK_MS, Math.round(busyMs * TICK_STRETCH));
    if (next > this.pubTickMs) this.tickMs.set(eventId, next);
    else this.tickMs.delete(eventId);
  }

  /** Sends every waiting public delta now, in one piece (shutdown, tests). */
  flushAll(): void {
    for (const [eventId, fanout] of [...this.fanouts]) {
      while (fanout.next < fanout.steps.length) fanout.steps[fanout.next++]!();
      this.endFanout(eventId, { ...fanout, rerun: false });
    }
    for (const eventId of [...this.pending.keys()]) this.flushPub(eventId, false);
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

  /**
   * Personal changes made outside a commit's delta (a sender's other tabs learn of its vote or answer):
   * after the event's waiting tick and the one going out, whose personal changes are older and must not
   * overtake them (a stale rank or answer would stay on screen).
   */
  personalOf(eventId: string, items: Changes['personal'], except?: PlenumSocket): void {
    if (items.length === 0) return;
    const open = this.pending.get(eventId);
    if (open) {
      open.personal.push({ items, except });
      return;
    }
    const running = this.fanouts.get(eventId);
    if (running) running.steps.push(() => this.personal(items, except));
    else this.personal(items, except);
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
