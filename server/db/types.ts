/**
 * Table types as stored. Portable column types only: booleans are integers 0/1, times ISO-8601 strings,
 * lists and settings JSON text, so the same queries run on SQLite now and PostgreSQL later.
 */
import type { Insertable, Selectable, Updateable } from 'kysely';

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

export interface DB {
  organizers: OrganizersTable;
  sessions: SessionsTable;
  events: EventsTable;
  attendees: AttendeesTable;
  questions: QuestionsTable;
  votes: VotesTable;
}

export type EventRow = Selectable<EventsTable>;
export type NewEventRow = Insertable<EventsTable>;
export type QuestionRow = Selectable<QuestionsTable>;
export type NewQuestionRow = Insertable<QuestionsTable>;
export type QuestionUpdate = Updateable<QuestionsTable>;
export type AttendeeRow = Selectable<AttendeesTable>;
export type OrganizerRow = Selectable<OrganizersTable>;
