/**
 * What a stage state change sends: each screen that changed as `stage:screen` to staff and to the stage
 * room (presenter screen, overlay, speaker view); the queue as `stage:queue` to staff only. Attendees get
 * nothing (an empty list under the same seq).
 */
import type { Change } from '../../../shared/socket.js';
import type { Changes } from '../../kernel/feature.js';
import { SCREENS, type StageState } from './types.js';

export function stageChanges(before: StageState, after: StageState): Partial<Changes> | null {
  const staff: Change[] = [];
  const stage: Change[] = [];
  for (const screen of SCREENS) {
    if (JSON.stringify(before[screen]) === JSON.stringify(after[screen])) continue;
    const change: Change = { type: 'stage:screen', screen, state: after[screen] };
    staff.push(change);
    stage.push(change);
  }
  if (JSON.stringify(before.queue) !== JSON.stringify(after.queue)) staff.push({ type: 'stage:queue', queue: after.queue });
  if (staff.length === 0) return null;
  return { staff, pub: [], stage };
}
