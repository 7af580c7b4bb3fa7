/**
 * createKernel: the parts every feature builds on (queues, commit with seq, delivery, coalescers, limits)
 * and the registration of the feature modules. Knows no feature.
 */
import { DEFAULT_FLOOD_POLICY, FloodGuard } from './flood.js';
import { performance } from 'node:perf_hooks';
import { migrateToLatest } from '../db/migrations.js';
import { bumpSeq } from '../events/repository.js';
import { Channel, Leadership, lockEvent, SeqWatch } from './cluster.js';
import { Coalescer, realScheduler } from './coalescer.js';
import { collectHandlers } from './dispatch.js';
import { mergeChanges, type Changes, type FeatureModule, type Handlers, type IdentityProvider, type Kernel } from './feature.js';
import { Delivery } from './delivery.js';
import { Metrics } from './metrics.js';
import { SnapshotCache, type SharedSnapshot } from './snapshot-cache.js';
import { KERNEL_LIMITS, RateLimiter, type BucketSpec } from './rate-limit.js';
import { SerialQueues } from './serial-queue.js';
import type { PlenumIO } from './socket-types.js';
import type { Transaction } from 'kysely';
import type { DB } from '../db/types.js';

export interface KernelParts extends Pick<Kernel, 'config' | 'db' | 'logger' | 'now' | 'options' | 'shared'> {
  io: PlenumIO;
  /** Several nodes: who is the leader (app.ts builds it on a connection of its own); absent: always this node. */
  leader?: Leadership;
}

export interface RunningKernel extends Kernel {
  /** Registers the modules (once): handlers, limits, migrations, the identity provider. */
  register(modules: readonly FeatureModule[], kernelHandlers: Partial<Handlers>): Promise<void>;
  readonly handlers: Handlers;
  readonly identity: IdentityProvider;
  /** Stops every coalescer timer (shutdown). */
  stopCoalescers(): void;
  /** Drops every coalescer window of a deleted event. */
  forgetEvent(eventId: string): void;
  /** The last seq this node saw per event (cluster mode: resyncs the modules when another node wrote). */
  readonly seqWatch: SeqWatch;
  /** The shared parts of snapshots, one per event and view at its newest seq (snapshot-cache.ts). */
  readonly snapshots: SnapshotCache<SharedSnapshot>;
  readonly cluster: Channel;
  readonly leader: Leadership;
  /** Cluster mode: the Redis token bucket behind hitAcrossNodes (set by app.ts). */
  sharedBucket: ((id: string, spec: BucketSpec, now: number) => Promise<number>) | null;
  /** Called after each commit that bumped seq (cluster mode: tells the other nodes). */
  onCommitted: ((eventId: string, seq: number) => void) | null;
}

