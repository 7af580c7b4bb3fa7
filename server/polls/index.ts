/** The public entry of the polls module. */
export { createPollsModule } from './module.js';
