/**
 * Abuse that rate limits alone do not stop (issue 12's attack probe):
 * - a client that keeps sending past its limit: each refusal still costs an ack, so after `refusalsBeforeDrop`
 *   refusals within `windowMs` the socket is dropped and its credentials are refused for `cooldownMs`;
 * - a client that never reads: everything sent to it queues in the server's memory, so a socket whose
 *   outgoing buffer passes `maxBufferedPackets` / `maxBufferedBytes` is dropped, its buffer discarded.
 * The counting is pure (`countRefusal`); FloodGuard holds the state and does the dropping.
 */
import type { PlenumIO, PlenumSocket } from './socket-types.js';

export interface FloodPolicy {
  refusalsBeforeDrop: number;
  windowMs: number;
  cooldownMs: number;
  maxBufferedPackets: number;
  maxBufferedBytes: number;
  checkEveryMs: number;
}

export const DEFAULT_FLOOD_POLICY: FloodPolicy = {
  refusalsBeforeDrop: 50,
  windowMs: 10_000,
  cooldownMs: 30_000,
  maxBufferedPackets: 2_000,
  maxBufferedBytes: 8 * 1024 * 1024,
  checkEveryMs: 1_000,
};

export interface RefusalCount {
  count: number;
  since: number;
}

/** Pure: one more refusal at `now`; drop when the window holds more than the policy allows. */
export function countRefusal(state: RefusalCount | undefined, now: number, policy: FloodPolicy): { state: RefusalCount; drop: boolean } {
  const fresh = !state || now - state.since > policy.windowMs;
  const next = fresh ? { count: 1, since: now } : { count: state.count + 1, since: state.since };
  return { state: next, drop: next.count > policy.refusalsBeforeDrop };
}

/** Pure: is this outgoing buffer too big? */
export function overBuffered(packets: number, bytes: number, policy: FloodPolicy): boolean {
  return packets > policy.maxBufferedPackets || bytes > policy.maxBufferedBytes;
}

type Conn = {
  writeBuffer?: unknown[];
  close(discard?: boolean): void;
  transport?: { socket?: { terminate?: () => void; _socket?: { writableLength?: number } } };
};

/** What a socket holds for the client that has not left the process yet: engine.io packets and ws bytes. */
function buffered(socket: PlenumSocket): { packets: number; bytes: number } {
  const conn = socket.conn as unknown as Conn;
  return { packets: conn.writeBuffer?.length ?? 0, bytes: conn.transport?.socket?._socket?.writableLength ?? 0 };
}

/** Closes at once, discarding what is queued (a graceful close would wait for a reader that never reads). */
export function dropNow(socket: PlenumSocket): void {
  const conn = socket.conn as unknown as Conn;
  socket.disconnect(true);
  conn.close(true);
  conn.transport?.socket?.terminate?.();
}

export class FloodGuard {
  private readonly refusals = new WeakMap<PlenumSocket, RefusalCount>();
  private readonly cooling = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  dropped = { flooding: 0, slowReaders: 0 };

  constructor(
    private readonly policy: FloodPolicy = DEFAULT_FLOOD_POLICY,
    private readonly now: () => number = Date.now,
    /** Told of every drop (the metrics count them). */
    private readonly onDrop: (reason: 'flooding' | 'slow_reader') => void = () => {},
  ) {}

  /** The credential a cooldown is kept for: the token the socket came with, else its address. */
  static credential(socket: PlenumSocket): string {
    const auth = socket.handshake.auth as { token?: unknown } | undefined;
    return typeof auth?.token === 'string' && auth.token ? `t:${auth.token}` : `a:${socket.handshake.address}`;
  }

  /** A message of this socket was refused for its rate; returns true when the socket was dropped. */
  refused(socket: PlenumSocket): boolean {
    const now = this.now();
    const { state, drop } = countRefusal(this.refusals.get(socket), now, this.policy);
    this.refusals.set(socket, state);
    if (!drop) return false;
    this.cooling.set(FloodGuard.credential(socket), now + this.policy.cooldownMs);
    this.dropped.flooding += 1;
    this.onDrop('flooding');
    dropNow(socket);
    return true;
  }

  /** Milliseconds this credential must still wait (0: welcome). */
  coolingDown(credential: string): number {
    const until = this.cooling.get(credential);
    if (until === undefined) return 0;
    const left = until - this.now();
    if (left <= 0) this.cooling.delete(credential);
    return Math.max(0, left);
  }

  /** Drops every socket whose outgoing buffer is over the cap. One pass over the sockets per checkEveryMs. */
  checkBuffers(io: PlenumIO): number {
    let n = 0;
    for (const socket of io.of('/').sockets.values()) {
      const { packets, bytes } = buffered(socket);
      if (overBuffered(packets, bytes, this.policy)) {
        this.dropped.slowReaders += 1;
        this.onDrop('slow_reader');
        dropNow(socket);
        n += 1;
      }
    }
    const now = this.now();
    for (const [k, until] of this.cooling) if (until <= now) this.cooling.delete(k);
    return n;
  }

  start(io: PlenumIO): void {
    this.timer = setInterval(() => this.checkBuffers(io), this.policy.checkEveryMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
