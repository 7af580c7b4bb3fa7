/** Duplicate questions: the public entry (see similarity-index.ts for the scoring and the lookup index). */
export * from './similarity-index.js';
export { createDuplicateTracker, type DuplicateTracker } from './tracker.js';
