/** The public entry of the Q&A module. */
export { createQaModule } from './module.js';
