/** The breakouts feature on the client: slice, catalogues, the attendee panel and the facilitator page. */
import type { ClientFeature } from '../kernel/feature.js';
import de from './i18n/de.json';
import en from './i18n/en.json';
import { breakoutsSlice, type BreakoutsData } from './slice.js';

export type { BreakoutsData } from './slice.js';

export const breakoutsFeature: ClientFeature<BreakoutsData, 'breakouts'> = {
  ...breakoutsSlice,
  i18n: { de, en },
  panels: {
    attendee: () => import('./attendee/BreakoutGate.js'),
  },
  onAir: {
    round: () => import('./stage/OnAirRound.js'),
  },
  routes: [
    {
      path: '/e/:code/facilitate',
      load: () => import('./facilitator/FacilitatorPage.js').then((m) => ({ default: m.FacilitatorPage })),
    },
  ],
};
