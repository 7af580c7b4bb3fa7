/**
 * Table types as stored. Portable column types only: booleans are integers 0/1, times ISO-8601 strings,
 * lists and settings JSON text, so the same queries run on SQLite now and PostgreSQL later.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface OrganizersTable {
  id: string;
  email: string;
  password_hash: string;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the cookie token; the token itself is never stored. */
  id: string;
  organizer_id: string;
  created_at: string;
  expires_at: string;
}

export interface EventsTable {
  id: string;
  code: string;
  title: string;
  format: string;
  language: string;
  starts_at: string | null;
  /** JSON of EventSettings. */
  settings: string;
  /** Sequence number of the last delta sent for this event. */
  seq: number;
  moderator_token: string;
  facilitator_token: string;
  stage_token: string;
  created_by: string | null;
  created_at: string;
}

export interface AttendeesTable {
  id: string;
  event_id: string;
  /** SHA-256 (hex) of the attendee token. */
  token_hash: string;
  name: string | null;
  created_at: string;
  /** JSON object: answers to the event's attendee fields, or the roster's columns. */
  attributes: Generated<string>;
  email: string | null;
  /** 1 for roster entries (they got a personal join link). */
  invited: Generated<number>;
  /** Roster entries: the join token in plain text, so the link can be shown again. */
  invite_token: string | null;
}

export interface QuestionsTable {
  id: string;
  event_id: string;
  author_id: string;
  author_name: string | null;
  anonymous: number;
  text: string;
  state: string;
  votes: number;
  /** JSON array of strings. */
  labels: string;
  reply: string | null;
  starred: number;
  /** JSON array of the blocked words that matched the current text. */
  flagged_words: string;
  queue_pos: number | null;
  highlighted: number;
  created_at: string;
  updated_at: string;
  answered_at: string | null;
}

export interface VotesTable {
  question_id: string;
  attendee_id: string;
  created_at: string;
}

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

export interface DB {
  organizers: OrganizersTable;
  sessions: SessionsTable;
  events: EventsTable;
  attendees: AttendeesTable;
  questions: QuestionsTable;
  votes: VotesTable;
  breakout_rounds: BreakoutRoundsTable;
  breakout_groups: BreakoutGroupsTable;
  breakout_members: BreakoutMembersTable;
  breakout_result_versions: BreakoutResultVersionsTable;
  breakout_messages: BreakoutMessagesTable;
  breakout_help: BreakoutHelpTable;
}

export type EventRow = Selectable<EventsTable>;
export type NewEventRow = Insertable<EventsTable>;
export type QuestionRow = Selectable<QuestionsTable>;
export type NewQuestionRow = Insertable<QuestionsTable>;
export type QuestionUpdate = Updateable<QuestionsTable>;
export type AttendeeRow = Selectable<AttendeesTable>;
export type OrganizerRow = Selectable<OrganizersTable>;
