/**
 * The stage module (issue 8): what is on air on the room screen and the stream overlay, the queue of next
 * items, the overlay's auto-hide, the follow hook and the speaker's "done".
 */
import type { FeatureModule, Kernel } from '../kernel/feature.js';
import { stageChanges } from './core/changes.js';
import { expireOverlay, overlayDeadline } from './core/commands.js';
import { followHook } from './follow.js';
import { stageHandlers } from './handlers.js';
import { stageMigrations } from './migrations.js';
import type { StageDeps, StageParts } from './parts.js';
import { loadStage, saveStage, timedOverlays } from './repository.js';
import { stageSnapshot } from './snapshot.js';
import { OverlayTimers } from './timers.js';

export function createStageModule(kernel: Kernel, deps: StageDeps): FeatureModule {
  /** The overlay's time is up (or the timer was armed for a state that is gone): look in the event's queue. */
  function onDue(eventId: string): void {
    kernel.background(eventId, 'overlay auto-hide', async () => {
      const out = await kernel.commit(eventId, async (trx) => {
        const before = await loadStage(trx, eventId);
        const after = expireOverlay(before, kernel.now());
        if (after === before) return { result: after, changes: null };
        await saveStage(trx, eventId, before, after);
        return { result: after, changes: stageChanges(before, after) };
      });
      timers.set(eventId, overlayDeadline(out.result));
      out.publish();
    });
  }
  const timers = new OverlayTimers(onDue, () => kernel.now().getTime());
  const parts: StageParts = { kernel, deps, timers };

  return {
    name: 'stage',
    handlers: stageHandlers(parts),
    migrations: stageMigrations,
    sharedSnapshot: stageSnapshot,
    onChanges: followHook(parts),
    async start() {
      for (const { eventId, at } of await timedOverlays(kernel.db)) timers.set(eventId, at);
    },
    async stop() {
      timers.stop();
    },
    forgetEvent(eventId) {
      timers.forgetEvent(eventId);
    },
  };
}
