/**
 * Incremental tallies. The handler keeps one Tally per poll in memory (built once with recomputeTally
 * from the stored answers) and applies each answer change in O(options): add (prev null), replace
 * (both), remove (next null). recomputeTally(answers) always equals the incremental result; the property
 * test checks it. Tallies are mutable on purpose (a word cloud may hold thousands of groups); the
 * results handed out by tallyResults are fresh plain objects.
 */
import { POLL_LIMITS, type AnswerPayload, type OpenEntryState, type PollDefinition, type PollResults } from '../../../shared/polls/schemas.js';
import { bordaPoints } from './borda.js';
import { emptyDistribution, ratingMean } from './rating.js';
import type { AnswerRecord, BlockedMatcher, QuizAnswerRecord } from './types.js';
import { addWord, countedWords, topWords, type WordGroups } from './words.js';

export type Tally =
  | { kind: 'choice'; responses: number; counts: Map<string, number> }
  | { kind: 'rating'; responses: number; distribution: number[] }
  | { kind: 'words'; responses: number; total: number; groups: WordGroups }
  | { kind: 'open'; responses: number; approved: number; pending: number }
  | { kind: 'ranking'; responses: number; scores: Map<string, number> }
  | { kind: 'quiz'; responses: number; questions: Map<string, { counts: Map<string, number>; answered: number; correct: number }> };

export interface TallyContext {
  /** Word clouds: the event's blocked-word check (blocked words are left out of the cloud). */
  isBlocked: BlockedMatcher;
}

const zeroMap = (ids: readonly string[]) => new Map(ids.map((id) => [id, 0]));

export function emptyTally(def: PollDefinition): Tally {
  switch (def.type) {
    case 'single':
    case 'multiple':
      return { kind: 'choice', responses: 0, counts: zeroMap(def.options.map((o) => o.id)) };
    case 'rating':
      return { kind: 'rating', responses: 0, distribution: emptyDistribution(def.scale) };
    case 'wordcloud':
      return { kind: 'words', responses: 0, total: 0, groups: new Map() };
    case 'open':
      return { kind: 'open', responses: 0, approved: 0, pending: 0 };
    case 'ranking':
      return { kind: 'ranking', responses: 0, scores: zeroMap(def.items.map((o) => o.id)) };
    case 'quiz':
      return {
        kind: 'quiz',
        responses: 0,
        questions: new Map(def.questions.map((q) => [q.id, { counts: zeroMap(q.options.map((o) => o.id)), answered: 0, correct: 0 }])),
      };
  }
}

function bump(map: Map<string, number>, id: string, delta: number): void {
  if (map.has(id)) map.set(id, Math.max(0, map.get(id)! + delta));
}

/** One side of an answer change: the answer's contribution added (+1) or taken away (−1). */
function applyOne(tally: Tally, answer: AnswerPayload, openState: OpenEntryState | null, sign: 1 | -1, ctx: TallyContext): void {
  switch (tally.kind) {
    case 'choice':
      if (answer.type === 'single') bump(tally.counts, answer.optionId, sign);
      else if (answer.type === 'multiple') for (const id of new Set(answer.optionIds)) bump(tally.counts, id, sign);
      return;
    case 'rating':
      if (answer.type === 'rating' && answer.value >= 1 && answer.value <= tally.distribution.length) {
        tally.distribution[answer.value - 1] = Math.max(0, tally.distribution[answer.value - 1]! + sign);
      }
      return;
    case 'words':
      if (answer.type === 'wordcloud') {
        for (const w of countedWords(answer.words, ctx.isBlocked)) {
          addWord(tally.groups, w, sign);
          tally.total += sign;
        }
      }
      return;
    case 'open':
      if (openState === 'approved') tally.approved += sign;
      else if (openState === 'pending') tally.pending += sign;
      return;
    case 'ranking':
      if (answer.type === 'ranking') for (const [id, p] of bordaPoints(answer.order)) bump(tally.scores, id, sign * p);
      return;
    case 'quiz':
      return; // quiz answers go through applyQuizAnswer
  }
}

export interface AnswerState {
  answer: AnswerPayload;
  openState?: OpenEntryState | null;
}

/**
 * Apply one attendee's change: prev → next (null = none). Also covers an open-text review (same answer,
 * new openState). O(options) for choice, rating and ranking; O(words) for a word cloud.
 */
export function applyAnswer(tally: Tally, prev: AnswerState | null, next: AnswerState | null, ctx: TallyContext): void {
  if (prev) applyOne(tally, prev.answer, prev.openState ?? null, -1, ctx);
  if (next) applyOne(tally, next.answer, next.openState ?? null, 1, ctx);
  tally.responses += (next ? 1 : 0) - (prev ? 1 : 0);
}

/** Quiz answers are never replaced; `responses` counts answers to all questions (views use per question). */
export function applyQuizAnswer(tally: Tally, a: Pick<QuizAnswerRecord, 'questionId' | 'optionIds' | 'correct'>, sign: 1 | -1 = 1): void {
  if (tally.kind !== 'quiz') return;
  const q = tally.questions.get(a.questionId);
  if (!q) return;
  for (const id of new Set(a.optionIds)) bump(q.counts, id, sign);
  q.answered = Math.max(0, q.answered + sign);
  if (a.correct) q.correct = Math.max(0, q.correct + sign);
  tally.responses = Math.max(0, tally.responses + sign);
}

export function recomputeTally(
  def: PollDefinition,
  answers: readonly Pick<AnswerRecord, 'answer' | 'openState'>[],
  ctx: TallyContext,
  quizAnswers: readonly Pick<QuizAnswerRecord, 'questionId' | 'optionIds' | 'correct'>[] = [],
): Tally {
  const tally = emptyTally(def);
  for (const a of answers) applyAnswer(tally, null, a, ctx);
  for (const a of quizAnswers) applyQuizAnswer(tally, a);
  return tally;
}

/** The wire form of a tally (full, staff level; visibility.ts trims it per audience). */
export function tallyResults(tally: Tally, wordLimit: number = POLL_LIMITS.wordCloudTop): PollResults {
  switch (tally.kind) {
    case 'choice':
      return { kind: 'choice', counts: Object.fromEntries(tally.counts) };
    case 'rating':
      return { kind: 'rating', distribution: [...tally.distribution], mean: ratingMean(tally.distribution) };
    case 'words':
      return { kind: 'words', words: topWords(tally.groups, wordLimit), total: tally.total };
    case 'open':
      return { kind: 'open', approved: tally.approved, pending: tally.pending };
    case 'ranking':
      return { kind: 'ranking', scores: Object.fromEntries(tally.scores) };
    case 'quiz':
      return {
        kind: 'quiz',
        questions: [...tally.questions].map(([questionId, q]) => ({
          questionId, counts: Object.fromEntries(q.counts), answered: q.answered, correct: q.correct,
        })),
      };
  }
}
