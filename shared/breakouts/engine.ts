/**
 * Input and output of the breakout-group assignment engine (server/breakouts/engine). The facilitator
 * panel, the socket protocol and the CLI all speak these shapes; the engine validates the semantics
 * (unknown ids, contradictions) and answers with a typed error instead of throwing.
 */
import { z } from 'zod';

export const GroupPersonId = z.string().min(1).max(200);

export const GroupPerson = z.object({
  id: GroupPersonId,
  /** Free-form attributes (company, role, ...) that `spread` constraints refer to. */
  attributes: z.record(z.string(), z.string()).optional(),
});
export type GroupPerson = z.infer<typeof GroupPerson>;

/** One round: an array of groups, each an array of person ids. */
export const GroupRound = z.array(z.array(GroupPersonId));
export type GroupRound = z.infer<typeof GroupRound>;

export const GroupConstraints = z.object({
  /** Each entry is a set (two or more ids) of which no two may share a group. */
  apart: z.array(z.array(GroupPersonId).min(2)).optional(),
  /** Each entry is a set (two or more ids) that must share one group in every round. */
  together: z.array(z.array(GroupPersonId).min(2)).optional(),
  /** Attribute keys: no group holds more people with one value than ceil(count of that value / groups). */
  spread: z.array(z.string().min(1)).optional(),
});
export type GroupConstraints = z.infer<typeof GroupConstraints>;

export const PlanRequest = z.object({
  people: z.array(GroupPerson),
  /** Exactly one of groups / size. size is the largest group: groups = ceil(people / size). */
  groups: z.number().optional(),
  size: z.number().optional(),
  rounds: z.number(),
  /** Rounds already run in this event; ids of people no longer present are ignored. */
  history: z.array(GroupRound).optional(),
  constraints: GroupConstraints.optional(),
  /**
   * People fixed to a group (0-based) in one planned round, or in every planned round when round is
   * omitted; everyone else is planned around them (e.g. people a facilitator locked before reshuffling).
   */
  pinned: z.array(z.object({
    id: GroupPersonId,
    group: z.number().int().nonnegative(),
    round: z.number().int().nonnegative().optional(),
  })).optional(),
  seed: z.number().int().optional(),
  /** Upper bound for the search; the engine stops earlier once it cannot improve. */
  timeLimitMs: z.number().optional(),
});
export type PlanRequest = z.input<typeof PlanRequest>;

export const ViolationKind = z.enum(['apart', 'together', 'spread']);
export const Violation = z.object({
  kind: ViolationKind,
  /** 0-based index into the planned rounds. */
  round: z.number().int().nonnegative(),
  /** The group that breaks an apart/spread rule; for together: the groups the set is split over. */
  groups: z.array(z.number().int().nonnegative()),
  ids: z.array(GroupPersonId),
  attribute: z.string().optional(),
  value: z.string().optional(),
  /** spread: the most people with this value one group may hold. */
  limit: z.number().int().optional(),
});
export type Violation = z.infer<typeof Violation>;

export const RepeatedPair = z.object({
  a: GroupPersonId,
  b: GroupPersonId,
  /** Planned rounds (0-based) in which the pair meets again. */
  rounds: z.array(z.number().int().nonnegative()),
  /** How often they met in the history rounds. */
  historyMeetings: z.number().int().nonnegative(),
});
export type RepeatedPair = z.infer<typeof RepeatedPair>;

export const PlanReport = z.object({
  people: z.number().int(),
  groups: z.number().int(),
  rounds: z.number().int(),
  /** Meetings in the planned rounds of pairs that had met before (in history or an earlier planned round). */
  repeatedPairs: z.number().int().nonnegative(),
  /** The first repeated pairs in detail (capped; repeatedPairs holds the full count). */
  repeats: z.array(RepeatedPair),
  /** Proven minimum of repeatedPairs for these sizes (0 unless the sizes force repeats). */
  repeatLowerBound: z.number().int().nonnegative(),
  minSize: z.number().int(),
  maxSize: z.number().int(),
  sizeSpread: z.number().int().nonnegative(),
  violations: z.array(Violation),
  /** How the schedule was found: a design-theory construction, the greedy start, or local search. */
  method: z.enum(['design', 'greedy', 'search', 'random']),
  /** The design-theory construction the schedule started from (transversal, affine, table), if any. */
  design: z.string().optional(),
  iterations: z.number().int().nonnegative(),
  /** Wall time in ms when the caller supplied a clock. */
  elapsedMs: z.number().nonnegative().optional(),
});
export type PlanReport = z.infer<typeof PlanReport>;

export const PlanResult = z.object({ rounds: z.array(GroupRound), report: PlanReport });
export type PlanResult = z.infer<typeof PlanResult>;

export const PlanErrorCode = z.enum([
  'invalid_input', // malformed structure (wrong types, not an integer, ...)
  'no_people',
  'duplicate_id',
  'invalid_group_count', // groups < 1, or more groups than people
  'invalid_size', // size < 1
  'invalid_rounds', // rounds < 1
  'unknown_id', // a constraint names someone who is not among the people
  'unknown_attribute', // spread by an attribute nobody has
  'together_too_large', // a together set (after merging overlaps) does not fit into one group
  'apart_too_large', // more people to keep apart than there are groups
  'contradictory_constraints', // e.g. two people both apart and together
  'already_placed', // late joiner already in a group
]);
export type PlanErrorCode = z.infer<typeof PlanErrorCode>;

export const PlanError = z.object({
  code: PlanErrorCode,
  /** English, complete sentence; the panel translates by code and params. */
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type PlanError = z.infer<typeof PlanError>;

export type EngineResult<T> = { ok: true; value: T } | { ok: false; error: PlanError };

/** Place someone who arrives after the groups were formed, without moving anyone else. */
export const LateJoinRequest = z.object({
  /** Everyone known (with attributes), the newcomer included. */
  people: z.array(GroupPerson),
  newcomer: GroupPersonId,
  /** The round(s) to place the newcomer in: the running round, or every planned round still ahead. */
  rounds: z.array(GroupRound).min(1),
  history: z.array(GroupRound).optional(),
  constraints: GroupConstraints.optional(),
  seed: z.number().int().optional(),
});
export type LateJoinRequest = z.input<typeof LateJoinRequest>;

export const LateJoinResult = z.object({
  rounds: z.array(GroupRound),
  /** Group index the newcomer joined, per round. */
  placedIn: z.array(z.number().int().nonnegative()),
  /** Group mates the newcomer had met before (history or an earlier round of `rounds`). */
  repeatsAdded: z.number().int().nonnegative(),
  /** Rules the newcomer could not be placed without breaking. */
  violations: z.array(Violation),
});
export type LateJoinResult = z.infer<typeof LateJoinResult>;

export const LeaveRequest = z.object({
  rounds: z.array(GroupRound).min(1),
  leaving: z.array(GroupPersonId),
  /** Groups smaller than this after the removal are reported (default 2). */
  minSize: z.number().int().nonnegative().optional(),
});
export type LeaveRequest = z.input<typeof LeaveRequest>;

export const LeaveResult = z.object({
  rounds: z.array(GroupRound),
  removed: z.array(GroupPersonId),
  /** Ids that were in no group. */
  notFound: z.array(GroupPersonId),
  underfilled: z.array(z.object({ round: z.number().int(), group: z.number().int(), size: z.number().int() })),
});
export type LeaveResult = z.infer<typeof LeaveResult>;
