import { describe, expect, it } from 'vitest';
import { loadPairs } from '../../../bench/duplicates/metrics.js';
import {
  createSimilarityIndex,
  DEFAULT_DUPLICATE_THRESHOLD,
  findDuplicatePairs,
  groupDuplicates,
  similarity,
} from './index.js';

const pairs = loadPairs();

describe('similarity', () => {
  it('is 1 for the same text and for the same question in another case and punctuation', () => {
    expect(similarity('Wird der Vortrag aufgezeichnet?', 'Wird der Vortrag aufgezeichnet?')).toBe(1);
    expect(similarity('WIRD DER VORTRAG AUFGEZEICHNET', 'wird der vortrag aufgezeichnet?!')).toBe(1);
    expect(similarity('Und jetzt?', 'und jetzt')).toBe(1);
  });

  it('is 0 for nothing in common, and for empty text', () => {
    expect(similarity('Wo ist die Garderobe?', 'How secure is the cloud?')).toBe(0);
    expect(similarity('', '')).toBe(0);
    expect(similarity('', 'Workshop?')).toBe(0);
  });

  it('is symmetric and stays within [0, 1] on every labelled pair', () => {
    for (const p of pairs) {
      const ab = similarity(p.a, p.b);
      expect(ab).toBeGreaterThanOrEqual(0);
      expect(ab).toBeLessThanOrEqual(1);
      expect(similarity(p.b, p.a)).toBe(ab);
    }
  });

  it('does not depend on word order', () => {
    const words = 'Welche Förderprogramme gibt es für kleine Handwerksbetriebe in Bayern'.split(' ');
    const reversed = [...words].reverse().join(' ');
    const rotated = [...words.slice(3), ...words.slice(0, 3)].join(' ');
    expect(similarity(words.join(' '), reversed)).toBe(1);
    expect(similarity(words.join(' '), rotated)).toBe(1);
    expect(similarity('Is the keynote recorded?', 'recorded the keynote is?')).toBe(1);
  });

  it('is robust to inflection, umlaut spelling, typos and compounds', () => {
    const t = DEFAULT_DUPLICATE_THRESHOLD;
    expect(similarity('Welche Förderprogramme gibt es?', 'Welches Foerderprogramm gibt es?')).toBeGreaterThanOrEqual(t);
    expect(similarity('How long is the lunch break?', 'How long is the lunch braek?')).toBeGreaterThanOrEqual(t);
    expect(similarity('Wie viele Mitarbeiter habt ihr?', 'Wieviele Mitarbeiter habt ihr?')).toBeGreaterThanOrEqual(t);
    expect(similarity('Gibt es ein Netzwerktreffen?', 'Gibt es ein Treffen zum Netzwerken?')).toBeGreaterThanOrEqual(t);
  });

  it('keeps near misses apart: a different verb, a different number', () => {
    const t = DEFAULT_DUPLICATE_THRESHOLD;
    expect(similarity('Wann beginnt der Workshop zu KI?', 'Wann endet der Workshop zu KI?')).toBeLessThan(t);
    expect(similarity('How many seats are left in workshop 2?', 'How many seats are left in workshop 3?')).toBeLessThan(t);
  });
});

