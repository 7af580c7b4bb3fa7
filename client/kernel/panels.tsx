/**
 * What a page shell renders of the features: each registered feature's panel for the page, in order of
 * registration. Panels are loaded on demand (ComponentLoader), so a feature's entry stays light; a page
 * calls `preloadPanels` as early as it can, and a panel already loaded renders at once (no suspense).
 */
import { createElement, lazy, Suspense, type ComponentType } from 'react';
import type { AnyFeature, ComponentLoader, PageName } from './feature.js';
import { useFeatures } from './react.js';

interface Loaded {
  promise: Promise<ComponentType>;
  component: ComponentType | null;
  Lazy: ComponentType;
}

const cache = new Map<ComponentLoader, Loaded>();

function load(loader: ComponentLoader): Loaded {
  let entry = cache.get(loader);
  if (!entry) {
    const promise = loader().then((m) => {
      entry!.component = m.default;
      return m.default;
    });
    entry = { promise, component: null, Lazy: lazy(() => promise.then((c) => ({ default: c }))) };
    cache.set(loader, entry);
  }
  return entry;
}

/** Starts loading the panels of a page (e.g. while the attendee page is still joining). */
export function preloadPanels(features: readonly AnyFeature[], page: PageName): Promise<unknown> {
  return Promise.all(features.flatMap((f) => (f.panels?.[page] ? [load(f.panels[page]).promise] : [])));
}

function Panel({ loader }: { loader: ComponentLoader }) {
  const entry = load(loader);
  return createElement(entry.component ?? entry.Lazy);
}

export function FeaturePanels({ page }: { page: PageName }) {
  const features = useFeatures();
  return (
    <Suspense fallback={null}>
      {features.map((f) => {
        const loader = f.panels?.[page];
        return loader ? <Panel key={f.name} loader={loader} /> : null;
      })}
    </Suspense>
  );
}
