/** The Q&A module's tables (declared into the kernel's DB type by declaration merging). */
import type { Selectable } from 'kysely';

export interface QuestionsTable {
  id: string;
  event_id: string;
  /** null for imported questions (no attendee; see external_author). */
  author_id: string | null;
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
  /** plenum | youtube | api (migration 20261130_qa_sources). */
  source: string;
  source_label: string | null;
  merged_into: string | null;
  /** REST import: the importer's idempotency key, unique per event (null for other questions). */
  import_key: string | null;
  /** Imported questions: the author id the record uses (`youtube:<channel>`, `api:`), see core/imports.ts. */
  external_author: string | null;
  /** JSON VoteAlert or null (migration 20261130_qa_vote_alert). */
  vote_alert: string | null;
  /** ISO time: votes cast at or before it no longer raise the alert. */
  vote_alert_cleared: string | null;
}

export interface VotesTable {
  question_id: string;
  attendee_id: string;
  created_at: string;
}

export type QuestionRow = Selectable<QuestionsTable>;

declare module '../db/types.js' {
  interface DB {
    questions: QuestionsTable;
    votes: VotesTable;
  }
}
