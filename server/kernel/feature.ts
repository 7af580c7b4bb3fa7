/**
 * The server half of the feature contract (docs/architecture.md). A feature is a FeatureModule built by
 * a factory from the Kernel (`createQaModule(kernel, …)`), listed once in server/features.ts. The kernel
 * owns dispatch, the per-event queue, rooms, commit with seq and delivery; it imports no feature.
 */
import type { Router } from 'express';
import type { Kysely, Migration, Transaction } from 'kysely';
import type { CommandName, CommandResult, ParsedPayload } from '../../shared/socket.js';
import type { EventSettings } from '../../shared/events/schemas.js';
import type { Config } from '../config.js';
import type { DB } from '../db/types.js';
import type { Logger } from '../logger.js';
import type { Coalescer, Entry } from './coalescer.js';
import type { Metrics } from './metrics.js';
import type { Delivery } from './delivery.js';
import type { FloodGuard, FloodPolicy } from './flood.js';
import type { BucketSpec, RateLimiter } from './rate-limit.js';
import type { SerialQueues } from './serial-queue.js';
import type { PlenumSocket, SocketData } from './socket-types.js';

export type Db = Kysely<DB> | Transaction<DB>;
export type Audience = 'staff' | 'pub';

export { mergeChanges, type Changes } from './changes.js';
import type { Changes } from './changes.js';

export interface HandlerContext {
  socket: PlenumSocket;
  actor: SocketData;
  now: Date;
}

export interface HandlerOutcome<R> {
  result: R;
  /** Emits the deltas; called right after the ack, still inside the event's queue. */
  publish?: () => void;
}

export interface Handler<K extends CommandName> {
  /** Runs inside the event's serial queue (every mutation does). */
  serial: boolean;
  /** A per-sender limit on top of the general one: a kind the module declares in `limits`. */
  limit?: { kind: string; what: string };
  run(ctx: HandlerContext, payload: ParsedPayload<K>): Promise<HandlerOutcome<CommandResult<K>>>;
}

export type Handlers = { [K in CommandName]: Handler<K> };

/**
 * Whose view a snapshot's shared part is: staff (organizers, moderators, facilitators), the stage and
 * speaker links (the public view plus what is on air), everyone else (attendees).
 */
export type SnapshotView = 'staff' | 'stage' | 'pub';

/** The shared part of a snapshot: what every socket of `view` sees at `seq` (no actor). */
export interface SharedSnapshotContext {
  trx: Transaction<DB>;
  eventId: string;
  /** The event's seq this snapshot reflects: the shared part is served to requests of this seq only. */
  seq: number;
  audience: Audience;
  view: SnapshotView;
}

/** The personal part: `actor`'s own things, read per request in the same transaction. */
export interface SnapshotContext extends SharedSnapshotContext {
  actor: SocketData;
}

/** Someone the people module recognised: for the handshake and the snapshot's `me`. */
export interface Identity {
  name: string | null;
  attributes: Record<string, string>;
}

/**
 * Who the attendees are. Exactly one module (people) provides it; the kernel uses it for the handshake
 * (attendee tokens) and the snapshot's `me`, and never reads the attendees table itself.
 */
export interface IdentityProvider {
  attendeeByToken(db: Db, eventId: string, token: string): Promise<string | null>;
  describe(db: Db, eventId: string, attendeeId: string): Promise<Identity | null>;
}

export interface FeatureModule {
  /** = the key of its snapshot part and of its entry in shared/features.ts. */
  name: string;
  /** Its commands (the kernel checks that every command of shared/socket.ts has exactly one handler). */
  handlers: Partial<Handlers>;
  /**
   * Its snapshot part is `{ ...shared, ...personal }` (one level: the client merges the two objects):
   * `sharedSnapshot` is what everyone of ctx.view sees at ctx.seq; the kernel calls it once per (event,
   * view, seq) and serialises it once (server/kernel/snapshot-cache.ts), so it must depend on nothing but
   * the rows that seq reflects (a change without a seq belongs in the personal part). `personalSnapshot`
   * runs per request with the actor and this request's shared part (read-only). Both run inside the
   * snapshot transaction.
   */
  sharedSnapshot?(ctx: SharedSnapshotContext): Promise<Record<string, unknown>>;
  personalSnapshot?(ctx: SnapshotContext, shared: Readonly<Record<string, unknown>> | undefined): Promise<Record<string, unknown>>;
  /** REST under /api (mounted before the organizer-only /api/events router). */
  routes?(): Router;
  /** Its schema migrations (names sort after the kernel's; prefix them with a date and the feature name). */
  migrations?: Record<string, Migration>;
  /** Rate-limit buckets its handlers and routes use (`limit.kind`). */
  limits?: Record<string, BucketSpec>;
  /** Only the people module. */
  identity?: IdentityProvider;
  /** After the server listens: re-arm timers from the database. */
  start?(): Promise<void>;
  /** Shutdown, after the sockets are gone. */
  stop?(): Promise<void>;
  /** The event was deleted: drop caches and timers. */
  forgetEvent?(eventId: string): void;
  /**
   * Cluster mode (PostgreSQL): the event's committed seq moved past what this node has seen (another node
   * wrote): drop in-memory state derived from the database, so the next read loads it again. Synchronous
   * and cheap; it may be called more often than needed.
   */
  resync?(eventId: string): void;
  /**
   * Cluster mode: called every few seconds on every node: arm the timers of what the database says is
   * running (rounds, polls), so a deadline fires on every live node and the first to take the event's
   * lock makes the change (the others find nothing due).
   */
  rearm?(): Promise<void>;
  /**
   * The event's settings were committed (event:settings or PATCH /api/events/:id), in the event's queue:
   * re-arm what depends on them (the chat bridge). Must not wait for the queue (it is running).
   */
  onSettingsChanged?(eventId: string, settings: EventSettings): void;
  /** A socket of this attendee connected (online = true) or disconnected; called in registration order. */
  onPresence?(eventId: string, attendeeId: string, online: boolean): void;
  /**
   * People's names or attributes changed (rename, roster import), inside that transaction: drop caches
   * that show names and return the changes to send (e.g. rounds with the new names).
   */
  onPeopleChanged?(trx: Transaction<DB>, eventId: string, attendeeIds: readonly string[]): Promise<Partial<Changes> | null>;
  /**
   * Every commit of the event that has changes, inside its transaction, before the seq is bumped: the module
   * sees what the work is about to send (merged, all audiences) and may add its own changes, which go out
   * under the same seq (the stage follows a highlight, or leaves a deleted question). Called once per commit
   * for every module that has it (the committer's own module too: a hook ignores its own change types), in
   * registration order; the changes hooks add are not shown to hooks again (no recursion). Must be cheap
   * when nothing concerns it: it runs for every vote flush too.
   */
  onChanges?(trx: Transaction<DB>, eventId: string, changes: Changes): Promise<Partial<Changes> | null>;
}

