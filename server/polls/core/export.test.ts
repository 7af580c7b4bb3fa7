import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { closePoll, openPoll } from './lifecycle.js';
import { answerText, defuse, leaderboardCsv, pollsCsv, pollsJson, POLLS_CSV_COLUMNS } from './export.js';
import { rankPlayers } from './leaderboard.js';
import { applyAnswer, recomputeTally, tallyResults } from './tally.js';
import { T0, at, defs, noBlocked, poll, type PollOverrides } from './test-fixtures.js';
import type { AnswerRecord } from './types.js';

const ctx = { isBlocked: noBlocked };

function exportOf(def: Parameters<typeof poll>[0], answers: AnswerRecord[], settings: PollOverrides['settings'] = {}) {
  const p = closePoll(openPoll(poll(def, { settings }), T0), at(60));
  const tally = recomputeTally(p.definition, answers, ctx);
  return { poll: p, results: tallyResults(tally), responses: tally.responses, answers };
}

const ans = (attendeeId: string, name: string | null, answer: AnswerRecord['answer'], s: number): AnswerRecord => ({
  pollId: 'p1', attendeeId, name, answer, answeredAt: at(s).toISOString(), openState: null,
});

describe('poll export', () => {
  it('CSV: result rows with counts and percent, answer rows with time; names only for named polls; formulas defused', () => {
    const answers = [ans('u1', 'Ada', { type: 'single', optionId: 'a' }, 5), ans('u2', '=cmd()', { type: 'single', optionId: 'b' }, 3)];
    const anon = parse(pollsCsv([exportOf(defs.single, answers)]).slice(1), { columns: true }) as Record<string, string>[];
    expect(Object.keys(anon[0]!)).toEqual([...POLLS_CSV_COLUMNS]);
    expect(anon.filter((r) => r.row === 'result').map((r) => [r.item, r.count, r.percent])).toEqual([['Rot', '1', '50.0'], ['Grün', '1', '50.0'], ['Blau', '0', '0.0']]);
    expect(anon.filter((r) => r.row === 'answer').map((r) => [r.respondent, r.answer, r.answered_at])).toEqual([
      ['', 'Grün', at(3).toISOString()], ['', 'Rot', at(5).toISOString()],
    ]);
    const named = parse(pollsCsv([exportOf(defs.single, answers, { identity: 'named' })]).slice(1), { columns: true }) as Record<string, string>[];
    expect(named.filter((r) => r.row === 'answer').map((r) => r.respondent)).toEqual(["'=cmd()", 'Ada']);
  });

  it('CSV of a quiz: per question with the correct option marked, answer rows with nickname, points and verdict', () => {
    const p = closePoll(openPoll(poll(defs.quiz), T0), at(60));
    const quizAnswers = [{ pollId: 'p1', attendeeId: 'u1', questionId: 'q1', optionIds: ['b'], correct: true, points: 900, answeredAt: at(3).toISOString() }];
    const tally = recomputeTally(p.definition, [], ctx, quizAnswers);
    const rows = parse(pollsCsv([{ poll: p, results: tallyResults(tally), responses: 1, answers: [], quizAnswers, players: [{ attendeeId: 'u1', nickname: 'Ada' }] }]).slice(1), { columns: true }) as Record<string, string>[];
    expect(rows.filter((r) => r.row === 'result').slice(0, 3).map((r) => [r.item, r.count, r.score])).toEqual([['Frankreich?', '1', '1'], ['[ ] Berlin', '0', ''], ['[x] Paris', '1', '']]);
    expect(rows.filter((r) => r.row === 'answer').map((r) => [r.respondent, r.item, r.answer, r.score, r.state])).toEqual([['Ada', 'Frankreich?', 'Paris', '900', 'correct']]);
  });

  it('CSV starts with a BOM and uses CRLF', () => {
    const csv = pollsCsv([exportOf(defs.rating, [ans('u1', null, { type: 'rating', value: 4 }, 1)])]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    expect(csv).toContain('mean');
  });

  it('readable answers for every type', () => {
    const d = poll(defs.ranking).definition;
    expect(answerText(d, { type: 'ranking', order: ['z', 'x', 'y'] })).toBe('1. Tempo; 2. Preis; 3. Qualität');
    expect(answerText(poll(defs.quiz).definition, { type: 'quiz', questionId: 'q2', optionIds: ['a', 'c'] })).toBe('Kiel; Rostock');
    expect(answerText(poll(defs.wordcloud).definition, { type: 'wordcloud', words: ['KI', 'Cloud'] })).toBe('KI; Cloud');
    expect(defuse('+49 123')).toBe("'+49 123");
    expect(defuse('Hallo')).toBe('Hallo');
  });

  it('JSON: structured, names only when named', () => {
    const answers = [ans('u1', 'Ada', { type: 'open', text: 'Danke' }, 1)];
    answers[0]!.openState = 'approved';
    const anon = pollsJson({ id: 'e1', code: '123456', title: 'T' }, [exportOf(defs.open, answers)], at(100));
    expect(anon.polls[0]!.answers[0]).toEqual({ answeredAt: at(1).toISOString(), answer: { type: 'open', text: 'Danke' }, text: 'Danke', state: 'approved' });
    const named = pollsJson({ id: 'e1', code: '123456', title: 'T' }, [exportOf(defs.open, answers, { identity: 'named' })], at(100));
    expect(named.polls[0]!.answers[0]).toMatchObject({ name: 'Ada' });
    expect(named.exportedAt).toBe(at(100).toISOString());
  });

  it('leaderboard CSV with shared ranks', () => {
    const csv = leaderboardCsv(rankPlayers([
      { attendeeId: 'a', nickname: '@Ada', score: 900, correct: 1 },
      { attendeeId: 'b', nickname: 'Ben', score: 900, correct: 1 },
      { attendeeId: 'c', nickname: 'Cem', score: 0, correct: 0 },
    ]));
    expect(parse(csv.slice(1))).toEqual([['rank', 'nickname', 'score', 'correct_answers'], ['1', "'@Ada", '900', '1'], ['1', 'Ben', '900', '1'], ['3', 'Cem', '0', '0']]);
  });

  it('tallies applied one by one export the same as a recount', () => {
    const p = poll(defs.ranking);
    const t = recomputeTally(p.definition, [], ctx);
    applyAnswer(t, null, { answer: { type: 'ranking', order: ['y', 'x', 'z'] } }, ctx);
    expect(tallyResults(t)).toEqual({ kind: 'ranking', scores: { x: 1, y: 2, z: 0 } });
  });
});
