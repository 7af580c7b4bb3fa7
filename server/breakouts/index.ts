/** The public entry of the breakout groups module. */
export { createBreakoutsModule } from './module.js';
