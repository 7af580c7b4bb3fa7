/** The polls module's tables (declared into the kernel's DB type by declaration merging). */
export interface PollsTable {
  id: string;
  event_id: string;
  position: number;
  status: string;
  /** JSON PollDefinition. */
  definition: string;
  /** JSON PollSettings. */
  settings: string;
  revealed: number;
  opened_at: string | null;
  closes_at: string | null;
  closed_at: string | null;
  /** JSON QuizRunState or null. */
  quiz: string | null;
  created_at: string;
  updated_at: string;
}

/** One row per attendee and poll: one answer per person is the primary key, not a check in code. */
export interface PollAnswersTable {
  /** The open-text entry id (also present for other types, unused there). */
  id: string;
  poll_id: string;
  event_id: string;
  attendee_id: string;
  name: string | null;
  /** JSON AnswerPayload (normalised). */
  answer: string;
  answered_at: string;
  open_state: string | null;
}

export interface PollQuizAnswersTable {
  poll_id: string;
  attendee_id: string;
  question_id: string;
  /** JSON string[]. */
  option_ids: string;
  correct: number;
  points: number;
  answered_at: string;
}

export interface PollQuizPlayersTable {
  poll_id: string;
  attendee_id: string;
  nickname: string;
}

/** Per event: which poll is on the stage. */
export interface PollEventsTable {
  event_id: string;
  presented_id: string | null;
}

declare module '../db/types.js' {
  interface DB {
    polls: PollsTable;
    poll_answers: PollAnswersTable;
    poll_quiz_answers: PollQuizAnswersTable;
    poll_quiz_players: PollQuizPlayersTable;
    poll_events: PollEventsTable;
  }
}
