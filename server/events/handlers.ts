/** The kernel's own commands: the snapshot and the event settings. */
import { DomainError } from '../../shared/errors.js';
import type { Handlers } from '../kernel/feature.js';
import type { RunningKernel } from '../kernel/kernel.js';
import { buildSnapshot, viewOf } from '../kernel/snapshot.js';
import { updateEvent } from './service.js';

/**
 * Refused for the event's snapshot budget: at least a second to wait, so a client that waits as told stays
 * far below the flood guard's 50 refusals in 10 s, while one that loops on refusals is dropped.
 */
export const SNAPSHOT_RETRY_MIN_MS = 1_000;
function snapshotsBusy(waitMs: number): DomainError {
  const retryAfterMs = Math.max(SNAPSHOT_RETRY_MIN_MS, waitMs);
  return new DomainError('rate_limited', `too many snapshots of this event right now; try again in ${Math.ceil(retryAfterMs / 1000)} s`, { retryAfterMs });
}

export function createKernelHandlers(kernel: RunningKernel): Pick<Handlers, 'sync:snapshot' | 'event:settings'> {
  /** The last snapshot size (bytes of the shared part) per event and view: what the next one is charged up front. */
  const sizes = new Map<string, number>();
  /** The first snapshot of an event and view while its size is not known yet: the others wait for it. */
  const firsts = new Map<string, Promise<void>>();
  return {
    'sync:snapshot': {
      serial: false,
      limit: { kind: 'snapshot', what: 'snapshots' },
      async run(ctx) {
        // The event's snapshot bytes per view (KERNEL_LIMITS.snapshotBytes): many identities asking at once
        // are charged at once with the last size, corrected once the real size is known.
        const key = `${ctx.actor.eventId}:${viewOf(ctx.actor.role)}`;
        let estimate = sizes.get(key);
        if (estimate === undefined && firsts.has(key)) {
          await firsts.get(key);
          estimate = sizes.get(key);
        }
        const wait = kernel.limiter.debt('snapshotBytes', key, kernel.now().getTime());
        if (wait > 0) throw snapshotsBusy(wait);
        kernel.limiter.charge('snapshotBytes', key, kernel.now().getTime(), estimate ?? 0);
        let measured: (() => void) | undefined;
        if (estimate === undefined && !firsts.has(key)) firsts.set(key, new Promise<void>((r) => (measured = r)));
        try {
          const reply = await buildSnapshot(kernel, ctx.actor);
          const bytes = reply.shared.length;
          if (sizes.size > 10_000) sizes.clear();
          sizes.set(key, bytes);
          kernel.limiter.charge('snapshotBytes', key, kernel.now().getTime(), bytes - (estimate ?? 0));
          return { result: reply };
        } finally {
          if (measured) {
            firsts.delete(key);
            measured();
          }
        }
      },
    },
    'event:settings': {
      serial: true,
      async run(ctx, patch) {
        const out = await updateEvent(kernel, ctx.actor.eventId, { settings: patch });
        return { result: { event: out.result }, publish: out.publish };
      },
    },
  };
}
