/**
 * What a feature contributes to the wire contract (docs/kernel-contract.md): its commands, the members of
 * the sequenced change union and of `sync:personal`, its part of the snapshot and its error codes. The
 * kernel folds the registered features (shared/features.ts) into the command table, `Change`,
 * `PersonalChange`, `Snapshot` and `ErrorCode`.
 */
import type { z } from 'zod';
import type { Role } from '../events/schemas.js';

export interface CommandSpec {
  payload: z.ZodType;
  result: z.ZodType;
  roles: readonly Role[];
}

export interface SharedFeature {
  /** 'domain:verb' → spec. */
  commands: Record<string, CommandSpec>;
  /** Members of the sequenced `sync:delta` change union. */
  changes: readonly z.ZodObject[];
  /** Members of `sync:personal` (one attendee's tabs, idempotent, no seq). */
  personal: readonly z.ZodObject[];
  /** This feature's part of the snapshot, under key = feature name. */
  snapshot: z.ZodType;
  /** Codes this feature adds to ErrorCode. */
  errorCodes: readonly string[];
  /** Under EventSettings[featureName] / EventSettingsPatch[featureName]. */
  settings?: { schema: z.ZodType; patch: z.ZodType };
}

/** Who may send what: the role groups the command tables use. */
export const everyone = ['organizer', 'moderator', 'facilitator', 'stage', 'attendee'] as const satisfies readonly Role[];
export const moderators = ['organizer', 'moderator'] as const satisfies readonly Role[];
export const attendees = ['attendee'] as const satisfies readonly Role[];
export const facilitators = ['organizer', 'facilitator'] as const satisfies readonly Role[];

/** A | B | C → A & B & C (the features' command tables folded into one). */
export type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
