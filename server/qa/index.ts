/** The public entry of the Q&A module. */
export { createQaModule, type QaModule } from './module.js';
export type { ImportRequestOf, QaImports } from './imports.js';
export type { Board, QaApi } from './api.js';
