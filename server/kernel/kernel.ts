/**
 * createKernel: the parts every feature builds on (queues, commit with seq, delivery, coalescers, limits)
 * and the registration of the feature modules. Knows no feature.
 */
import { performance } from 'node:perf_hooks';
import { migrateToLatest } from '../db/migrations.js';
import { bumpSeq } from '../events/repository.js';
import { Coalescer, realScheduler } from './coalescer.js';
import { collectHandlers } from './dispatch.js';
import { mergeChanges, type Changes, type FeatureModule, type Handlers, type IdentityProvider, type Kernel } from './feature.js';
import { Delivery } from './delivery.js';
import { Metrics } from './metrics.js';
import { KERNEL_LIMITS, RateLimiter } from './rate-limit.js';
import { SerialQueues } from './serial-queue.js';
import type { PlenumIO } from './socket-types.js';

export interface KernelParts extends Pick<Kernel, 'config' | 'db' | 'logger' | 'now' | 'options'> {
  io: PlenumIO;
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
}

export function createKernel(parts: KernelParts): RunningKernel {
  const { db, logger, options } = parts;
  const queues = new SerialQueues();
  const metrics = new Metrics(parts.io);
  // The attendees' cadence (`windows.pub`, default 100 ms): see Delivery.
  const delivery = new Delivery(parts.io, metrics, options.windows?.pub ?? parts.config.attendeeTickMs);
  const limiter = new RateLimiter<string>({ ...KERNEL_LIMITS, ...options.limits });
  const coalescers: Array<Coalescer<never>> = [];
  let modules: readonly FeatureModule[] = [];
  let handlers: Handlers | null = null;
  let identity: IdentityProvider | null = null;

  const kernel: RunningKernel = {
    ...parts,
    queues,
    limiter,
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
        const out = await work(trx);
        return { ...out, seq: out.changes ? await bumpSeq(trx, eventId) : -1 };
      });
      metrics.dbWrite(t0);
      const changes: Changes | null = done.changes ? mergeChanges(done.changes) : null;
      // Keep one array for both audiences when the work gave one (one broadcast, see Delivery.deliver).
      if (changes && done.changes?.staff && done.changes.staff === done.changes.pub) changes.pub = changes.staff;
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
      for (const c of coalescers) c.stop();
    },

    forgetEvent(eventId) {
      for (const c of coalescers) c.forgetEvent(eventId);
    },
  };
  return kernel;
}
