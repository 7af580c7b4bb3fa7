/** The breakouts feature on the client: slice, catalogues, the attendee panel and the facilitator page. */
import type { ClientFeature } from '../kernel/feature.js';
import { breakoutsSlice, type BreakoutsData } from './slice.js';

export type { BreakoutsData } from './slice.js';

export const breakoutsFeature: ClientFeature<BreakoutsData, 'breakouts'> = {
  ...breakoutsSlice,
  i18n: { de: () => import('./i18n/de.json'), en: () => import('./i18n/en.json') },
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
