/**
 * What a client feature gives the kernel (docs/kernel-contract.md, "Client"): its slice of the synced
 * state as pure functions, the acks that update that slice at once, its catalogues and what the page
 * shells render. This file and everything the reducer imports stay free of React at run time (the
 * integration tests and the benchmark fold deltas with them in Node).
 */
import type { ComponentType } from 'react';
import type { CommandName, CommandPayload, CommandResult } from '../../shared/socket.js';
import type { Change, PersonalChange, Snapshot } from '../../shared/socket.js';

/** The pages whose shells render feature panels. */
export type PageName = 'attendee' | 'moderator' | 'moderatorSide' | 'facilitator' | 'stage';

/** A component loaded on demand, so a feature's entry pulls no component (nor React) until a page needs it. */
export type ComponentLoader = () => Promise<{ default: ComponentType }>;

/**
 * Acks that carry state for this slice (own question, own vote, own name, a merged result text …): the
 * slice takes it at once, before the matching delta or personal change arrives, which must then be a no-op.
 */
export type AckHandlers<S> = {
  [K in CommandName]?: (state: S, result: CommandResult<K>, payload: CommandPayload<K>) => S;
};

/** The pure part: everything the reducer needs. */
export interface FeatureSlice<S, N extends string = string> {
  /** = its key in the snapshot and in the synced state. */
  name: N;
  empty: S;
  fromSnapshot(part: N extends keyof Snapshot ? Snapshot[N] : undefined, snapshot: Snapshot): S;
  /** Changes of other features are ignored (return `state` itself). */
  apply(state: S, change: Change): S;
  /** `sync:personal` changes (idempotent, outside the seq); others are ignored. */
  personal?(state: S, change: PersonalChange): S;
  onAck?: AckHandlers<S>;
}

/**
 * What a feature shows "on air" (presenter screen, stream overlay, the moderator's previews): the stage
 * feature looks up `onAir[item.kind]` in every registered feature and renders that component, so the stage
 * imports no other feature. `item` is the stage's on-air item (shared/stage: `{ kind, …ids }`); each feature
 * narrows it to its own kinds. `variant`: `room` fills the 16:9 presenter box, `overlay` fills the overlay's
 * lower third or compact box, `line` is one short line that names the item (queues, previews' captions).
 */
export interface OnAirProps {
  item: { kind: string };
  variant: 'room' | 'overlay' | 'line';
}
export type OnAirLoader = () => Promise<{ default: ComponentType<OnAirProps> }>;

export interface Catalogue {
  [key: string]: string | Catalogue;
}

/**
 * One language's catalogue, loaded on demand (`() => import('./i18n/de.json')`): a page loads only its
 * language (client/i18n/index.ts; vite.config.ts puts each language's catalogues in one chunk).
 */
export type CatalogueLoader = () => Promise<{ default: Catalogue }>;

export interface ClientFeature<S = unknown, N extends string = string> extends FeatureSlice<S, N> {
  /** Merged into the i18next catalogues; key paths must not collide with other catalogues. */
  i18n: { de: CatalogueLoader; en: CatalogueLoader };
  /** What the page shells render, in order of registration. */
  panels?: Partial<Record<PageName, ComponentLoader>>;
  /** On-air renderers by item kind (see OnAirProps). */
  onAir?: Partial<Record<string, OnAirLoader>>;
  /** Pages of their own (lazy routes). */
  routes?: ReadonlyArray<{ path: string; load: ComponentLoader }>;
}

export type AnyFeature = ClientFeature<any, string>;

/**
 * The state of each registered feature under its name. Empty here (the kernel knows no feature);
 * client/features.ts fills it by declaration merging from the one registration list.
 */
export interface FeatureStates {}

/** name → slice state of a list of features. */
export type StatesOf<T extends readonly AnyFeature[]> = { [F in T[number] as F['name']]: F['empty'] };

/** A feature that keeps no synced state (yet): only catalogues, panels or routes, e.g. `stateless('chat', { i18n })`. */
export function stateless<N extends string>(
  name: N,
  rest: Omit<ClientFeature<null, N>, 'name' | 'empty' | 'fromSnapshot' | 'apply' | 'personal' | 'onAck'>,
): ClientFeature<null, N> {
  return { name, empty: null, fromSnapshot: () => null, apply: (state) => state, ...rest };
}
