import { describe, expect, it } from 'vitest';
import { affineSchedule } from './geometry.js';
import { productSchedule } from './product.js';
import { tableSchedules } from './table.js';
import { designProblems } from './verify.js';

describe('product (tripling) construction', () => {
  it.each([
    ['KTS(45) from KTS(15)', 45, 3, tableSchedules(15, 3)[0]!.rounds],
    ['KTS(27) from AG(2, 3)', 27, 3, affineSchedule(9, 3, 4)!],
    ['KTS(99) from KTS(33)', 99, 3, tableSchedules(33, 3)[0]!.rounds],
    ['2-(64, 4, 1) from AG(2, 4)', 64, 4, affineSchedule(16, 4, 5)!],
  ])('%s: every pair exactly once', (_name, points, size, small) => {
    const rounds = productSchedule(points, size, small, 1000)!;
    expect(rounds).toHaveLength((points - 1) / (size - 1));
    expect(designProblems(rounds, points / size)).toEqual([]);
  });

  it('stops at maxRounds and declines mismatched inputs', () => {
    expect(productSchedule(45, 3, tableSchedules(15, 3)[0]!.rounds, 10)).toHaveLength(10);
    expect(productSchedule(45, 3, tableSchedules(15, 3)[0]!.rounds.slice(1), 10)).toBeNull();
    expect(productSchedule(44, 3, [], 10)).toBeNull();
  });
});
