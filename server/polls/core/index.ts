/**
 * The pure polls rules, for the handlers. No IO, no clock: every time is a parameter.
 *
 * Typical command path (inside the event's serial queue):
 *   polls:answer  → validateAnswer(poll, answer, { hasAnswered, now })          (or validateQuizAnswer for quizzes)
 *                 → open text: initialOpenState(def.review, text, isBlocked)
 *                 → applyAnswer(tally, prev, next, { isBlocked }) → mark poll dirty for the ≤10/s polls:tallies flush
 *                 → tallyUpdateFor(poll, tally, audience) per audience in the flush
 *   polls:open/close/reopen/reset/reveal/update/duplicate → lifecycle.ts; timers → expirePoll / expireQuizQuestion
 *   polls:quizNext/quizEndQuestion → quiz.ts; standings → quizStandings + leaderboardEntries
 *   polls:import  → parseImport(format, source); dryRun returns it, otherwise requireValidImport
 *   views         → pollViewFor(poll, tally, audienceOf(role), quizExtras); entries → entryVisible
 *   export        → pollsCsv / pollsJson / leaderboardCsv
 */
export * from './answer.js';
export * from './borda.js';
export * from './errors.js';
export * from './export.js';
export * from './import.js';
export * from './leaderboard.js';
export * from './lifecycle.js';
export * from './open-text.js';
export * from './quiz.js';
export * from './rating.js';
export * from './tally.js';
export * from './types.js';
export * from './visibility.js';
export * from './words.js';
export { STOP_WORDS } from './stop-words.js';
export * from './retract.js';