export interface Committed<R> {
  result: R;
  /** The seq of the deltas, or -1 when nothing changed. */
  seq: number;
  /** Emits one `sync:delta` per audience with that seq and one `sync:personal` per attendee. */
  publish: () => void;
}

export interface CoalescerSpec<V> {
  /** Its window: `options.windows[name]` if set, else `windowMs`. */
  name: string;
  windowMs: number;
  merge?: (latest: V, next: V) => V;
  /** Runs in the event's queue inside one transaction; its changes get one seq (null: nothing to send). */
  flush(trx: Transaction<DB>, eventId: string, entries: Map<string, Entry<V>>): Promise<Partial<Changes> | null>;
}

export interface KernelOptions {
  /** Replace rate limits (tests and benchmarks). */
  limits?: Record<string, BucketSpec>;
  /** Coalescing windows by name (`votes` 100 ms, `presence` 500 ms …). */
  windows?: Record<string, number>;
  /** Local attendee sockets from which a tick goes out in parts (Delivery, default 1,000); tests lower it. */
  partedFrom?: number;
  /** Upper bound of the breakout engine's search per plan; tests lower it. */
  planTimeLimitMs?: number;
  /** Environment variables a feature reads over process.env (tests: YOUTUBE_API_BASE of a fake). */
  env?: Record<string, string>;
  /** Replace parts of the flood policy (tests). */
  flood?: Partial<FloodPolicy>;
}

/**
 * Messages between the nodes of a cluster (Socket.IO serverSideEmit through Redis); on one node a no-op.
 * Best effort: a message can be lost while Redis is away, so state sent this way is also resent in full.
 */
export interface ClusterChannel {
  /** This process, unique per start. */
  readonly nodeId: string;
  /** Whether other nodes may exist (REDIS_URL set). */
  readonly enabled: boolean;
  publish(topic: string, payload: unknown): void;
  subscribe(topic: string, handler: (payload: unknown, from: string) => void): void;
}

/** One node of the cluster runs what must run once (cluster.ts Leadership); one node is always it. */
export interface Leader {
  readonly isLeader: boolean;
  onChange(fn: (leader: boolean) => void): void;
}

export interface Kernel {
  config: Config;
  cluster: ClusterChannel;
  leader: Leader;
  db: Kysely<DB>;
  logger: Logger;
  /** The only clock of the server; cores get the time as a parameter. */
  now: () => Date;
  options: KernelOptions;
  /** PostgreSQL: other nodes may write the same events (commits take the event's lock, see cluster.ts). */
  readonly shared: boolean;
  queues: SerialQueues;
  limiter: RateLimiter<string>;
  /** Drops sockets that keep sending past their limits or never read (server/kernel/flood.ts). */
  flood: FloodGuard;
  /**
   * A limit every node counts into (cluster mode: a token bucket in Redis; one node, or Redis failing:
   * `limiter`). Returns 0 when allowed, else the milliseconds to wait. For low-rate limits (joins).
   */
  hitAcrossNodes(kind: string, key: string): Promise<number>;
  delivery: Delivery;
  /** Prometheus figures (GET /metrics). */
  metrics: Metrics;
  /**
   * The write half of the path of one command: run `work` in ONE transaction which bumps the event's seq
   * when it returns changes (null: nothing changed, no seq, nothing sent). Call inside the event's queue
   * and call publish after the ack, so emit order equals seq order.
   */
  commit<R>(eventId: string, work: (trx: Transaction<DB>) => Promise<{ result: R; changes: Partial<Changes> | null }>): Promise<Committed<R>>;
  /** Runs a task in the event's queue (timers, flushes); a failure is logged, not thrown. */
  background(eventId: string, what: string, task: () => Promise<void>): void;
  /** A coalescer whose flush commits one seq per window and event. */
  coalescer<V>(spec: CoalescerSpec<V>): Coalescer<V>;
  /** The registered modules, in registration order (set once by the kernel after the factories ran). */
  readonly modules: readonly FeatureModule[];
}

