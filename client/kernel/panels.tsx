/**
 * What a page shell renders of the features: each registered feature's panel for the page, in order of
 * registration. Panels are loaded on demand (ComponentLoader), so a feature's entry stays light; a page
 * calls `preloadPanels` as early as it can, and a panel already loaded renders at once (no suspense).
 */
import { createElement, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import type { AnyFeature, ComponentLoader, OnAirLoader, OnAirProps, PageName } from './feature.js';
import { useFeatures } from './react.js';

interface Loaded {
  promise: Promise<ComponentType<any>>;
  component: ComponentType<any> | null;
  Lazy: ComponentType<any>;
}

const cache = new Map<ComponentLoader | OnAirLoader, Loaded>();

function load(loader: ComponentLoader | OnAirLoader): Loaded {
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

/** The feature that renders on-air items of this kind (the first registered one), if any. */
export function onAirLoader(features: readonly AnyFeature[], kind: string): OnAirLoader | null {
  for (const f of features) {
    const loader = f.onAir?.[kind];
    if (loader) return loader;
  }
  return null;
}

/** Starts loading every on-air renderer (the stage pages call it at once, so a change renders without a wait). */
export function preloadOnAir(features: readonly AnyFeature[]): Promise<unknown> {
  return Promise.all(features.flatMap((f) => Object.values(f.onAir ?? {}).flatMap((l) => (l ? [load(l).promise] : []))));
}

/**
 * Renders an on-air item through the feature that registered its kind; `fallback` when none did. Nothing
 * while its component loads for the first time (the stage pages preload them: preloadOnAir).
 */
export function FeatureOnAir({ fallback = null, ...props }: OnAirProps & { fallback?: ReactNode }) {
  const features = useFeatures();
  const loader = onAirLoader(features, props.item.kind);
  if (!loader) return <>{fallback}</>;
  const entry = load(loader);
  if (entry.component) return createElement(entry.component, props);
  return <Suspense fallback={null}>{createElement(entry.Lazy, props)}</Suspense>;
}
