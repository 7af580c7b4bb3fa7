/** The chat feature on the client: the YouTube bridge panel on the moderator page. */
import type { ClientFeature } from '../kernel/feature.js';
import { chatSlice, type ChatData } from './slice.js';

export type { ChatData } from './slice.js';
// The organizer's settings form (YoutubeSettingsForm.tsx) is imported by the organizer page itself, not
// re-exported here: this entry is in every page's first load (client/features.ts), the form is not.

export const chatFeature: ClientFeature<ChatData, 'chat'> = {
  ...chatSlice,
  i18n: { de: () => import('./i18n/de.json'), en: () => import('./i18n/en.json') },
  panels: {
    moderatorSide: () => import('./ChatPanel.js'),
  },
};
