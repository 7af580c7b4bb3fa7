/** The kernel's own commands: the snapshot and the event settings. */
import { DomainError } from '../../shared/errors.js';
import { isStaffRole } from '../../shared/kernel/roles.js';
import type { Handlers } from '../kernel/feature.js';
import type { RunningKernel } from '../kernel/kernel.js';
import { buildSnapshot } from '../kernel/snapshot.js';
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

/**
 * The size of a snapshot in bytes as JSON, measured at most once a second per event and audience (the
 * measuring serialises it once more; the sizes of one audience's snapshots hardly differ).
 */
export class SnapshotSizes {
  private readonly sizes = new Map<string, { bytes: number; at: number }>();
  known(key: string): number | undefined {
    return this.sizes.get(key)?.bytes;
  }
  measure(key: string, snapshot: unknown, now: number): number {
    const known = this.sizes.get(key);
    if (known && now - known.at < 1_000) return known.bytes;
    const bytes = Buffer.byteLength(JSON.stringify(snapshot));
    if (this.sizes.size > 10_000) this.sizes.clear();
    this.sizes.set(key, { bytes, at: now });
    return bytes;
  }
}

export function createKernelHandlers(kernel: RunningKernel): Pick<Handlers, 'sync:snapshot' | 'event:settings'> {
  const sizes = new SnapshotSizes();
  const firsts = new Map<string, Promise<void>>();
  return {
    'sync:snapshot': {
      serial: false,
      limit: { kind: 'snapshot', what: 'snapshots' },
      async run(ctx) {
        // The event's snapshot bytes (per audience): many identities asking at once wait their turn.
        // Charged up front with the last size (so a crowd asking at once is counted at once), corrected after;
        // while the first snapshot of an event and audience is measured, the others wait for its size.
        const key = `${ctx.actor.eventId}:${isStaffRole(ctx.actor.role) ? 'staff' : 'pub'}`;
        let estimate = sizes.known(key);
        if (estimate === undefined && firsts.has(key)) {
          await firsts.get(key);
          estimate = sizes.known(key);
        }
        const wait = kernel.limiter.debt('snapshotBytes', key, kernel.now().getTime());
        if (wait > 0) throw snapshotsBusy(wait);
        kernel.limiter.charge('snapshotBytes', key, kernel.now().getTime(), estimate ?? 0);
        let measured: (() => void) | undefined;
        if (estimate === undefined && !firsts.has(key)) firsts.set(key, new Promise<void>((r) => (measured = r)));
        try {
          const snapshot = await buildSnapshot(kernel, ctx.actor);
          const bytes = sizes.measure(key, snapshot, kernel.now().getTime());
          kernel.limiter.charge('snapshotBytes', key, kernel.now().getTime(), bytes - (estimate ?? 0));
          return { result: { snapshot } };
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
