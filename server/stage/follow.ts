/**
 * The stage's FeatureModule.onChanges hook: inside every commit of the event, follow a highlight, a
 * presented poll or a round's results onto the screens whose `settings.stage.follow` is on, and take items
 * that disappeared off air and out of the queue, under the same seq.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../db/types.js';
import type { Changes } from '../kernel/feature.js';
import { stageChanges } from './core/changes.js';
import { overlayDeadline } from './core/commands.js';
import { applyFollow, followEvents } from './core/follow.js';
import { loadSettings } from './handlers.js';
import type { StageParts } from './parts.js';
import { loadFollow, loadStage, saveFollow, saveStage } from './repository.js';

export function followHook({ kernel, timers }: StageParts) {
  return async function onChanges(trx: Transaction<DB>, eventId: string, changes: Changes): Promise<Partial<Changes> | null> {
    // Staff see every item with its full state (a rejected question is an upsert there, a remove for the public).
    const events = followEvents(changes.staff);
    if (events.length === 0) return null;
    const settings = await loadSettings(trx, eventId);
    const memory = await loadFollow(trx, eventId);
    const before = await loadStage(trx, eventId);
    const after = applyFollow({ state: before, memory, events, settings, now: kernel.now() });
    if (JSON.stringify(after.memory) !== JSON.stringify(memory)) await saveFollow(trx, eventId, after.memory);
    const out = stageChanges(before, after.state);
    if (!out) return null;
    await saveStage(trx, eventId, before, after.state);
    // Armed before the commit ends; if it rolls back, the timer finds nothing due and re-arms to what is stored.
    timers.set(eventId, overlayDeadline(after.state));
    return out;
  };
}
