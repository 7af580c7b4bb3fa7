/** A breakout round as the domain sees it: every stored field in plain types (times as ISO strings). */
import type { BreakoutMode, RoundStatus } from '../../../shared/breakouts/schemas.js';
import type { GroupConstraints, PlanReport } from '../../../shared/breakouts/engine.js';

export interface GroupState {
  index: number;
  name: string;
  topic: string;
  videoUrl: string | null;
  /** Most members the group takes (self-select); null = no limit. */
  capacity: number | null;
  /** Attendee ids, in the order they joined the group. */
  members: string[];
  result: string;
  resultVersion: number;
}

/** How the engine found the current assignment (kept for the report after manual moves). */
export interface EngineMeta {
  method: PlanReport['method'];
  iterations: number;
  elapsedMs?: number;
  repeatLowerBound: number;
}

export interface RoundSettings {
  /** Self-select: the capacity every group got when planned. */
  capacity: number | null;
  /** The facilitator's constraints; reshuffles and reports use them again. */
  constraints: GroupConstraints;
  /** Template the video links were made from ({event}, {round}, {group}); null when typed or none. */
  videoTemplate: string | null;
  seed: number;
  engine: EngineMeta | null;
}

export interface RoundState {
  id: string;
  eventId: string;
  number: number;
  status: RoundStatus;
  mode: BreakoutMode;
  durationSec: number;
  startedAt: string | null;
  endsAt: string | null;
  closingEndsAt: string | null;
  closedAt: string | null;
  showResults: boolean;
  settings: RoundSettings;
  groups: GroupState[];
  /** Attendee ids pinned to their group (reshuffle leaves them where they are). Sorted. */
  locked: string[];
  /** The report for the current assignment (null for self-select). */
  report: PlanReport | null;
  /** Running and closing rounds: each person's first presence in the round (ISO), see core/arrivals.ts. */
  arrivals?: Readonly<Record<string, string>>;
}

export interface MessageRecord {
  id: string;
  roundId: string;
  text: string;
  at: string;
}

/** Who a person is, as far as grouping is concerned. */
export interface PersonInfo {
  id: string;
  name: string | null;
  attributes: Record<string, string>;
}

/** Rounds as arrays of groups of ids, the engine's shape. */
export type IdRound = string[][];

export function idRound(round: Pick<RoundState, 'groups'>): IdRound {
  return round.groups.map((g) => g.members.slice());
}

export function isActive(round: Pick<RoundState, 'status'>): boolean {
  return round.status === 'running' || round.status === 'closing';
}

export function groupOf(round: Pick<RoundState, 'groups'>, attendeeId: string): GroupState | undefined {
  return round.groups.find((g) => g.members.includes(attendeeId));
}
