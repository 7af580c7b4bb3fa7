/** The one registration list of the shared side: adding a feature = its folder + one line here. */
import { breakoutsFeature } from './breakouts/index.js';
import { peopleFeature } from './people/index.js';
import { qaFeature } from './qa/index.js';

export const sharedFeatures = { people: peopleFeature, qa: qaFeature, breakouts: breakoutsFeature } as const;
export type SharedFeatures = typeof sharedFeatures;
export type FeatureName = keyof SharedFeatures;
