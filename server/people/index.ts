/** The public entry of the people module: other features and server/features.ts import only this. */
export { createPeopleModule, personView, type People, type PeopleModule } from './module.js';
export { parseAttributes, type PersonRow } from './repository.js';
