/**
 * The polls feature on the client: the pure slice, the catalogues, and the panels of the attendee page
 * (open polls, own answers, quiz), the moderator page (prepare and run polls), and a poll's results or a
 * quiz's leaderboard on air (stage screens). Free of components (panels load on demand), so Node code can fold polls deltas too.
 * The presentational components are in ./components.ts (used by the panels inside this folder).
 */
import type { ClientFeature } from '../kernel/feature.js';
import { pollsSlice, type PollsData } from './slice.js';

export type { PollsData } from './slice.js';

export const pollsFeature: ClientFeature<PollsData, 'polls'> = {
  ...pollsSlice,
  i18n: { de: () => import('./i18n/de.json'), en: () => import('./i18n/en.json') },
  panels: {
    attendee: () => import('./attendee/PollsGate.js'),
    moderator: () => import('./moderator/ModeratorPollsPanel.js'),
  },
  onAir: {
    poll: () => import('./stage/OnAirPoll.js'),
    leaderboard: () => import('./stage/OnAirPoll.js'),
  },
};
