/** What the stage's handlers, hook and timers share. */
import type { BreakoutsApi } from '../breakouts/index.js';
import type { Kernel } from '../kernel/feature.js';
import type { PollsApi } from '../polls/index.js';
import type { QaApi } from '../qa/index.js';
import type { OverlayTimers } from './timers.js';

/** The other features the stage reads (and, for the speaker's "done", the qa answer rule). */
export interface StageDeps {
  qa: QaApi;
  polls: PollsApi;
  breakouts: BreakoutsApi;
}

export interface StageParts {
  kernel: Kernel;
  deps: StageDeps;
  timers: OverlayTimers;
}
