/** The public entry of the stage module. */
export { createStageModule } from './module.js';
export type { StageDeps } from './parts.js';
