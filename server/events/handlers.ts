/** The kernel's own commands: the snapshot and the event settings. */
import type { Handlers } from '../kernel/feature.js';
import type { RunningKernel } from '../kernel/kernel.js';
import { buildSnapshot } from '../kernel/snapshot.js';
import { updateEvent } from './service.js';

export function createKernelHandlers(kernel: RunningKernel): Pick<Handlers, 'sync:snapshot' | 'event:settings'> {
  return {
    'sync:snapshot': {
      serial: false,
      limit: { kind: 'snapshot', what: 'snapshots' },
      async run(ctx) {
        return { result: await buildSnapshot(kernel, ctx.actor) };
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
