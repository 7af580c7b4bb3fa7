import { describe, expect, it } from 'vitest';
import { measureRound, restrictConstraints, violationsOf } from './report.js';

const attrs = new Map<string, Record<string, string>>([
  ['a', { company: 'ACME' }],
  ['b', { company: 'ACME' }],
  ['c', { company: 'ACME' }],
  ['d', { company: 'Globex' }],
  ['e', {}],
  ['f', { company: 'Globex' }],
]);

describe('round report', () => {
  it('counts pairs that met in earlier rounds, and sizes', () => {
    const report = measureRound([['a', 'b', 'c'], ['d', 'e', 'f']], {
      history: [[['a', 'b'], ['c', 'd', 'e', 'f']], [['a', 'b', 'f']]],
      constraints: {},
      attributes: attrs,
      engine: { method: 'design', iterations: 0, repeatLowerBound: 0 },
    });
    // a-b met twice, d-e, d-f, e-f once each.
    expect(report.repeatedPairs).toBe(4);
    expect(report.repeats.find((r) => r.a === 'a' && r.b === 'b')?.historyMeetings).toBe(2);
    expect(report).toMatchObject({ people: 6, groups: 2, minSize: 3, maxSize: 3, sizeSpread: 0, method: 'design' });
  });

  it('reports broken apart, together and spread rules', () => {
    const v = violationsOf([['a', 'b', 'c'], ['d', 'e', 'f']], { apart: [['a', 'b', 'd']], together: [['a', 'f']], spread: ['company'] }, attrs);
    expect(v).toContainEqual({ kind: 'apart', round: 0, groups: [0], ids: ['a', 'b'] });
    expect(v).toContainEqual({ kind: 'together', round: 0, groups: [0, 1], ids: ['a', 'f'] });
    // ACME: 3 people over 2 groups → at most 2 per group; group 0 has 3.
    expect(v).toContainEqual({ kind: 'spread', round: 0, groups: [0], ids: ['a', 'b', 'c'], attribute: 'company', value: 'ACME', limit: 2 });
    // Globex: 2 people over 2 groups → at most 1 per group; group 1 has both.
    expect(v).toContainEqual({ kind: 'spread', round: 0, groups: [1], ids: ['d', 'f'], attribute: 'company', value: 'Globex', limit: 1 });
    expect(v).toHaveLength(4);
    expect(violationsOf([['a', 'd', 'c'], ['b', 'f', 'e']], { apart: [['a', 'b']], spread: ['company'] }, attrs)).toEqual([]);
  });

  it('restricts constraints to the people present', () => {
    expect(restrictConstraints({ apart: [['a', 'x'], ['a', 'b', 'y']], together: [['x', 'y']], spread: ['company'] }, new Set(['a', 'b']))).toEqual({
      apart: [['a', 'b']],
      spread: ['company'],
    });
  });
});
