import { describe, expect, it } from 'vitest';
import { PollDefinition, type AnswerPayload, type OpenEntryState } from '../../../shared/polls/schemas.js';
import { applyAnswer, applyQuizAnswer, emptyTally, recomputeTally, tallyResults, type AnswerState } from './tally.js';
import { defs, noBlocked } from './test-fixtures.js';

const ctx = { isBlocked: noBlocked };
const d = (x: unknown) => PollDefinition.parse(x);

describe('tallies', () => {
  it('single and multiple choice: counts per option, responses per person', () => {
    const t = emptyTally(d(defs.multiple));
    applyAnswer(t, null, { answer: { type: 'multiple', optionIds: ['a', 'b'] } }, ctx);
    applyAnswer(t, null, { answer: { type: 'multiple', optionIds: ['a'] } }, ctx);
    expect(tallyResults(t)).toEqual({ kind: 'choice', counts: { a: 2, b: 1, c: 0, d: 0 } });
    expect(t.responses).toBe(2);
    // replace: b → c
    applyAnswer(t, { answer: { type: 'multiple', optionIds: ['a', 'b'] } }, { answer: { type: 'multiple', optionIds: ['c'] } }, ctx);
    expect(tallyResults(t)).toEqual({ kind: 'choice', counts: { a: 1, b: 0, c: 1, d: 0 } });
    expect(t.responses).toBe(2);
    applyAnswer(t, { answer: { type: 'multiple', optionIds: ['a'] } }, null, ctx);
    expect(t.responses).toBe(1);
    expect(tallyResults(t)).toEqual({ kind: 'choice', counts: { a: 0, b: 0, c: 1, d: 0 } });
  });

  it('rating: distribution and mean (two decimals, null when empty)', () => {
    const t = emptyTally(d(defs.rating));
    expect(tallyResults(t)).toEqual({ kind: 'rating', distribution: [0, 0, 0, 0, 0], mean: null });
    for (const value of [5, 4, 4, 1]) applyAnswer(t, null, { answer: { type: 'rating', value } }, ctx);
    expect(tallyResults(t)).toEqual({ kind: 'rating', distribution: [1, 0, 0, 2, 1], mean: 3.5 });
    applyAnswer(t, null, { answer: { type: 'rating', value: 2 } }, ctx);
    expect(tallyResults(t)).toMatchObject({ mean: 3.2 });
    const ten = emptyTally(d(defs.rating10));
    for (const value of [10, 9, 9]) applyAnswer(ten, null, { answer: { type: 'rating', value } }, ctx);
    expect(tallyResults(ten)).toMatchObject({ mean: 9.33 });
  });

  it('word cloud: grouped case-insensitively, punctuation stripped, stop and blocked words left out, once per person', () => {
    const t = emptyTally(d(defs.wordcloud));
    const blocked = { isBlocked: (w: string) => w.toLowerCase() === 'mist' };
    const add = (...words: string[]) => applyAnswer(t, null, { answer: { type: 'wordcloud', words } }, blocked);
    add('KI', 'ki!', 'Zukunft');
    add('ki', 'und', 'Mist');
    add('„KI“', 'the', 'C++');
    expect(tallyResults(t)).toEqual({
      kind: 'words',
      words: [{ text: 'KI', count: 3 }, { text: 'C++', count: 1 }, { text: 'Zukunft', count: 1 }],
      total: 5,
    });
    expect(t.responses).toBe(3);
  });

  it('word cloud: the shown spelling is the most frequent one, independent of arrival order', () => {
    const t = emptyTally(d(defs.wordcloud));
    for (const w of ['ki', 'KI', 'KI', 'Ki']) applyAnswer(t, null, { answer: { type: 'wordcloud', words: [w] } }, ctx);
    expect(tallyResults(t)).toMatchObject({ words: [{ text: 'KI', count: 4 }] });
  });

  it('open text: approved and pending counts follow the review state', () => {
    const t = emptyTally(d(defs.open));
    const a: AnswerState = { answer: { type: 'open', text: 'Danke' }, openState: 'pending' };
    applyAnswer(t, null, a, ctx);
    expect(tallyResults(t)).toEqual({ kind: 'open', approved: 0, pending: 1 });
    applyAnswer(t, a, { ...a, openState: 'approved' }, ctx);
    expect(tallyResults(t)).toEqual({ kind: 'open', approved: 1, pending: 0 });
    applyAnswer(t, { ...a, openState: 'approved' }, { ...a, openState: 'rejected' }, ctx);
    expect(tallyResults(t)).toEqual({ kind: 'open', approved: 0, pending: 0 });
    expect(t.responses).toBe(1);
  });

  it('ranking: Borda points (n−1 for first … 0 for last)', () => {
    const t = emptyTally(d(defs.ranking));
    applyAnswer(t, null, { answer: { type: 'ranking', order: ['x', 'y', 'z'] } }, ctx);
    applyAnswer(t, null, { answer: { type: 'ranking', order: ['y', 'x', 'z'] } }, ctx);
    applyAnswer(t, null, { answer: { type: 'ranking', order: ['y', 'z', 'x'] } }, ctx);
    expect(tallyResults(t)).toEqual({ kind: 'ranking', scores: { x: 3, y: 5, z: 1 } });
    expect(t.responses).toBe(3);
  });

  it('quiz: per question counts, answered and correct', () => {
    const t = emptyTally(d(defs.quiz));
    applyQuizAnswer(t, { questionId: 'q1', optionIds: ['b'], correct: true });
    applyQuizAnswer(t, { questionId: 'q1', optionIds: ['a'], correct: false });
    applyQuizAnswer(t, { questionId: 'q2', optionIds: ['a', 'c'], correct: true });
    expect(tallyResults(t)).toEqual({
      kind: 'quiz',
      questions: [
        { questionId: 'q1', counts: { a: 1, b: 1 }, answered: 2, correct: 1 },
        { questionId: 'q2', counts: { a: 1, b: 0, c: 1 }, answered: 1, correct: 1 },
      ],
    });
  });
});

