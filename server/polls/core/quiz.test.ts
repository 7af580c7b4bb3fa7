import { describe, expect, it } from 'vitest';
import { thrownCode as code } from '../../testing/thrown-code.js';
import { leaderboardEntries, rankPlayers } from './leaderboard.js';
import { closePoll, openPoll as open } from './lifecycle.js';
import { checkNickname, myQuizView, expireQuizQuestion, isCorrect, quizEndQuestion, quizNext, quizPoints, quizStandings, validateQuizAnswer } from './quiz.js';
import { T0, at, defs, poll } from './test-fixtures.js';
import type { QuizAnswerRecord } from './types.js';

describe('quiz scoring: round(1000 × (1 − elapsed/limit/2)) for a correct answer', () => {
  it('gives 1000 at once, 750 at half time, 500 at the end, 0 when wrong', () => {
    expect(quizPoints(true, 0, 20)).toBe(1000);
    expect(quizPoints(true, 10_000, 20)).toBe(750);
    expect(quizPoints(true, 20_000, 20)).toBe(500);
    expect(quizPoints(true, 25_000, 20)).toBe(500); // within the grace: clamped
    expect(quizPoints(true, -50, 20)).toBe(1000);
    expect(quizPoints(true, 3_000, 20)).toBe(925);
    expect(quizPoints(false, 0, 20)).toBe(0);
  });

  it('multiple choice is right only with exactly the correct set', () => {
    const q = { correct: ['a', 'c'] };
    expect(isCorrect(q, ['c', 'a'])).toBe(true);
    expect(isCorrect(q, ['a'])).toBe(false);
    expect(isCorrect(q, ['a', 'b', 'c'])).toBe(false);
  });
});

describe('quiz run', () => {
  const opened = open(poll(defs.quiz), T0);

  it('lobby → question 1 → review → question 2 → review → finished (closed)', () => {
    expect(opened.quiz).toEqual({ phase: 'lobby', index: -1, questionStartedAt: null, questionEndsAt: null });
    const q1 = quizNext(opened, at(10));
    expect(q1.quiz).toEqual({ phase: 'question', index: 0, questionStartedAt: at(10).toISOString(), questionEndsAt: at(30).toISOString() });
    expect(code(() => quizNext(q1, at(11)))).toBe('invalid_state');
    const r1 = quizEndQuestion(q1, at(15));
    expect(r1.quiz).toMatchObject({ phase: 'review', index: 0, questionEndsAt: at(15).toISOString() });
    const q2 = quizNext(r1, at(40));
    expect(q2.quiz).toMatchObject({ phase: 'question', index: 1, questionEndsAt: at(70).toISOString() });
    const r2 = expireQuizQuestion(q2, at(71));
    expect(r2.quiz?.phase).toBe('review');
    expect(expireQuizQuestion(q2, at(70.2))).toBe(q2); // grace not over yet
    const done = quizNext(r2, at(80));
    expect(done.status).toBe('closed');
    expect(done.quiz?.phase).toBe('finished');
    expect(code(() => quizNext(done, at(81)))).toBe('invalid_state');
  });

  it('closing a quiz mid-question finishes it', () => {
    const closed = closePoll(quizNext(opened, at(10)), at(12));
    expect(closed.quiz).toMatchObject({ phase: 'finished', questionEndsAt: at(12).toISOString() });
  });

  it('scores answers by speed and refuses late, repeated, unknown and nickname-less ones', () => {
    const q1 = quizNext(opened, at(10));
    const base = { nickname: 'Ada', alreadyAnswered: false };
    const a = validateQuizAnswer(q1, { attendeeId: 'u1', questionId: 'q1', optionIds: ['b'] }, { ...base, now: at(15) });
    expect(a).toMatchObject({ correct: true, points: 875, questionId: 'q1' });
    expect(validateQuizAnswer(q1, { attendeeId: 'u2', questionId: 'q1', optionIds: ['a'] }, { ...base, now: at(11) })).toMatchObject({ correct: false, points: 0 });
    // within the 500 ms grace after the end: still counts, as the slowest correct answer
    expect(validateQuizAnswer(q1, { attendeeId: 'u3', questionId: 'q1', optionIds: ['b'] }, { ...base, now: new Date(at(30).getTime() + 400) })).toMatchObject({ points: 500 });
    expect(code(() => validateQuizAnswer(q1, { attendeeId: 'u3', questionId: 'q1', optionIds: ['b'] }, { ...base, now: at(31) }))).toBe('time_up');
    expect(code(() => validateQuizAnswer(quizEndQuestion(q1, at(12)), { attendeeId: 'u3', questionId: 'q1', optionIds: ['b'] }, { ...base, now: at(12) }))).toBe('time_up');
    expect(code(() => validateQuizAnswer(q1, { attendeeId: 'u1', questionId: 'q1', optionIds: ['b'] }, { ...base, alreadyAnswered: true, now: at(12) }))).toBe('already_answered');
    expect(code(() => validateQuizAnswer(q1, { attendeeId: 'u1', questionId: 'q1', optionIds: ['b'] }, { ...base, nickname: null, now: at(12) }))).toBe('nickname_required');
    expect(code(() => validateQuizAnswer(q1, { attendeeId: 'u1', questionId: 'q1', optionIds: ['z'] }, { ...base, now: at(12) }))).toBe('unknown_option');
    expect(code(() => validateQuizAnswer(q1, { attendeeId: 'u1', questionId: 'q9', optionIds: ['a'] }, { ...base, now: at(12) }))).toBe('unknown_option');
    expect(code(() => validateQuizAnswer(q1, { attendeeId: 'u1', questionId: 'q2', optionIds: ['a'] }, { ...base, now: at(12) }))).toBe('invalid_state');
    expect(code(() => validateQuizAnswer(q1, { attendeeId: 'u1', questionId: 'q1', optionIds: ['a', 'b'] }, { ...base, now: at(12) }))).toBe('too_many_selections');
    expect(code(() => validateQuizAnswer(opened, { attendeeId: 'u1', questionId: 'q1', optionIds: ['a'] }, { ...base, now: at(12) }))).toBe('invalid_state');
    expect(code(() => validateQuizAnswer(poll(defs.quiz), { attendeeId: 'u1', questionId: 'q1', optionIds: ['a'] }, { ...base, now: at(12) }))).toBe('not_found');
    expect(code(() => validateQuizAnswer(closePoll(q1, at(13)), { attendeeId: 'u1', questionId: 'q1', optionIds: ['a'] }, { ...base, now: at(14) }))).toBe('poll_closed');
  });

  it('nicknames are trimmed and unique per quiz, case-insensitively', () => {
    expect(checkNickname('  Ada   L. ', [], 'u1')).toBe('Ada L.');
    expect(code(() => checkNickname('ada', [{ attendeeId: 'u2', nickname: 'Ada' }], 'u1'))).toBe('nickname_taken');
    expect(checkNickname('ada', [{ attendeeId: 'u1', nickname: 'Ada' }], 'u1')).toBe('ada');
  });

  it('standings count only questions already reviewed', () => {
    const q1 = quizNext(opened, at(10));
    const answers: QuizAnswerRecord[] = [
      { pollId: 'p1', attendeeId: 'u1', questionId: 'q1', optionIds: ['b'], correct: true, points: 900, answeredAt: at(12).toISOString() },
      { pollId: 'p1', attendeeId: 'u2', questionId: 'q1', optionIds: ['b'], correct: true, points: 900, answeredAt: at(12).toISOString() },
      { pollId: 'p1', attendeeId: 'u3', questionId: 'q1', optionIds: ['a'], correct: false, points: 0, answeredAt: at(12).toISOString() },
    ];
    const players = [{ attendeeId: 'u1', nickname: 'Bea' }, { attendeeId: 'u2', nickname: 'Ada' }, { attendeeId: 'u3', nickname: 'Cem' }];
    expect(quizStandings(q1, players, answers).every((p) => p.score === 0)).toBe(true);
    const review = quizEndQuestion(q1, at(20));
    expect(quizStandings(review, players, answers).map((p) => [p.rank, p.nickname, p.score, p.correct])).toEqual([
      [1, 'Ada', 900, 1], [1, 'Bea', 900, 1], [3, 'Cem', 0, 0],
    ]);
  });
});

