/**
 * What keeps several nodes on one PostgreSQL (+ Redis) correct. SQLite (one node) skips all of it.
 *
 * - Ordering: every commit of an event takes `pg_advisory_xact_lock(PLENUM, hashtext(eventId))` first, so
 *   the event's commits run one at a time across nodes, each reads what the one before it committed
 *   (READ COMMITTED, reads after the lock), and seq comes from the events row in the same transaction:
 *   gap-free, and commit order = seq order. The lock is released by COMMIT/ROLLBACK, never leaks.
 * - Caches: a node remembers the last seq it saw per event. When a commit or a snapshot reads a newer one
 *   (another node wrote), every module's `resync` drops what it derived from the database. Each commit
 *   also tells the other nodes (Socket.IO's serverSideEmit through Redis) so they drop caches at once.
 * - Timers: every node arms every deadline (`rearm` every few seconds); whoever fires first takes the
 *   lock and makes the change, the others find nothing due.
 */
import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/types.js';
import { randomBytes } from 'node:crypto';
import type { ClusterChannel, FeatureModule } from './feature.js';

/** First key of Plenum's advisory locks (two-int form), so they cannot meet another application's. */
export const ADVISORY_LOCK_CLASS = 0x504c454e & 0x7fffffff; // "PLEN"

/** How often every node re-arms deadlines from the database in cluster mode. */
export const REARM_EVERY_MS = 2_000;

export async function lockEvent(trx: Transaction<DB>, eventId: string): Promise<number | null> {
  await sql`SELECT pg_advisory_xact_lock(${ADVISORY_LOCK_CLASS}, hashtext(${eventId}))`.execute(trx);
  // A second statement: under READ COMMITTED it sees everything committed before the lock was granted
  // (one statement would read with the snapshot taken before it waited).
  const row = await trx.selectFrom('events').select('seq').where('id', '=', eventId).executeTakeFirst();
  const seq = row?.seq;
  return seq === undefined ? null : Number(seq);
}

/** The last seq this node saw per event, and the call of every module's `resync` when it moved. */
export class SeqWatch {
  private readonly seen = new Map<string, number>();

  constructor(private readonly modules: () => readonly FeatureModule[]) {}

  /**
   * A seq read inside a transaction (or announced by another node). Unknown events count as moved: a
   * cache may have been filled before this node watched.
   */
  observe(eventId: string, seq: number): void {
    const known = this.seen.get(eventId);
    if (known !== undefined && known >= seq) return;
    this.seen.set(eventId, seq);
    if (known === undefined || known < seq) for (const m of this.modules()) m.resync?.(eventId);
  }

  /** This node committed seq (inside the transaction, so a concurrent reader never mistakes it for a foreign one). */
  own(eventId: string, seq: number): void {
    this.seen.set(eventId, Math.max(seq, this.seen.get(eventId) ?? 0));
  }

  forget(eventId: string): void {
    this.seen.delete(eventId);
  }
}

/** The nodes' message channel; `send` is null on one node (nothing is sent, nothing arrives). */
export class Channel implements ClusterChannel {
  readonly nodeId = randomBytes(6).toString('hex');
  private readonly handlers = new Map<string, Array<(payload: unknown, from: string) => void>>();
  send: ((topic: string, payload: unknown, from: string) => void) | null = null;

  get enabled(): boolean {
    return this.send !== null;
  }

  publish(topic: string, payload: unknown): void {
    this.send?.(topic, payload, this.nodeId);
  }

  subscribe(topic: string, handler: (payload: unknown, from: string) => void): void {
    const list = this.handlers.get(topic) ?? [];
    list.push(handler);
    this.handlers.set(topic, list);
  }

  /** A message from another node. */
  receive(topic: string, payload: unknown, from: string): void {
    if (from === this.nodeId) return;
    for (const h of this.handlers.get(topic) ?? []) h(payload, from);
  }
}

/** How often a node that is not the leader tries to become it. */
export const LEADER_TRY_MS = 3_000;

/**
 * One leader among the nodes, for work that must run once in the cluster (the YouTube chat bridge): the
 * node holding a session-level advisory lock on a connection of its own. When that node dies, PostgreSQL
 * drops its connection and the lock; another node takes it within LEADER_TRY_MS. One node (SQLite, or
 * PostgreSQL without others): always the leader.
 */
export class Leadership {
  private leader: boolean;
  private client: { query(sql: string, values: unknown[]): Promise<{ rows: Array<{ ok: boolean }> }>; end(): Promise<void> } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly listeners: Array<(leader: boolean) => void> = [];

  constructor(
    private readonly connect: (() => Promise<NonNullable<Leadership['client']> & { on(ev: 'error', fn: (err: unknown) => void): unknown }>) | null,
    private readonly onError: (err: unknown) => void = () => {},
    /** What the nodes share (the schema): two clusters on one database have a leader each. */
    private readonly scope = '',
  ) {
    this.leader = connect === null;
  }

  get isLeader(): boolean {
    return this.leader;
  }

  onChange(fn: (leader: boolean) => void): void {
    this.listeners.push(fn);
  }

  start(): void {
    if (!this.connect || this.timer) return;
    void this.tryOnce();
    this.timer = setInterval(() => void this.tryOnce(), LEADER_TRY_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.client?.end().catch(() => {});
    this.client = null;
    if (this.connect) this.set(false);
  }

  private async tryOnce(): Promise<void> {
    if (this.leader || !this.connect) return;
    try {
      if (!this.client) {
        const client = await this.connect();
        client.on('error', (err) => this.lose(err));
        this.client = client;
      }
      const { rows } = await this.client.query("SELECT pg_try_advisory_lock($1, hashtext('leader:' || $2)) AS ok", [ADVISORY_LOCK_CLASS, this.scope]);
      if (rows[0]?.ok && this.timer) this.set(true);
    } catch (err) {
      this.lose(err);
    }
  }

  private lose(err: unknown): void {
    this.onError(err);
    const client = this.client;
    this.client = null;
    void client?.end().catch(() => {});
    this.set(false);
  }

  private set(leader: boolean): void {
    if (this.leader === leader) return;
    this.leader = leader;
    for (const fn of this.listeners) fn(leader);
  }
}
