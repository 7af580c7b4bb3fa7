/** The breakout module's tables (declared into the kernel's DB type by declaration merging). */

export interface BreakoutRoundsTable {
  id: string;
  event_id: string;
  number: number;
  status: string;
  mode: string;
  duration_sec: number;
  started_at: string | null;
  ends_at: string | null;
  closing_ends_at: string | null;
  closed_at: string | null;
  show_results: number;
  /** JSON of RoundSettings (capacity, constraints, video template, seed, engine meta). */
  settings: string;
  /** JSON of PlanReport, or null. */
  report: string | null;
  created_at: string;
}

export interface BreakoutGroupsTable {
  round_id: string;
  group_index: number;
  name: string;
  topic: string;
  video_url: string | null;
  capacity: number | null;
  result: string;
  result_version: number;
}

export interface BreakoutMembersTable {
  round_id: string;
  attendee_id: string;
  group_index: number;
  /** Order within the group. */
  position: number;
  locked: number;
}

export interface BreakoutResultVersionsTable {
  round_id: string;
  group_index: number;
  version: number;
  text: string;
  author_id: string | null;
  created_at: string;
}

export interface BreakoutMessagesTable {
  id: string;
  round_id: string;
  text: string;
  created_at: string;
}

export interface BreakoutHelpTable {
  id: string;
  event_id: string;
  round_id: string;
  group_index: number;
  attendee_id: string;
  created_at: string;
  resolved_at: string | null;
}

/** First presence of a person in a started round (at the start, or later: a late arrival). */
export interface BreakoutArrivalsTable {
  round_id: string;
  attendee_id: string;
  arrived_at: string;
}

/** One row per event: the facilitator's plan form (JSON of PlanSettings). */
export interface BreakoutPlanSettingsTable {
  event_id: string;
  settings: string;
  updated_at: string;
}

declare module '../db/types.js' {
  interface DB {
    breakout_plan_settings: BreakoutPlanSettingsTable;
    breakout_arrivals: BreakoutArrivalsTable;
    breakout_rounds: BreakoutRoundsTable;
    breakout_groups: BreakoutGroupsTable;
    breakout_members: BreakoutMembersTable;
    breakout_result_versions: BreakoutResultVersionsTable;
    breakout_messages: BreakoutMessagesTable;
    breakout_help: BreakoutHelpTable;
  }
}