describe('own quiz state', () => {
  it('hides correctness and points of the running question, shows them after its review', () => {
    const q1 = quizNext(open(poll(defs.quiz), T0), at(10));
    const answers: QuizAnswerRecord[] = [
      { pollId: 'p1', attendeeId: 'u1', questionId: 'q1', optionIds: ['b'], correct: true, points: 900, answeredAt: at(12).toISOString() },
      { pollId: 'p1', attendeeId: 'u2', questionId: 'q1', optionIds: ['a'], correct: false, points: 0, answeredAt: at(12).toISOString() },
    ];
    const players = [{ attendeeId: 'u1', nickname: 'Ada' }, { attendeeId: 'u2', nickname: 'Ben' }];
    const running = myQuizView(q1, 'u1', 'Ada', answers, quizStandings(q1, players, answers));
    expect(running).toEqual({
      pollId: 'p1', nickname: 'Ada', score: 0, rank: null,
      answers: [{ questionId: 'q1', optionIds: ['b'], correct: null, points: 0, answeredAt: at(12).toISOString() }],
    });
    const review = quizEndQuestion(q1, at(20));
    expect(myQuizView(review, 'u1', 'Ada', answers, quizStandings(review, players, answers))).toMatchObject({
      score: 900, rank: 1, answers: [{ correct: true, points: 900 }],
    });
    expect(myQuizView(review, 'u2', 'Ben', answers, quizStandings(review, players, answers))).toMatchObject({ score: 0, rank: 2, answers: [{ correct: false }] });
  });
});

describe('leaderboard', () => {
  it('shares ranks on ties (1, 1, 3) and keeps ties at the cut', () => {
    const ranked = rankPlayers([
      { attendeeId: 'a', nickname: 'Zoe', score: 500, correct: 1 },
      { attendeeId: 'b', nickname: 'Ada', score: 1500, correct: 2 },
      { attendeeId: 'c', nickname: 'Max', score: 1500, correct: 2 },
      { attendeeId: 'd', nickname: 'Ben', score: 500, correct: 1 },
      { attendeeId: 'e', nickname: 'Eva', score: 0, correct: 0 },
    ]);
    expect(ranked.map((p) => `${p.rank} ${p.nickname}`)).toEqual(['1 Ada', '1 Max', '3 Ben', '3 Zoe', '5 Eva']);
    expect(leaderboardEntries(ranked, 3).map((e) => e.nickname)).toEqual(['Ada', 'Max', 'Ben', 'Zoe']);
    expect(leaderboardEntries(ranked, 1)[0]).toEqual({ rank: 1, nickname: 'Ada', score: 1500, correct: 2 });
    expect(rankPlayers([])).toEqual([]);
  });
});
