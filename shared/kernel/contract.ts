/**
 * The shared half of the feature contract (docs/architecture.md): what a feature puts on the wire. Each
 * feature exports one `SharedFeature` from its `shared/<feature>/index.ts`; `shared/features.ts` lists them
 * and `shared/socket.ts` folds them into the command table, the change unions and the snapshot.
 * Nothing here knows a feature.
 */
import { z } from 'zod';
import type { Role } from './roles.js';

export interface CommandSpec {
  payload: z.ZodType;
  result: z.ZodType;
  roles: readonly Role[];
}

/** A feature's part of the event settings: stored under `key` of EventSettings (usually the feature's name). */
export interface SettingsSpec {
  key: string;
  /** With its default (`.default(...)`): an event stored without this key gets the defaults. */
  schema: z.ZodType;
  /** A partial update, spelled out without defaults (see shared/qa/schemas.ts QaSettingsPatch). */
  patch: z.ZodType;
  /** `object`: a patch is merged field by field; `replace`: a patch replaces the value (lists). */
  merge: 'object' | 'replace';
  /** Tidies a merged value (e.g. removes duplicates). Pure. */
  normalize?(value: never): unknown;
  /** What attendees, the stage and facilitators may see of it (default: all of it). Pure. */
  public?(value: never): unknown;
}

export interface SharedFeature {
  /** 'domain:verb' → spec. */
  commands: Record<string, CommandSpec>;
  /** Members of the sequenced `sync:delta` change union (objects with a literal `type`). */
  changes: readonly z.ZodObject[];
  /** Members of `sync:personal` (one attendee's tabs, idempotent, no seq). */
  personal: readonly z.ZodObject[];
  /** This feature's part of the snapshot, under the key = feature name. */
  snapshot: z.ZodType;
  /** Error codes this feature adds to ErrorCode, with the HTTP status they map to in REST answers. */
  errorCodes: Readonly<Record<string, number>>;
  settings?: SettingsSpec;
}

/** Keeps the literal types of a feature while checking it against the contract. */
export function defineFeature<const F extends SharedFeature>(feature: F): F {
  return feature;
}

// ---- type-level folding of a feature table (used by shared/socket.ts) ----

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

export type FeatureTable = Record<string, SharedFeature>;
export type CommandsOf<F extends FeatureTable> = UnionToIntersection<F[keyof F]['commands']>;
export type ChangesOf<F extends FeatureTable> = F[keyof F]['changes'][number];
export type PersonalOf<F extends FeatureTable> = F[keyof F]['personal'][number];
export type SnapshotShapeOf<F extends FeatureTable> = { [K in keyof F]: F[K]['snapshot'] };
export type ErrorCodesOf<F extends FeatureTable> = keyof UnionToIntersection<F[keyof F]['errorCodes']> & string;
type SettingsEntry<F extends FeatureTable, K extends keyof F> = F[K]['settings'] extends SettingsSpec ? F[K]['settings'] : never;
export type SettingsShapeOf<F extends FeatureTable> = {
  [K in keyof F as SettingsEntry<F, K> extends never ? never : SettingsEntry<F, K>['key']]: SettingsEntry<F, K>['schema'];
};
export type SettingsPatchShapeOf<F extends FeatureTable> = {
  [K in keyof F as SettingsEntry<F, K> extends never ? never : SettingsEntry<F, K>['key']]: z.ZodOptional<SettingsEntry<F, K>['patch']>;
};

export function foldCommands<F extends FeatureTable>(features: F): CommandsOf<F> {
  const out: Record<string, CommandSpec> = {};
  for (const [name, f] of Object.entries(features)) {
    for (const [command, spec] of Object.entries(f.commands)) {
      if (command in out) throw new Error(`command ${command} of ${name} is defined twice`);
      out[command] = spec;
    }
  }
  return out as CommandsOf<F>;
}

export function foldSettings<F extends FeatureTable>(features: F): { shape: SettingsShapeOf<F>; patch: SettingsPatchShapeOf<F> } {
  const shape: Record<string, z.ZodType> = {};
  const patch: Record<string, z.ZodType> = {};
  for (const f of Object.values(features)) {
    if (!f.settings) continue;
    shape[f.settings.key] = f.settings.schema;
    patch[f.settings.key] = f.settings.patch.optional();
  }
  return { shape: shape as SettingsShapeOf<F>, patch: patch as SettingsPatchShapeOf<F> };
}

export function foldErrorCodes<F extends FeatureTable>(features: F): Record<ErrorCodesOf<F>, number> {
  return Object.assign({}, ...Object.values(features).map((f) => f.errorCodes)) as Record<ErrorCodesOf<F>, number>;
}
