/**
 * The one list of features on the shared side. Adding a feature: its folder shared/<name>/ with an
 * index.ts that exports a SharedFeature, and one line here (docs/architecture.md).
 */
import { breakoutsFeature } from './breakouts/index.js';
import { chatFeature } from './chat/index.js';
import { peopleFeature } from './people/index.js';
import { pollsFeature } from './polls/index.js';
import { qaFeature } from './qa/index.js';
import { stageFeature } from './stage/index.js';

export const sharedFeatures = {
  people: peopleFeature,
  qa: qaFeature,
  breakouts: breakoutsFeature,
  chat: chatFeature,
  polls: pollsFeature,
  stage: stageFeature,
} as const;

export type SharedFeatures = typeof sharedFeatures;
export type FeatureName = keyof SharedFeatures;
