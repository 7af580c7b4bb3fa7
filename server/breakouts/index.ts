/** The public entry of the breakout groups module. */
export { createBreakoutsModule, type BreakoutsApi, type BreakoutsModule } from './module.js';