describe('createSimilarityIndex', () => {
  const questions = {
    a: 'Wird der Vortrag aufgezeichnet?',
    b: 'Gibt es eine Aufzeichnung des Vortrags?',
    c: 'Wo finde ich die Folien?',
    d: 'Is the talk recorded?',
  };

  function filled() {
    const index = createSimilarityIndex();
    for (const [id, text] of Object.entries(questions)) index.add(id, text);
    return index;
  }

  it('finds similar questions for a draft, best first, with scores', () => {
    const index = filled();
    expect(index.size).toBe(4);
    const found = index.findSimilar('Wird der Vortrag aufgezeichnet');
    // b by stem and synonym (aufgezeichnet ~ Aufzeichnung), d by the bilingual synonym table (talk, recorded)
    expect(found.map((m) => m.id)).toEqual(['a', 'b', 'd']);
    expect(found[0]!.score).toBe(1);
    expect(index.findSimilar('Wird der Vortrag aufgezeichnet? Und wann?').map((m) => m.id)).toEqual(['a', 'b', 'd']);
    expect(index.findSimilar('Wird der Vortrag aufgezeichnet? Und wann?')[0]!.score).toBeLessThan(1);
  });

  it('honours limit, threshold and excludeIds', () => {
    const index = filled();
    expect(index.findSimilar('Wird der Vortrag aufgezeichnet?', { limit: 1 }).map((m) => m.id)).toEqual(['a']);
    expect(index.findSimilar('Wird der Vortrag aufgezeichnet?', { excludeIds: ['a', 'd'] }).map((m) => m.id)).toEqual(['b']);
    expect(index.findSimilar('Vortrag', { threshold: 0.2, limit: 10 }).map((m) => m.id).sort()).toEqual(['a', 'b', 'd']);
    expect(index.findSimilar('Vortrag', { threshold: 0.9 })).toEqual([]);
    expect(index.findSimilar('')).toEqual([]);
  });

  it('update replaces the text, remove forgets it, add of a known id replaces too', () => {
    const index = filled();
    index.update('c', 'Wird der Vortrag aufgezeichnet?');
    expect(index.findSimilar('Wird der Vortrag aufgezeichnet?', { limit: 10 }).map((m) => m.id).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(index.findSimilar('Folien')).toEqual([]);
    expect(index.remove('a')).toBe(true);
    expect(index.remove('a')).toBe(false);
    expect(index.has('a')).toBe(false);
    expect(index.size).toBe(3);
    index.add('b', 'Wo finde ich die Folien?');
    expect(index.findSimilar('Folien finden', { threshold: 0.5 }).map((m) => m.id)).toEqual(['b']);
    expect(index.findSimilar('Wird der Vortrag aufgezeichnet?').map((m) => m.id)).toEqual(['c', 'd']);
  });

  it('finds the very same text even when it has stop and question words only', () => {
    const index = createSimilarityIndex();
    index.add('x', 'Und jetzt?');
    index.add('y', 'Wie viele?');
    expect(index.findSimilar('und jetzt')).toEqual([{ id: 'x', score: 1 }]);
    expect(index.findSimilar('WIE VIELE')).toEqual([{ id: 'y', score: 1 }]);
    expect(index.findSimilar('Wie viele Leute?')).toEqual([]);
  });

  it('findSimilarToId leaves the question itself out', () => {
    const index = filled();
    expect(index.findSimilarToId('a').map((m) => m.id)).toEqual(['b', 'd']);
    expect(index.findSimilarToId('zzz')).toEqual([]);
  });

  it('removing every question leaves an empty index behind (no stale keys)', () => {
    const index = filled();
    for (const id of Object.keys(questions)) index.remove(id);
    expect(index.size).toBe(0);
    expect(index.findSimilar('Wird der Vortrag aufgezeichnet?', { threshold: 0 })).toEqual([]);
  });

  it('gives the same scores as similarity() on every labelled pair', () => {
    for (const p of pairs) {
      const index = createSimilarityIndex();
      index.add('b', p.b);
      const found = index.findSimilar(p.a, { threshold: 0.3 });
      const direct = similarity(p.a, p.b);
      if (direct >= 0.3) expect(found).toEqual([{ id: 'b', score: direct }]);
      else expect(found).toEqual([]);
    }
  });

  it('lookups in one index of all labelled texts agree with similarity()', () => {
    const index = createSimilarityIndex();
    pairs.forEach((p) => {
      index.add(`${p.id}a`, p.a);
      index.add(`${p.id}b`, p.b);
    });
    for (const p of pairs) {
      const found = index.findSimilar(p.a, { limit: 1000, threshold: 0.5 }).find((m) => m.id === `${p.id}b`);
      const direct = similarity(p.a, p.b);
      expect(found?.score ?? 0).toBe(direct >= 0.5 ? direct : 0);
    }
  });
});

describe('findDuplicatePairs and groupDuplicates', () => {
  const items = [
    { id: '1', text: 'Wird der Vortrag aufgezeichnet?' },
    { id: '2', text: 'Wo finde ich die Folien?' },
    { id: '3', text: 'Wird der Vortrag aufgezeichnet?!' },
    { id: '4', text: 'Wo finde ich die Follien?' },
    { id: '5', text: 'Wie lange dauert die Pause?' },
    { id: '6', text: 'Gibt es eine Aufzeichnung des Vortrags?' },
  ];

  it('lists each pair once, earlier question first, best first', () => {
    const found = findDuplicatePairs(items);
    expect(found.map(([a, b]) => `${a}-${b}`)).toEqual(['1-3', '1-6', '3-6', '2-4']);
    expect(found.map((p) => p[2])).toEqual([1, 1, 1, expect.any(Number)]);
    expect(found[3]![2]).toBeLessThan(1);
    for (const [a, b, score] of found) expect(score).toBe(similarity(items.find((i) => i.id === a)!.text, items.find((i) => i.id === b)!.text));
  });

  it('honours the threshold and refuses repeated ids', () => {
    expect(findDuplicatePairs(items, 0.99).map(([a, b]) => `${a}-${b}`)).toEqual(['1-3', '1-6', '3-6']);
    expect(findDuplicatePairs([])).toEqual([]);
    expect(() => findDuplicatePairs([items[0]!, items[0]!])).toThrow(/duplicate id/);
  });

  it('groups connected duplicates, in input order, singles left out', () => {
    const groups = groupDuplicates(items);
    expect(groups.map((g) => g.ids)).toEqual([
      ['1', '3', '6'],
      ['2', '4'],
    ]);
    expect(groups[0]!.pairs.length).toBe(3);
    expect(groups[1]!.pairs).toEqual([['2', '4', expect.any(Number)]]);
  });

  it('joins chains transitively (A~B, B~C → one group even when A and C are not alike)', () => {
    const chain = [
      { id: 'a', text: 'Gibt es Folien und eine Aufzeichnung?' },
      { id: 'b', text: 'Gibt es eine Aufzeichnung?' },
      { id: 'c', text: 'Gibt es eine Aufzeichnung und Untertitel?' },
    ];
    const t = 0.6;
    expect(similarity(chain[0]!.text, chain[1]!.text)).toBeGreaterThanOrEqual(t);
    expect(similarity(chain[1]!.text, chain[2]!.text)).toBeGreaterThanOrEqual(t);
    expect(similarity(chain[0]!.text, chain[2]!.text)).toBeLessThan(t);
    expect(groupDuplicates(chain, t).map((g) => g.ids)).toEqual([['a', 'b', 'c']]);
  });
});
