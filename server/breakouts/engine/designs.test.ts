import { describe, expect, it } from 'vitest';
import { transversalSchedule } from './designs.js';
import { makeField, primePower } from './galois.js';

describe('GF(q)', () => {
  it('recognises prime powers', () => {
    expect(primePower(1)).toBeNull();
    expect(primePower(6)).toBeNull();
    expect(primePower(12)).toBeNull();
    expect(primePower(7)).toEqual({ p: 7, e: 1 });
    expect(primePower(8)).toEqual({ p: 2, e: 3 });
    expect(primePower(125)).toEqual({ p: 5, e: 3 });
    expect(makeField(10)).toBeNull();
  });

  it.each([2, 3, 4, 5, 8, 9, 16, 25, 27, 32, 49, 64, 81, 121, 125, 128, 243, 256])('GF(%i) satisfies the field axioms', (q) => {
    const F = makeField(q)!;
    const els = Array.from({ length: q }, (_, i) => i);
    const sample = q <= 32 ? els : els.filter((_, i) => i % Math.ceil(q / 24) === 0 || i < 3);
    for (const a of sample) {
      expect(F.add(a, 0)).toBe(a);
      expect(F.mul(a, 1)).toBe(a);
      expect(F.add(F.sub(a, a), 0)).toBe(0);
      // every non-zero element has an inverse
      if (a !== 0) expect(els.some((b) => F.mul(a, b) === 1)).toBe(true);
      for (const b of sample) {
        expect(F.add(a, b)).toBe(F.add(b, a));
        expect(F.mul(a, b)).toBe(F.mul(b, a));
        expect(F.add(F.sub(a, b), b)).toBe(a);
        for (const c of sample.slice(0, 6)) {
          expect(F.mul(a, F.add(b, c))).toBe(F.add(F.mul(a, b), F.mul(a, c)));
          expect(F.mul(F.mul(a, b), c)).toBe(F.mul(a, F.mul(b, c)));
        }
      }
    }
  });
});

function checkZeroRepeat(people: number, groups: number, rounds: number, design: Int32Array[]): void {
  expect(design).toHaveLength(rounds);
  const met = new Set<number>();
  for (const groupOf of design) {
    const members: number[][] = Array.from({ length: groups }, () => []);
    groupOf.forEach((g, p) => members[g]!.push(p));
    for (const m of members) {
      expect(m).toHaveLength(people / groups);
      for (let i = 0; i < m.length; i++) {
        for (let j = i + 1; j < m.length; j++) {
          const key = m[i]! * people + m[j]!;
          expect(met.has(key), `pair ${m[i]},${m[j]} meets twice`).toBe(false);
          met.add(key);
        }
      }
    }
  }
}

describe('transversal designs', () => {
  it.each([
    [32, 8, 8], [32, 8, 9], [16, 4, 5], [25, 5, 6], [49, 7, 8], [81, 9, 10], [200, 40, 4],
    [1000, 125, 3], [10000, 2000, 3], [27, 9, 9], [64, 16, 17], [48, 16, 16], [12, 4, 2],
    [150, 75, 149], [2, 1, 1], [20, 10, 19], [90, 45, 60],
    // MacNeish: products of fields
    [36, 12, 13], [80, 20, 20], [60, 20, 20], [45, 15, 16], [84, 28, 28], [105, 35, 35], [140, 35, 35],
  ])('%i people in %i groups over %i rounds: no pair meets twice', (people, groups, rounds) => {
    const design = transversalSchedule(people, groups, rounds);
    expect(design).not.toBeNull();
    checkZeroRepeat(people, groups, rounds, design!);
  });

  it.each([
    [30, 6, 5], [15, 5, 7], [60, 10, 4], [36, 12, 14], [48, 12, 12], [120, 30, 30], [126, 42, 43], [32, 8, 10], [31, 8, 2], [20, 2, 2], [16, 4, 6], [48, 16, 17], [20, 10, 20],
  ])('declines %i people in %i groups over %i rounds', (people, groups, rounds) => {
    expect(transversalSchedule(people, groups, rounds)).toBeNull();
  });
});
