import { describe, expect, it } from 'vitest';
import { needsPlacement, placeLate } from './late.js';
import { round } from './test-fixtures.js';

const person = (id: string, attributes: Record<string, string> = {}) => ({ id, name: id, attributes });

describe('late joiners', () => {
  const running = round([['a', 'b', 'c'], ['d', 'e'], ['f', 'g', 'h']], { status: 'running' });

  it('go into the smallest group and nobody else moves', () => {
    const { round: next, group } = placeLate(running, person('z'), { people: [], history: [], seed: 1 });
    expect(group).toBe(1);
    expect(next.groups.map((g) => g.members)).toEqual([['a', 'b', 'c'], ['d', 'e', 'z'], ['f', 'g', 'h']]);
  });

  it('among equally small groups, prefer the one with people not met before', () => {
    const even = round([['a', 'b'], ['c', 'd']], { status: 'running' });
    const { group } = placeLate(even, person('z'), { people: [], history: [[['z', 'a'], ['b', 'c', 'd']]], seed: 3 });
    expect(group).toBe(1);
  });

  it('are placed only in running rounds that the facilitator assigns, and only once', () => {
    expect(needsPlacement(running, 'z')).toBe(true);
    expect(needsPlacement(running, 'a')).toBe(false);
    expect(needsPlacement({ ...running, status: 'draft' }, 'z')).toBe(false);
    expect(needsPlacement({ ...running, status: 'closing' }, 'z')).toBe(false);
    expect(needsPlacement({ ...running, mode: 'self' }, 'z')).toBe(false);
  });
});

describe('walk-ins with required fields', () => {
  it('are ready to place only once every required field has a value', async () => {
    const { readyToPlace } = await import('./late.js');
    const fields = [{ key: 'company', required: true }, { key: 'role', required: false }];
    expect(readyToPlace(fields, {})).toBe(false);
    expect(readyToPlace(fields, { company: '  ' })).toBe(false);
    expect(readyToPlace(fields, { company: 'ACME' })).toBe(true);
    expect(readyToPlace([{ key: 'role', required: false }], {})).toBe(true);
  });
});
