/** The Q&A feature on the client: slice, catalogues, the attendee panel, the moderator page and a question on air. */
import type { ClientFeature } from '../kernel/feature.js';
import { qaSlice, type QaData } from './slice.js';

export type { AnyQuestion, QaData } from './slice.js';

export const qaFeature: ClientFeature<QaData, 'qa'> = {
  ...qaSlice,
  i18n: { de: () => import('./i18n/de.json'), en: () => import('./i18n/en.json') },
  panels: {
    attendee: () => import('./attendee/AttendeePanel.js'),
  },
  onAir: {
    question: () => import('./stage/OnAirQuestion.js'),
  },
  routes: [
    { path: '/e/:code/moderate', load: () => import('./moderator/ModeratorPage.js').then((m) => ({ default: m.ModeratorPage })) },
  ],
};
