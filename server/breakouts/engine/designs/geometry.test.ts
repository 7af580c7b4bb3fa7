import { describe, expect, it } from 'vitest';
import { affineRounds, affineSchedule } from './geometry.js';
import { designProblems } from './verify.js';

describe('affine geometry AG(d, q)', () => {
  it.each([
    [9, 3], [27, 3], [81, 3], [16, 4], [64, 4], [8, 2], [32, 2], [25, 5], [125, 5], [49, 7], [343, 7], [512, 8], [729, 9],
  ])('%i points in groups of %i: every round a partition, no pair twice, all directions', (points, size) => {
    const rounds = affineRounds(points, size);
    expect(rounds).toBe((points - 1) / (size - 1));
    const schedule = affineSchedule(points, size, rounds)!;
    expect(schedule).toHaveLength(rounds);
    expect(designProblems(schedule, points / size)).toEqual([]);
    // Every pair meets exactly once: the rounds cover all C(points, 2) pairs.
    expect(rounds * (points / size) * ((size * (size - 1)) / 2)).toBe((points * (points - 1)) / 2);
  });

  it('stops at maxRounds', () => {
    expect(affineSchedule(27, 3, 5)).toHaveLength(5);
  });

  it.each([[24, 4], [36, 6], [10, 10], [27, 9], [12, 3]])('does not apply to %i points in groups of %i', (points, size) => {
    expect(affineRounds(points, size)).toBe(0);
    expect(affineSchedule(points, size, 3)).toBeNull();
  });
});
