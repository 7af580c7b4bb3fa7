/**
 * The polls' limits and quiz scoring constants: one place, read by the UI and the server. Free of zod, so
 * the attendee's poll panel can use them without loading a schema library (docs/performance.md);
 * schemas.ts builds its schemas from them and re-exports them.
 */
export const POLL_LIMITS = {
  questionMax: 300,
  optionMax: 120,
  optionsMin: 2,
  optionsMax: 12,
  rankingItemsMin: 2,
  rankingItemsMax: 10,
  wordMax: 40,
  wordsPerPersonMax: 3,
  openTextMax: 300,
  ratingLabelMax: 40,
  /** Optional timer of a poll that closes it by itself. */
  timerMinSec: 10,
  timerMaxSec: 3600,
  quizQuestionsMax: 50,
  quizTimerMinSec: 5,
  quizTimerMaxSec: 300,
  nicknameMax: 24,
  pollsPerEventMax: 200,
  importSourceMax: 100_000,
  /** Word cloud results carry at most this many words (by count). */
  wordCloudTop: 100,
  /** Attendees see this many top words instead of the cloud. */
  topWordsForAttendees: 10,
  /** Leaderboard entries sent to everyone (staff export has all). */
  leaderboardTop: 10,
  reviewBatchMax: 500,
} as const;

/** Quiz scoring (see server/polls/core/quiz.ts): a correct answer earns between these points, faster = more. */
export const QUIZ_POINTS_MAX = 1000;
export const QUIZ_POINTS_MIN_CORRECT = 500;
/** Answers arriving up to this long after a quiz question's end still count (network delay). */
export const QUIZ_GRACE_MS = 500;
