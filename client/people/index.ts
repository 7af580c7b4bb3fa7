/**
 * The people feature on the client: the attendee page shell (AttendeePage, JoinPage), names and profile
 * answers, presence. Its entry stays free of components (loaded on demand) so the reducer runs in Node.
 */
import type { ClientFeature } from '../kernel/feature.js';
import { peopleSlice, type PeopleData } from './slice.js';

export type { PeopleData } from './slice.js';
export { missingFields } from './selectors.js';
export { MEETING_PROVIDER_NAME, meetingProvider, type MeetingProvider } from './meeting.js';

export const peopleFeature: ClientFeature<PeopleData, 'people'> = {
  ...peopleSlice,
  i18n: { de: () => import('./i18n/de.json'), en: () => import('./i18n/en.json') },
};
