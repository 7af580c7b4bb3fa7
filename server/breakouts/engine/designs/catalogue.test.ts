import { describe, expect, it } from 'vitest';
import { findConstruction } from './catalogue.js';
import { designProblems } from './verify.js';

function people(rounds: Int32Array[]): number {
  return rounds[0]!.filter((g) => g >= 0).length;
}

describe('constructions for whole schedules', () => {
  it.each([
    // [people, groups, rounds, construction]
    [15, 5, 7, 'table'], [27, 9, 13, 'affine'], [33, 11, 16, 'table'], [30, 10, 14, 'table'], [16, 4, 5, 'transversal'],
    [40, 10, 13, 'table'], [64, 16, 21, 'affine'], [49, 7, 8, 'transversal'], [24, 6, 7, 'table'], [32, 8, 8, 'transversal'],
    [81, 27, 40, 'affine'], [125, 25, 31, 'affine'], [99, 33, 49, 'product'], [117, 39, 58, 'product'],
    [135, 45, 67, 'product'],
  ])('%i people, %i groups, %i rounds: %s, zero repeats, equal groups', (n, groups, rounds, name) => {
    const c = findConstruction(n, groups, rounds)!;
    expect(c).not.toBeNull();
    expect(c.name).toBe(name);
    expect(c.rounds).toHaveLength(rounds);
    expect(people(c.rounds)).toBe(n);
    expect(designProblems(c.rounds, groups)).toEqual([]);
  });

  it.each([
    // fewer people than the design: dropped points, sizes k and k − 1
    [14, 5, 7], [13, 5, 6], [31, 8, 9], [29, 8, 8], [26, 9, 13], [39, 10, 13], [62, 16, 20],
    [45, 7, 7], [47, 7, 7], [28, 10, 14], [23, 6, 7], [60, 16, 18], [120, 25, 30], [9, 5, 9],
  ])('%i people in %i groups over %i rounds: dropped points keep sizes within one and zero repeats', (n, groups, rounds) => {
    const c = findConstruction(n, groups, rounds)!;
    expect(c).not.toBeNull();
    expect(c.rounds).toHaveLength(rounds);
    expect(people(c.rounds)).toBe(n);
    expect(designProblems(c.rounds, groups)).toEqual([]);
  });

  // A 2-design covers every pair, so two dropped points always share one round: 62 in 16 groups
  // keeps 20 of AG(3, 4)'s 21 rounds, not all.
  it.each([[30, 6, 6], [24, 6, 8], [150, 15, 10], [12, 2, 2], [62, 16, 21]])('declines %i people in %i groups over %i rounds', (n, groups, rounds) => {
    expect(findConstruction(n, groups, rounds)).toBeNull();
  });
});
