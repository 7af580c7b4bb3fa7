/** The breakout-group assignment engine: pure functions, deterministic for a given seed. */
export { planGroups, randomBaseline, defaultTimeLimitMs, type PlanOptions } from './plan.js';
export { placeLateJoiner, removePeople } from './late.js';
export { transversalSchedule } from './designs.js';
export type { SearchTuning } from './search.js';
