import { describe, expect, it } from 'vitest';
import type { GroupConstraints } from '../../../shared/breakouts/engine.js';
import { lock, move, swap, editGroup } from './edits.js';
import { measureRound, remeasure } from './report.js';
import { round } from './test-fixtures.js';
import { idRound, type RoundState } from './types.js';

const attributes = new Map<string, Record<string, string>>([
  ['a', { company: 'ACME' }],
  ['b', { company: 'Globex' }],
  ['c', { company: 'ACME' }],
  ['d', { company: 'Globex' }],
]);

/** A planned round whose report says every rule is kept, as the engine would leave it. */
function planned(groups: string[][], constraints: GroupConstraints): RoundState {
  const r = round(groups, { settings: { capacity: null, constraints, videoTemplate: null, seed: 1, engine: { method: 'search', iterations: 10, repeatLowerBound: 0 } } });
  return { ...r, report: measureRound(groups, { history: [], constraints, attributes, engine: r.settings.engine }) };
}

const again = (before: RoundState, after: RoundState) => remeasure(before, after, { history: [], attributes });

describe('the report after a hand edit', () => {
  it('a move next to someone to keep apart shows the broken rule on that group and those people', () => {
    const r = planned([['a', 'b'], ['c', 'd']], { apart: [['a', 'c']] });
    expect(r.report!.violations).toEqual([]);
    const after = again(r, move(r, 'c', 0));
    expect(after.report!.violations).toEqual([{ kind: 'apart', round: 0, groups: [0], ids: ['a', 'c'] }]);
  });

  it('a swap that splits a together set is reported', () => {
    const r = planned([['a', 'b'], ['c', 'd']], { together: [['a', 'b']] });
    const after = again(r, swap(r, 'b', 'c'));
    expect(after.report!.violations).toEqual([{ kind: 'together', round: 0, groups: [0, 1], ids: ['a', 'b'] }]);
  });

  it('a company clash (spread) is reported on the group and both people', () => {
    const r = planned([['a', 'b'], ['c', 'd']], { spread: ['company'] });
    const after = again(r, swap(r, 'b', 'c'));
    expect(after.report!.violations).toContainEqual({ kind: 'spread', round: 0, groups: [0], ids: ['a', 'c'], attribute: 'company', value: 'ACME', limit: 1 });
    expect(after.report!.violations).toContainEqual({ kind: 'spread', round: 0, groups: [1], ids: ['b', 'd'], attribute: 'company', value: 'Globex', limit: 1 });
  });

  it('uneven sizes after moves: min, max and spread follow the groups', () => {
    const r = planned([['a', 'b'], ['c', 'd']], {});
    const after = again(r, move(again(r, move(r, 'c', 0)), 'd', 0));
    expect(after.report).toMatchObject({ people: 4, minSize: 0, maxSize: 4, sizeSpread: 4, violations: [] });
  });

  it('moving back keeps every rule again; the engine meta stays', () => {
    const r = planned([['a', 'b'], ['c', 'd']], { apart: [['a', 'c']] });
    const broken = again(r, move(r, 'c', 0));
    const fixed = again(broken, move(broken, 'c', 1));
    expect(fixed.report!.violations).toEqual([]);
    expect(fixed.report!.method).toBe('search');
  });

  it('earlier encounters count after a move', () => {
    const r = planned([['a', 'b'], ['c', 'd']], {});
    const after = remeasure(r, move(r, 'c', 0), { history: [[['a', 'c']]], attributes });
    expect(after.report!.repeatedPairs).toBe(1);
    expect(idRound(after)).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('edits that move nobody, and rounds without a report, are left as they are', () => {
    const r = planned([['a', 'b'], ['c', 'd']], {});
    const locked = lock(r, 'a', true);
    expect(again(r, locked)).toBe(locked);
    const renamed = editGroup(r, 0, { name: 'Neu' });
    expect(again(r, renamed)).toBe(renamed);
    const self = round([['a'], ['b']], { mode: 'self' });
    const moved = move(self, 'a', 1);
    expect(again(self, moved).report).toBeNull();
  });
});
