import { describe, expect, it } from 'vitest';
import { expandCyclic, pointCount } from './cyclic.js';
import { decodeBase, encodeBase, tableDesigns } from './table.js';
import { designProblems } from './verify.js';

describe('table of cyclic designs', () => {
  const designs = tableDesigns();

  it('holds the designs the golfer instances need', () => {
    const names = designs.map((d) => d.name);
    for (const name of ['kts15', 'kts27', 'kts33', 'nkts30', 'rb4_40', 'g6_4_7']) expect(names).toContain(name);
  });

  it.each(designs.map((d) => [d.name, d] as const))('%s: resolvable, no pair twice, every pair not excluded met once', (_name, design) => {
    const rounds = expandCyclic(design);
    const v = pointCount(design);
    const groups = v / design.k;
    expect(Number.isInteger(groups)).toBe(true);
    expect(designProblems(rounds, groups)).toEqual([]);
    for (const groupOf of rounds) {
      expect(groupOf.every((g) => g >= 0)).toBe(true);
      const sizes = new Int32Array(groups);
      groupOf.forEach((g) => sizes[g]!++);
      expect([...sizes].every((s) => s === design.k)).toBe(true);
    }
    // Pairs met = all pairs minus the excluded ones: the design is as large as it can be.
    let excluded = 0;
    for (let a = 0; a < v; a++) {
      for (let b = a + 1; b < v; b++) {
        let together = false;
        for (const groupOf of rounds) together ||= groupOf[a] === groupOf[b];
        if (!together) excluded++;
      }
    }
    const met = (rounds.length * groups * design.k * (design.k - 1)) / 2;
    expect(met + excluded).toBe((v * (v - 1)) / 2);
    // Without exclusions every pair meets: (v − 1)/(k − 1) rounds.
    if (!design.excluded?.length) expect(rounds.length).toBe((v - 1) / (design.k - 1));
  });

  it('encodes and decodes base rounds', () => {
    const base = [[[0, 4, 13], [2, 3, 10]], [[1, 5, 6]]];
    expect(decodeBase(encodeBase(base))).toEqual(base);
  });
});
