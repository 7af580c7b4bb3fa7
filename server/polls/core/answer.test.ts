import { describe, expect, it } from 'vitest';
import { thrownCode as code } from '../../testing/thrown-code.js';
import { acceptsAnswers, validateAnswer } from './answer.js';
import { T0, at, defs, openPoll, poll } from './test-fixtures.js';

const ok = { hasAnswered: false, now: at(5) };

describe('validateAnswer', () => {
  it('accepts a valid answer of every type and normalises words and text', () => {
    expect(validateAnswer(openPoll(defs.single), { type: 'single', optionId: 'b' }, ok)).toEqual({ type: 'single', optionId: 'b' });
    expect(validateAnswer(openPoll(defs.multiple), { type: 'multiple', optionIds: ['a', 'd'] }, ok)).toMatchObject({ optionIds: ['a', 'd'] });
    expect(validateAnswer(openPoll(defs.rating), { type: 'rating', value: 5 }, ok)).toMatchObject({ value: 5 });
    expect(validateAnswer(openPoll(defs.wordcloud), { type: 'wordcloud', words: [' „KI!“ ', 'Zukunft der  Arbeit'] }, ok)).toEqual({
      type: 'wordcloud', words: ['KI', 'Zukunft der Arbeit'],
    });
    expect(validateAnswer(openPoll(defs.open), { type: 'open', text: '  Danke  ' }, ok)).toEqual({ type: 'open', text: 'Danke' });
    expect(validateAnswer(openPoll(defs.ranking), { type: 'ranking', order: ['z', 'x', 'y'] }, ok)).toMatchObject({ order: ['z', 'x', 'y'] });
  });

  it('refuses unknown, draft and closed polls, and a poll whose timer ran out', () => {
    expect(code(() => validateAnswer(undefined, { type: 'single', optionId: 'a' }, ok))).toBe('not_found');
    expect(code(() => validateAnswer(poll(defs.single), { type: 'single', optionId: 'a' }, ok))).toBe('not_found');
    expect(code(() => validateAnswer(openPoll(defs.single, { status: 'closed' }), { type: 'single', optionId: 'a' }, ok))).toBe('poll_closed');
    const timed = openPoll(defs.single, { closesAt: at(30).toISOString() });
    expect(acceptsAnswers(timed, at(29))).toBe(true);
    expect(acceptsAnswers(timed, at(30))).toBe(false);
    expect(code(() => validateAnswer(timed, { type: 'single', optionId: 'a' }, { ...ok, now: at(31) }))).toBe('poll_closed');
  });

  it('refuses options that do not exist and too many selections', () => {
    expect(code(() => validateAnswer(openPoll(defs.single), { type: 'single', optionId: 'zz' }, ok))).toBe('unknown_option');
    expect(code(() => validateAnswer(openPoll(defs.multiple), { type: 'multiple', optionIds: ['a', 'zz'] }, ok))).toBe('unknown_option');
    expect(code(() => validateAnswer(openPoll(defs.multiple), { type: 'multiple', optionIds: ['a', 'b', 'c'] }, ok))).toBe('too_many_selections');
    expect(code(() => validateAnswer(openPoll(defs.multiple), { type: 'multiple', optionIds: ['a', 'a'] }, ok))).toBe('invalid_payload');
    expect(code(() => validateAnswer(openPoll(defs.wordcloud, {}), { type: 'wordcloud', words: ['a'] }, ok))).toBeUndefined();
  });

  it('refuses answers of another type and ratings outside the scale', () => {
    expect(code(() => validateAnswer(openPoll(defs.single), { type: 'rating', value: 3 }, ok))).toBe('invalid_payload');
    expect(code(() => validateAnswer(openPoll(defs.rating), { type: 'rating', value: 6 }, ok))).toBe('invalid_payload');
    expect(code(() => validateAnswer(openPoll(defs.rating10), { type: 'rating', value: 10 }, ok))).toBeUndefined();
    expect(code(() => validateAnswer(openPoll(defs.quiz), { type: 'single', optionId: 'a' }, ok))).toBe('invalid_payload');
  });

  it('refuses empty and over-long words and texts, and too many words', () => {
    const wc = openPoll({ ...defs.wordcloud, maxWords: 2 });
    expect(code(() => validateAnswer(wc, { type: 'wordcloud', words: ['ok', ' ... '] }, ok))).toBe('empty_answer');
    expect(code(() => validateAnswer(wc, { type: 'wordcloud', words: ['x'.repeat(41)] }, ok))).toBe('too_long');
    expect(code(() => validateAnswer(wc, { type: 'wordcloud', words: ['x'.repeat(40)] }, ok))).toBeUndefined();
    expect(code(() => validateAnswer(wc, { type: 'wordcloud', words: ['a', 'b', 'c'] }, ok))).toBe('too_many_selections');
    expect(code(() => validateAnswer(openPoll(defs.open), { type: 'open', text: '   ' }, ok))).toBe('empty_answer');
    expect(code(() => validateAnswer(openPoll(defs.open), { type: 'open', text: 'x'.repeat(301) }, ok))).toBe('too_long');
    expect(code(() => validateAnswer(openPoll(defs.open), { type: 'open', text: ` ${'x'.repeat(300)} ` }, ok))).toBeUndefined();
  });

  it('refuses a ranking that is not a permutation of the items', () => {
    const r = openPoll(defs.ranking);
    expect(code(() => validateAnswer(r, { type: 'ranking', order: ['x', 'y'] }, ok))).toBe('not_a_ranking');
    expect(code(() => validateAnswer(r, { type: 'ranking', order: ['x', 'y', 'y'] }, ok))).toBe('not_a_ranking');
    expect(code(() => validateAnswer(r, { type: 'ranking', order: ['x', 'y', 'z', 'x'] }, ok))).toBe('not_a_ranking');
    expect(code(() => validateAnswer(r, { type: 'ranking', order: ['x', 'y', 'w'] }, ok))).toBe('unknown_option');
  });

  it('one answer per person unless changing is allowed', () => {
    const again = { hasAnswered: true, now: at(5) };
    expect(code(() => validateAnswer(openPoll(defs.single), { type: 'single', optionId: 'a' }, again))).toBe('already_answered');
    expect(code(() => validateAnswer(openPoll(defs.single, { settings: { allowChange: true } }), { type: 'single', optionId: 'a' }, again))).toBeUndefined();
    expect(T0).toBeInstanceOf(Date);
  });
});
