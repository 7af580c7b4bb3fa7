/** What the polls repository stores and the pure rules work on. Times are ISO strings. */
import type { AnswerPayload, OpenEntryState, PollDefinition, PollSettings, PollStatus, QuizPhase } from '../../../shared/polls/schemas.js';

export interface QuizRunState {
  phase: QuizPhase;
  /** Current (question) or last (review) question; -1 in the lobby. */
  index: number;
  questionStartedAt: string | null;
  questionEndsAt: string | null;
}

export interface PollRecord {
  id: string;
  eventId: string;
  position: number;
  status: PollStatus;
  definition: PollDefinition;
  settings: PollSettings;
  revealed: boolean;
  openedAt: string | null;
  closesAt: string | null;
  closedAt: string | null;
  /** Quizzes only (null before the first open and for other types). */
  quiz: QuizRunState | null;
  createdAt: string;
  updatedAt: string;
}

/** One attendee's answer to a non-quiz poll (the latest, when changing is allowed). */
export interface AnswerRecord {
  pollId: string;
  attendeeId: string;
  /** Stored only for named polls; null otherwise. */
  name: string | null;
  /** As normalised by validateAnswer (trimmed words/text, deduplicated selections). */
  answer: AnswerPayload;
  answeredAt: string;
  /** Open text only: review state. */
  openState: OpenEntryState | null;
}

/** One attendee's answer to one quiz question, scored when it arrives. */
export interface QuizAnswerRecord {
  pollId: string;
  attendeeId: string;
  questionId: string;
  optionIds: string[];
  correct: boolean;
  points: number;
  answeredAt: string;
}

export interface QuizPlayer {
  attendeeId: string;
  nickname: string;
}

/** Blocked-word check of the event (e.g. `(t) => findBlockedWords(t, settings.qa.blockedWords).length > 0`). */
export type BlockedMatcher = (text: string) => boolean;

export function addSeconds(iso: string, seconds: number): string {
  return new Date(Date.parse(iso) + seconds * 1000).toISOString();
}
