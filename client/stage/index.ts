/**
 * The stage feature on the client: the slice (what the room screen and the stream overlay show, the queue),
 * the catalogues, the pages /e/:code/stage (presenter screen) and /e/:code/overlay (OBS browser source),
 * the "on air" panel of moderators and facilitators, and the join screen as its own on-air item. Other
 * features render their own items (ClientFeature.onAir) and put them on air with the buttons of
 * `loadOnAirActions`. Free of components (they load on demand).
 */
import type { ComponentType } from 'react';
import type { OnAirItem } from '../../shared/stage/index.js';
import type { ClientFeature } from '../kernel/feature.js';
import { stageSlice, type StageData } from './slice.js';

export type { StageData } from './slice.js';

export const stageFeature: ClientFeature<StageData, 'stage'> = {
  ...stageSlice,
  i18n: { de: () => import('./i18n/de.json'), en: () => import('./i18n/en.json') },
  panels: {
    moderatorSide: () => import('./panel/OnAirPanel.js'),
    facilitator: () => import('./panel/OnAirPanel.js'),
  },
  onAir: {
    join: () => import('./JoinScreen.js'),
  },
  routes: [
    { path: '/e/:code/stage', load: () => import('./StagePage.js') },
    { path: '/e/:code/overlay', load: () => import('./OverlayPage.js') },
  ],
};

/**
 * Buttons "on stage" / "to overlay" / "add to queue" for one item, for other features' lists (question cards,
 * poll cards, rounds): `const OnAirActions = lazy(loadOnAirActions)`. `item` is a shared/stage OnAirItem.
 */
export const loadOnAirActions: () => Promise<{ default: ComponentType<{ item: OnAirItem; label?: string }> }> = () =>
  import('./OnAirActions.js');
