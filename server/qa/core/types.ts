import type { QuestionSource, QuestionState, VoteAlert } from '../../../shared/qa/schemas.js';

/** A question as the domain sees it: every stored field, in plain types. */
export interface QuestionRecord {
  id: string;
  eventId: string;
  authorId: string;
  /** null when anonymous or when the author had no name; the name of an anonymous asker is never stored. */
  authorName: string | null;
  anonymous: boolean;
  text: string;
  state: QuestionState;
  votes: number;
  labels: string[];
  reply: string | null;
  starred: boolean;
  flaggedWords: string[];
  /** Position in the speakers' queue (ordering only; gaps allowed), or null when not queued. */
  queuePos: number | null;
  highlighted: boolean;
  createdAt: string;
  updatedAt: string;
  answeredAt: string | null;
  source: QuestionSource;
  /** The importer's label of its source ("Zoom"), null for Plenum's own questions. */
  sourceLabel: string | null;
  /** State merged: the question it went into. */
  mergedInto: string | null;
  /** Ballot stuffing: the current alert (staff only), see core/vote-alert.ts. */
  voteAlert: VoteAlert | null;
  /** Votes cast at or before this instant were dismissed or discounted by a moderator (null: never). */
  voteAlertCleared: string | null;
}

/** The event-wide Q&A pointers: at most one highlighted question and the ordered speakers' queue. */
export interface Board {
  highlightedId: string | null;
  queue: string[];
}