// ---- property: incremental add / replace / remove equals a full recount ----

/** Small deterministic PRNG (mulberry32), so a failure can be replayed from its seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['KI', 'ki', 'Ki!', 'Cloud', 'cloud', 'und', 'the', 'Mist', 'Daten', ' Zukunft ', 'C#'];
const STATES: OpenEntryState[] = ['pending', 'approved', 'rejected'];

function randomAnswer(type: string, r: () => number): AnswerState {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const shuffle = <T,>(xs: readonly T[]) => [...xs].map((x) => [r(), x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
  let answer: AnswerPayload;
  switch (type) {
    case 'single':
      answer = { type: 'single', optionId: pick(['a', 'b', 'c']) };
      break;
    case 'multiple':
      answer = { type: 'multiple', optionIds: shuffle(['a', 'b', 'c', 'd']).slice(0, 1 + Math.floor(r() * 2)) };
      break;
    case 'rating':
      answer = { type: 'rating', value: 1 + Math.floor(r() * 5) };
      break;
    case 'wordcloud':
      answer = { type: 'wordcloud', words: Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(WORDS)) };
      break;
    case 'open':
      answer = { type: 'open', text: 'x' };
      break;
    default:
      answer = { type: 'ranking', order: shuffle(['x', 'y', 'z']) };
  }
  return { answer, openState: type === 'open' ? pick(STATES) : null };
}

describe('incremental tallies equal a full recount (property)', () => {
  for (const type of ['single', 'multiple', 'rating', 'wordcloud', 'open', 'ranking'] as const) {
    it(`${type}: 200 random runs of add/replace/remove`, () => {
      const def = d(defs[type]);
      const ctxB = { isBlocked: (w: string) => w.toLowerCase() === 'mist' };
      for (let seed = 1; seed <= 200; seed++) {
        const r = rng(seed);
        const tally = emptyTally(def);
        const current = new Map<number, AnswerState>();
        for (let step = 0; step < 40; step++) {
          const who = Math.floor(r() * 8);
          const prev = current.get(who) ?? null;
          const roll = r();
          const next = prev && roll < 0.25 ? null : randomAnswer(type, r);
          applyAnswer(tally, prev, next, ctxB);
          if (next) current.set(who, next);
          else current.delete(who);
        }
        const fresh = recomputeTally(def, [...current.values()].map((a) => ({ answer: a.answer, openState: a.openState ?? null })), ctxB);
        expect(tallyResults(tally), `seed ${seed}`).toEqual(tallyResults(fresh));
        expect(tally.responses, `seed ${seed}`).toBe(current.size);
      }
    });
  }
});
