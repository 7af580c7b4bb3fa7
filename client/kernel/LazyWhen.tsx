/**
 * A feature panel that costs the page nothing until it has something to show: `when` reads the synced
 * state (a cheap selector), and only then is the panel's code fetched (with visible progress meanwhile).
 * Keeps rarely used attendee UI (polls, breakout rounds) out of the attendee page's first load.
 */
import { createElement, lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Progress } from '../ui/Progress.js';
import type { SyncedState } from './reducer.js';
import { useEventState } from './react.js';

export function lazyWhen(when: (synced: SyncedState) => boolean, load: () => Promise<{ default: ComponentType }>): ComponentType {
  const Panel = lazy(load);
  function Gate() {
    const { t } = useTranslation();
    const show = useEventState((s) => when(s.synced));
    if (!show) return null;
    return createElement(Suspense, { fallback: createElement(Progress, { label: t('common.loading') }) }, createElement(Panel));
  }
  return Gate;
}
