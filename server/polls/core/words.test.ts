import { describe, expect, it } from 'vitest';
import { bordaScores, rankItems } from './borda.js';
import { reviewEntries, initialOpenState } from './open-text.js';
import { ratingDistribution, ratingMean } from './rating.js';
import { cleanWord, countedWords, isStopPhrase } from './words.js';

describe('word normalisation', () => {
  it('strips surrounding whitespace and punctuation, keeps symbols that belong to a word', () => {
    expect(cleanWord('  „KI!“ ')).toBe('KI');
    expect(cleanWord('...Zukunft   der\tArbeit?!')).toBe('Zukunft der Arbeit');
    expect(cleanWord('C#')).toBe('C#');
    expect(cleanWord('C++')).toBe('C++');
    expect(cleanWord('(100%)')).toBe('100%');
    expect(cleanWord(' -- ')).toBe('');
  });

  it('leaves out German and English stop words and blocked words, counts one per group', () => {
    expect(isStopPhrase('und')).toBe(true);
    expect(isStopPhrase('das ist')).toBe(true);
    expect(isStopPhrase('the')).toBe(true);
    expect(isStopPhrase('zukunft der arbeit')).toBe(false);
    const blocked = (w: string) => /mist/i.test(w);
    expect(countedWords(['KI', 'ki.', 'und', 'Mist', 'Daten'], blocked)).toEqual([{ key: 'ki', display: 'KI' }, { key: 'daten', display: 'Daten' }]);
  });
});

describe('rating', () => {
  it('distribution and mean', () => {
    expect(ratingDistribution([1, 5, 5, 3], 5)).toEqual([1, 0, 1, 0, 2]);
    expect(ratingMean([1, 0, 1, 0, 2])).toBe(3.5);
    expect(ratingMean([0, 0, 0])).toBeNull();
    expect(ratingMean([1, 1, 1])).toBe(2);
    expect(ratingMean([0, 1, 2])).toBe(2.67);
  });
});

describe('Borda count', () => {
  it('n−1 points for first place down to 0, ties keep item order', () => {
    const items = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
    const scores = bordaScores(['a', 'b', 'c', 'd'], [['a', 'b', 'c', 'd'], ['b', 'a', 'd', 'c'], ['c', 'b', 'a', 'd']]);
    expect(scores).toEqual({ a: 6, b: 7, c: 4, d: 1 });
    expect(rankItems(items, scores).map((i) => i.id)).toEqual(['b', 'a', 'c', 'd']);
    expect(rankItems(items, { a: 1, b: 1, c: 1, d: 1 }).map((i) => i.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(bordaScores(['a', 'b'], [])).toEqual({ a: 0, b: 0 });
  });
});

describe('open-text review', () => {
  it('pending with review or a blocked word, approved otherwise; review skips unknown and unchanged', () => {
    expect(initialOpenState(true, 'x', () => false)).toBe('pending');
    expect(initialOpenState(false, 'x', () => false)).toBe('approved');
    expect(initialOpenState(false, 'Mist', () => true)).toBe('pending');
    const entries = [{ id: 'e1', openState: 'pending' as const }, { id: 'e2', openState: 'approved' as const }];
    expect(reviewEntries(entries, ['e1', 'e2', 'e9', 'e1'], 'approve')).toEqual({ changed: [{ id: 'e1', openState: 'approved' }], skipped: ['e2', 'e9'] });
  });
});
