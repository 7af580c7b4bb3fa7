import { describe, expect, it } from 'vitest';
import { DEFAULT_BLOCKED_WORDS } from '../../../shared/qa/blocked-words-defaults.js';
import { findBlockedWords, tokenize } from './blocked-words.js';

describe('blocked words', () => {
  it('matches whole words case-insensitively and reports the list entry', () => {
    expect(findBlockedWords('Du bist ein PENNER!', ['penner'])).toEqual(['penner']);
    expect(findBlockedWords('Pennerin? Nein.', ['penner'])).toEqual([]);
    expect(findBlockedWords('Ignazio fragt', ['nazi'])).toEqual([]);
  });

  it('folds umlauts, ß and accents both ways', () => {
    expect(findBlockedWords('Das ist Scheisse', ['scheiße'])).toEqual(['scheiße']);
    expect(findBlockedWords('Das ist SCHEIẞE', ['scheisse'])).toEqual(['scheisse']);
    expect(findBlockedWords('Mißgeburt', ['missgeburt'])).toEqual(['missgeburt']);
    expect(findBlockedWords('blöder Hund', ['bloeder hund'])).toEqual(['bloeder hund']);
    expect(findBlockedWords('bloeder Hund', ['blöder hund'])).toEqual(['blöder hund']);
  });

  it('sees through simple leetspeak but leaves numbers alone', () => {
    expect(findBlockedWords('this is sh1t', ['shit'])).toEqual(['shit']);
    expect(findBlockedWords('you $lut', ['slut'])).toEqual(['slut']);
    expect(findBlockedWords('b1tch', ['bitch'])).toEqual(['bitch']);
    expect(tokenize('Version 1337 in 2024')).toEqual(['version', '1337', 'in', '2024']);
  });

  it('supports prefix entries and phrases', () => {
    expect(findBlockedWords('So ein Idiotenverein', ['idiot*'])).toEqual(['idiot*']);
    expect(findBlockedWords('So ein Idiotenverein', ['idiot'])).toEqual([]);
    expect(findBlockedWords('Du dumme, dumme Kuh', ['dumme kuh'])).toEqual(['dumme kuh']);
    expect(findBlockedWords('Kuh dumme', ['dumme kuh'])).toEqual([]);
  });

  it('reports each matched entry once, in list order, and ignores empty entries', () => {
    expect(findBlockedWords('shit fuck shit', ['fuck', 'shit', 'SHIT', ' ', '*'])).toEqual(['fuck', 'shit']);
    expect(findBlockedWords('', ['shit'])).toEqual([]);
    expect(findBlockedWords('anything', [])).toEqual([]);
  });

  it('the default list flags German and English insults and spares ordinary questions', () => {
    expect(findBlockedWords('Warum ist der Vortrag so scheiße?', DEFAULT_BLOCKED_WORDS)).toEqual(['scheiße', 'scheisse']);
    expect(findBlockedWords('What the fuck?', DEFAULT_BLOCKED_WORDS)).toEqual(['fuck']);
    expect(findBlockedWords('Wie skaliert die Architektur bei 10.000 Teilnehmenden?', DEFAULT_BLOCKED_WORDS)).toEqual([]);
    expect(findBlockedWords('Can you pass the assessment in Scunthorpe?', DEFAULT_BLOCKED_WORDS)).toEqual([]);
  });
});
