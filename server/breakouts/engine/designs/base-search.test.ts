import { describe, expect, it } from 'vitest';
import { localSearchBase } from './base-local.js';
import { findBaseRounds } from './base-search.js';
import { expandCyclic, isExcluded, type CyclicSpec } from './cyclic.js';
import { designProblems } from './verify.js';

/** Small cases of the offline searches behind table.ts, so a change to them is caught here. */
const kts15: CyclicSpec = { N: 7, rows: 2, inf: 1, k: 3, stabiliser: [1] };
const kts33: CyclicSpec = { N: 32, rows: 1, inf: 1, k: 3, stabiliser: [2] };
const nkts30: CyclicSpec = { N: 14, rows: 2, inf: 2, k: 3, stabiliser: [1], excluded: ['inf', 'half'] };
const golf647: CyclicSpec = { N: 7, rows: 3, inf: 3, k: 4, stabiliser: [1], excluded: ['inf', 'column'] };
const rb28: CyclicSpec = { N: 9, rows: 3, inf: 1, k: 4, stabiliser: [1] };

describe('base-round searches', () => {
  it.each([['KTS(15)', kts15], ['KTS(33), 1-rotational', kts33], ['NKTS(30)', nkts30], ['golfers 6-4-7', golf647]] as const)(
    'backtracking finds %s, deterministically',
    (_name, spec) => {
      const found = findBaseRounds(spec, { seed: 1, maxSteps: 5e6 })!;
      expect(found).not.toBeNull();
      const rounds = expandCyclic(found);
      expect(rounds).toHaveLength(spec.stabiliser.reduce((t, s) => t + spec.N / s, 0));
      expect(designProblems(rounds, rounds[0]!.length / spec.k)).toEqual([]);
      expect(findBaseRounds(spec, { seed: 1, maxSteps: 5e6 })!.base).toEqual(found.base);
    },
  );

  it('tabu search on base rounds finds a resolvable 2-(16, 4, 1) and 2-(28, 4, 1) design', () => {
    for (const spec of [{ ...rb28, N: 5 }, rb28]) {
      const found = localSearchBase(spec, { seed: 1, maxIterations: 20_000 })!;
      expect(found).not.toBeNull();
      expect(designProblems(expandCyclic(found), (spec.N * spec.rows + 1) / 4)).toEqual([]);
    }
  }, 20_000);

  it('declines what it cannot do: no KTS(15) is 1-rotational over Z_14 (exhausted), stabilisers > 1 in tabu search', () => {
    expect(findBaseRounds({ N: 14, rows: 1, inf: 1, k: 3, stabiliser: [2] }, { maxSteps: 2e6 })).toBeNull();
    expect(localSearchBase(kts33)).toBeNull();
  });

  it('exclusions name σ-invariant pairs', () => {
    expect(isExcluded(nkts30, 28, 29)).toBe(true); // ∞₀ ∞₁
    expect(isExcluded(nkts30, 3, 10)).toBe(true); // (3, 0) and (10, 0): difference N/2
    expect(isExcluded(nkts30, 3, 17)).toBe(false); // (3, 0) and (3, 1)
    expect(isExcluded(golf647, 3, 10)).toBe(true); // (3, 0) and (3, 1): one column
  });
});
