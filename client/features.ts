/**
 * The one registration list of the client: adding a feature = its folder + one line here. The order is
 * the order of the panels on the pages (the attendee page: people, breakouts, polls, Q&A). Free of components
 * (they load on demand), so Node code can fold snapshots and deltas with these slices.
 */
import { breakoutsFeature } from './breakouts/index.js';
import { chatFeature } from './chat/index.js';
import type { StatesOf } from './kernel/feature.js';
import { peopleFeature } from './people/index.js';
import { pollsFeature } from './polls/index.js';
import { qaFeature } from './qa/index.js';
import { speakerFeature } from './speaker/index.js';
import { stageFeature } from './stage/index.js';

export const clientFeatures = [
  peopleFeature,
  breakoutsFeature,
  pollsFeature,
  qaFeature,
  chatFeature,
  stageFeature,
  speakerFeature,
] as const;

/** The synced state gets one typed slice per registered feature (client/kernel/feature.ts). */
type RegisteredStates = StatesOf<typeof clientFeatures>;
declare module './kernel/feature.js' {
  interface FeatureStates extends RegisteredStates {}
}
