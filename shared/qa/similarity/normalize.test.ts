import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.js';
import { boundedEditDistance } from './edit-distance.js';
import { foldDiacritics, normalizeText, surfaceForm, toUmlautForm } from './normalize.js';
import { stemKeys } from './stem.js';
import { isStopWord } from './stopwords.js';

const surfaces = (text: string): string[] => analyze(text).terms.map((t) => t.surface);

describe('normalisation', () => {
  it('lower-cases, drops punctuation, keeps digits and letters of every script', () => {
    expect(normalizeText('  WANN geht’s weiter?!  (Raum 2.14) ')).toBe('wann gehts weiter raum 2 14');
    expect(normalizeText('Café — crème brûlée…')).toBe('café crème brûlée');
  });

  it('folds ß and umlauts both ways: "ue" and "ü" meet, not "ue" after q', () => {
    expect(normalizeText('Größe')).toBe('grösse');
    expect(surfaceForm('grösse')).toBe(surfaceForm('groesse'));
    expect(surfaceForm('für')).toBe(surfaceForm('fuer'));
    expect(surfaceForm('fördermittel')).toBe('fordermittel');
    expect(toUmlautForm('quelle')).toBe('quelle');
    expect(toUmlautForm('question')).toBe('question');
    expect(foldDiacritics('häuser café')).toBe('hauser cafe');
  });

  it('splits hyphenated words into parts that also carry the joined word', () => {
    const a = analyze('Ist das DSGVO-konform?');
    expect(a.terms.map((t) => t.surface)).toEqual(['dsgvo', 'konform']);
    expect(a.keySet.has('dsgvokonform')).toBe(true);
    expect(normalizeText('- ein -Test- ')).toBe('ein test');
  });

  it('drops German and English stop words in any spelling, keeps question words lightly', () => {
    expect(isStopWord('Der')).toBe(true);
    expect(isStopWord('fuer')).toBe(true);
    expect(isStopWord('ÜBER')).toBe(true);
    expect(isStopWord('the')).toBe(true);
    expect(isStopWord('Workshop')).toBe(false);
    expect(isStopWord('nicht')).toBe(false);
    expect(surfaces('Gibt es die Folien auch für die Teilnehmer?')).toEqual(['folien', 'teilnehmer']);
    const q = analyze('Wann beginnt der Workshop?');
    expect(q.terms.map((t) => [t.surface, t.weight])).toEqual([
      ['wann', 0.3],
      ['beginnt', 1],
      ['workshop', 1],
    ]);
  });

  it('counts a repeated word once and leaves single letters out, digits in', () => {
    expect(surfaces('Workshop, workshop, WORKSHOP: Raum B oder 3?')).toEqual(['workshop', 'raum', '3']);
  });

  it('an all-stop-word or empty text has no terms', () => {
    expect(analyze('Und was ist mit dem?').terms.map((t) => t.surface)).toEqual(['was']);
    expect(analyze('').terms).toEqual([]);
    expect(analyze('?!').normalized).toBe('');
  });
});

describe('stemming with both stemmers', () => {
  const share = (a: string, b: string): boolean => stemKeys(a).some((k) => stemKeys(b).includes(k));

  it('German inflection, umlaut plurals and spelled-out umlauts meet', () => {
    expect(share('häuser', 'haus')).toBe(true);
    expect(share('haeuser', 'haus')).toBe(true);
    expect(share('förderprogramme', 'förderprogramm')).toBe(true);
    expect(share('anmeldungen', 'anmeldung')).toBe(true);
    expect(share('fragen', 'frage')).toBe(true);
    expect(share('gemessen', 'messen')).toBe(true);
  });

  it('English inflection meets', () => {
    expect(share('questions', 'question')).toBe(true);
    expect(share('recorded', 'recording')).toBe(true);
    expect(share('companies', 'company')).toBe(true);
    expect(share('starts', 'starting')).toBe(true);
  });

  it('does not merge different words or numbers', () => {
    expect(share('beginnt', 'endet')).toBe(false);
    expect(share('import', 'export')).toBe(false);
    expect(share('2', '3')).toBe(false);
    expect(stemKeys('2024')).toEqual(['2024']);
  });

  it('short and odd words survive', () => {
    expect(stemKeys('ki')).toContain('ki');
    expect(stemKeys('x').length).toBeGreaterThan(0);
  });
});

describe('bounded edit distance', () => {
  it('counts substitutions, insertions, deletions and neighbour swaps', () => {
    expect(boundedEditDistance('break', 'braek', 2)).toBe(1);
    expect(boundedEditDistance('folien', 'follien', 2)).toBe(1);
    expect(boundedEditDistance('software', 'sofware', 2)).toBe(1);
    expect(boundedEditDistance('abc', 'abc', 0)).toBe(0);
    expect(boundedEditDistance('', 'ab', 2)).toBe(2);
  });

  it('stops above the bound', () => {
    expect(boundedEditDistance('vormittag', 'nachmittag', 2)).toBe(3);
    expect(boundedEditDistance('a', 'abcdef', 2)).toBe(3);
  });
});
