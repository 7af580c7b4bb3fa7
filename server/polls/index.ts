/** The public entry of the polls module. */
export { createPollsModule, type PollsApi, type PollsModule } from './module.js';
