import { describe, expect, it } from 'vitest';
import { thrownCode as code } from '../../testing/thrown-code.js';
import { closePoll } from './lifecycle.js';
import { leaderboardEntries } from './leaderboard.js';
import { quizEndQuestion, quizNext, quizStandings } from './quiz.js';
import { requireRetractable, retractAnswer, retractQuiz } from './retract.js';
import { emptyTally, recomputeTally, tallyResults } from './tally.js';
import { T0, at, defs, noBlocked, openPoll, poll } from './test-fixtures.js';
import type { AnswerRecord, QuizAnswerRecord } from './types.js';

const ctx = { isBlocked: noBlocked };
const ans = (attendeeId: string, answer: AnswerRecord['answer'], openState: AnswerRecord['openState'] = null): AnswerRecord => ({
  pollId: 'p1', attendeeId, name: null, answer, answeredAt: T0.toISOString(), openState,
});

describe('polls:retract rules', () => {
  it('any poll but a draft: open and closed ones (the right to erasure does not end with the poll)', () => {
    expect(code(() => requireRetractable(undefined))).toBe('not_found');
    expect(code(() => requireRetractable(poll(defs.single)))).toBe('not_found');
    const open = openPoll(defs.single);
    expect(requireRetractable(open)).toBe(open);
    const closed = closePoll(open, at(5));
    expect(requireRetractable(closed)).toBe(closed);
  });

  it('the tally after a retraction equals the tally recomputed without that answer, for every poll type', () => {
    const cases: Array<[keyof typeof defs, AnswerRecord[]]> = [
      ['single', [ans('u1', { type: 'single', optionId: 'a' }), ans('u2', { type: 'single', optionId: 'b' }), ans('u3', { type: 'single', optionId: 'a' })]],
      ['multiple', [ans('u1', { type: 'multiple', optionIds: ['a', 'b'] }), ans('u2', { type: 'multiple', optionIds: ['b'] })]],
      ['rating', [ans('u1', { type: 'rating', value: 5 }), ans('u2', { type: 'rating', value: 2 })]],
      ['wordcloud', [ans('u1', { type: 'wordcloud', words: ['Cloud', 'KI'] }), ans('u2', { type: 'wordcloud', words: ['cloud'] })]],
      ['open', [ans('u1', { type: 'open', text: 'Viel' }, 'approved'), ans('u2', { type: 'open', text: 'Wenig' }, 'pending')]],
      ['ranking', [ans('u1', { type: 'ranking', order: ['x', 'y', 'z'] }), ans('u2', { type: 'ranking', order: ['z', 'y', 'x'] })]],
    ];
    for (const [type, answers] of cases) {
      const def = openPoll(defs[type]).definition;
      const tally = recomputeTally(def, answers, ctx);
      expect(retractAnswer(tally, answers[0]!, ctx), type).toBe(true);
      expect(tallyResults(tally), type).toEqual(tallyResults(recomputeTally(def, answers.slice(1), ctx)));
      expect(tally.responses, type).toBe(answers.length - 1);
    }
  });

  it('nothing to retract changes nothing', () => {
    const tally = emptyTally(openPoll(defs.single).definition);
    expect(retractAnswer(tally, null, ctx)).toBe(false);
    expect(tally.responses).toBe(0);
  });

  it('a quiz player who retracts leaves counts, scores and the leaderboard; the others keep theirs', () => {
    const q1 = quizNext(openPoll(defs.quiz, { quiz: { phase: 'lobby', index: -1, questionStartedAt: null, questionEndsAt: null } }), at(1));
    const rec = (attendeeId: string, optionIds: string[], correct: boolean, points: number): QuizAnswerRecord => ({
      pollId: 'p1', attendeeId, questionId: 'q1', optionIds, correct, points, answeredAt: at(2).toISOString(),
    });
    const answers = [rec('u1', ['b'], true, 1000), rec('u2', ['b'], true, 900), rec('u3', ['a'], false, 0)];
    const tally = recomputeTally(q1.definition, [], ctx, answers);
    const { kept, removed } = retractQuiz(tally, answers, 'u1');
    expect(removed.map((a) => a.attendeeId)).toEqual(['u1']);
    expect(kept.map((a) => a.attendeeId)).toEqual(['u2', 'u3']);
    expect(tallyResults(tally)).toEqual(tallyResults(recomputeTally(q1.definition, [], ctx, kept)));
    const review = quizEndQuestion(q1, at(5));
    const players = [{ attendeeId: 'u2', nickname: 'Zwei' }, { attendeeId: 'u3', nickname: 'Drei' }];
    expect(leaderboardEntries(quizStandings(review, players, kept), 10)).toEqual([
      { rank: 1, nickname: 'Zwei', score: 900, correct: 1 },
      { rank: 2, nickname: 'Drei', score: 0, correct: 0 },
    ]);
  });
});
