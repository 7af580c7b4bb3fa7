/**
 * Table types as stored. Portable column types only: booleans are integers 0/1, times ISO-8601 strings,
 * lists and settings JSON text, so the same queries run on SQLite now and PostgreSQL later.
 */
import type { Selectable } from 'kysely';

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
  /** Filled for every row (0004_speaker_link gave existing events one). */
  speaker_token: string;
  /** Set by every seq bump (0005_event_last_active); null only for rows written by an older version. */
  last_active_at: string | null;
  created_by: string | null;
  created_at: string;
}










/**
 * The kernel's tables. Each feature adds its own by declaration merging in its folder
 * (`declare module '../db/types.js' { interface DB { … } }`, see server/qa/tables.ts).
 */
/** The first-run setup token while no organizer exists (one row, id 1), shared by every node. */
export interface SetupTokensTable {
  id: number;
  token: string;
  created_at: string;
}

export interface DB {
  organizers: OrganizersTable;
  sessions: SessionsTable;
  events: EventsTable;
  setup_tokens: SetupTokensTable;
}

export type EventRow = Selectable<EventsTable>;