export function createKernel(parts: KernelParts): RunningKernel {
  const { db, logger, options } = parts;
  const queues = new SerialQueues();
  const metrics = new Metrics(parts.io);
  // The attendees' cadence (`windows.pub`, default 100 ms): see Delivery.
  const delivery = new Delivery(parts.io, metrics, options.windows?.pub ?? parts.config.attendeeTickMs, options.partedFrom);
  const limiter = new RateLimiter<string>({ ...KERNEL_LIMITS, ...options.limits });
  const flood = new FloodGuard({ ...DEFAULT_FLOOD_POLICY, ...options.flood }, () => parts.now().getTime(), (reason) => metrics.dropped(reason));
  const coalescers: Array<Coalescer<never>> = [];
  let modules: readonly FeatureModule[] = [];
  let handlers: Handlers | null = null;
  let identity: IdentityProvider | null = null;
  const { shared } = parts;
  const seqWatch = new SeqWatch(() => modules);

  /** FeatureModule.onChanges: every module sees the work's changes once; what they add is not shown again. */
  async function hookChanges(trx: Transaction<DB>, eventId: string, work: Partial<Changes>): Promise<Array<Partial<Changes>>> {
    const hooks = modules.filter((m) => m.onChanges);
    if (hooks.length === 0) return [];
    const seen = mergeChanges(work);
    const added: Array<Partial<Changes>> = [];
    for (const m of hooks) {
      const extra = await m.onChanges!(trx, eventId, seen);
      if (extra) added.push(extra);
    }
    return added;
  }

  const snapshots = new SnapshotCache<SharedSnapshot>(60_000, () => metrics.snapshotBuilt());
  // Idle events leave the cache even when no snapshot is asked for anywhere.
  const snapshotSweep = setInterval(() => snapshots.sweep(Date.now()), 30_000);
  snapshotSweep.unref();

  const kernel: RunningKernel = {
    ...parts,
    seqWatch,
    snapshots,
    cluster: new Channel(),
    leader: parts.leader ?? new Leadership(null),
    sharedBucket: null,

    async hitAcrossNodes(kind, key) {
      const now = parts.now().getTime();
      if (kernel.sharedBucket) {
        try {
          return await kernel.sharedBucket(`${kind}:${key}`, limiter.specOf(kind), now);
        } catch (err) {
          // Redis away: count on this node rather than refuse everyone (or let everyone in).
          logger.warn({ err, kind }, 'shared rate limit unavailable; counting per node');
        }
      }
      return limiter.hit(kind, key, now);
    },
    onCommitted: null,
    queues,
    limiter,
    flood,
    delivery,
    metrics,
    get modules() {
      return modules;
    },
    get handlers() {
      if (!handlers) throw new Error('the kernel has no modules yet');
      return handlers;
    },
    get identity() {
      if (!identity) throw new Error('no module provides identities');
      return identity;
    },

    async commit(eventId, work) {
      const t0 = performance.now();
      const done = await db.transaction().execute(async (trx) => {
        if (shared) {
          // Before any read that decides the write (cluster.ts): the event's commits queue here across nodes.
          const seq = await lockEvent(trx, eventId);
          if (seq !== null) seqWatch.observe(eventId, seq);
        }
        const out = await work(trx);
        if (!out.changes) return { ...out, added: [], seq: -1 };
        const added = await hookChanges(trx, eventId, out.changes);
        const seq = await bumpSeq(trx, eventId);
        seqWatch.own(eventId, seq);
        return { ...out, added, seq };
      });
      metrics.dbWrite(t0);
      if (done.seq >= 0) kernel.onCommitted?.(eventId, done.seq);
      const changes: Changes | null = done.changes ? mergeChanges(done.changes, ...done.added) : null;
      // Keep one array for both audiences when the work gave one (one broadcast, see Delivery.deliver).
      if (changes && !done.added.length && done.changes?.staff && done.changes.staff === done.changes.pub) changes.pub = changes.staff;
      return {
        result: done.result,
        seq: done.seq,
        publish: () => {
          if (changes) delivery.deliver(eventId, done.seq, changes);
        },
      };
    },

    background(eventId, what, task) {
      queues.run(eventId, task).catch((err: unknown) => logger.warn({ err, eventId }, `${what} failed (event deleted?)`));
    },

    coalescer(spec) {
      const windowMs = options.windows?.[spec.name] ?? spec.windowMs;
      const coalescer = new Coalescer<never>(
        (eventId) =>
          kernel.background(eventId, `${spec.name} flush`, async () => {
            const entries = coalescer.take(eventId);
            if (!entries) return;
            const out = await kernel.commit(eventId, async (trx) => ({ result: null, changes: await spec.flush(trx, eventId, entries) }));
            out.publish();
          }),
        realScheduler,
        windowMs,
        spec.merge as never,
      );
      coalescers.push(coalescer);
      return coalescer as never;
    },

    async register(list, kernelHandlers) {
      if (handlers) throw new Error('modules are registered once');
      modules = list;
      handlers = collectHandlers([{ name: 'kernel', handlers: kernelHandlers }, ...list]);
      const providers = list.filter((m) => m.identity);
      if (providers.length !== 1) throw new Error(`exactly one module must provide identities (found ${providers.length})`);
      identity = providers[0]!.identity!;
      for (const m of list) for (const [kind, spec] of Object.entries(m.limits ?? {})) limiter.define(kind, spec);
      await migrateToLatest(db, Object.assign({}, ...list.map((m) => m.migrations ?? {})));
    },

    stopCoalescers() {
      clearInterval(snapshotSweep);
      for (const c of coalescers) c.stop();
    },

    forgetEvent(eventId) {
      for (const c of coalescers) c.forgetEvent(eventId);
      seqWatch.forget(eventId);
      snapshots.forget(eventId);
    },
  };
  return kernel;
}
