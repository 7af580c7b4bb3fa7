import { describe, expect, it } from 'vitest';
import { placeLateJoiner, removePeople } from './late.js';
import { createRng, shuffle } from './rng.js';
import { people } from './testing.js';

const withoutNewcomer = (rounds: string[][][], id: string): string[][][] =>
  rounds.map((groups) => groups.map((g) => g.filter((x) => x !== id)));

describe('late joiners', () => {
  it('go into the smallest group and move nobody else', () => {
    const round = [['p0', 'p1', 'p2'], ['p3', 'p4'], ['p5', 'p6', 'p7']];
    const res = placeLateJoiner({ people: people(9), newcomer: 'p8', rounds: [round] });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value.placedIn).toEqual([1]);
    expect(res.value.rounds).toEqual([[['p0', 'p1', 'p2'], ['p3', 'p4', 'p8'], ['p5', 'p6', 'p7']]]);
    expect(round[1]).toEqual(['p3', 'p4']); // input untouched
  });

  it('among equally small groups, avoid people they met before', () => {
    const history = [[['p8', 'p0'], ['p1', 'p2']]];
    const res = placeLateJoiner({ people: people(9), newcomer: 'p8', rounds: [[['p0', 'p3'], ['p1', 'p4'], ['p5', 'p6', 'p7']]], history });
    expect(res.ok && res.value.placedIn).toEqual([1]);
    expect(res.ok && res.value.repeatsAdded).toBe(0);
  });

  it('respect apart, together and spread before size', () => {
    const ppl = people(9, (i) => ({ company: i === 8 || i === 3 ? 'ACME' : `c${i}` }));
    const round = [['p0', 'p1'], ['p2', 'p3'], ['p4', 'p5', 'p6'], ['p7']];
    // p7's group is smallest, but p8 must stay apart from p7
    let res = placeLateJoiner({ people: ppl, newcomer: 'p8', rounds: [round], constraints: { apart: [['p8', 'p7']] } });
    expect(res.ok && [0, 1].includes(res.value.placedIn[0]!)).toBe(true);
    // together with p5 wins over size
    res = placeLateJoiner({ people: ppl, newcomer: 'p8', rounds: [round], constraints: { together: [['p5', 'p8']] } });
    expect(res.ok && res.value.placedIn).toEqual([2]);
    // spread: ACME has 2 people (p3 and the newcomer) over 2 groups → at most 1 per group, so not with p3
    res = placeLateJoiner({ people: ppl, newcomer: 'p8', rounds: [[['p0', 'p1'], ['p2', 'p3']]], constraints: { spread: ['company'] } });
    expect(res.ok && res.value.placedIn).toEqual([0]);
    expect(res.ok && res.value.violations).toEqual([]);
  });

  it('report a rule they cannot keep instead of failing', () => {
    const res = placeLateJoiner({
      people: people(4), newcomer: 'p3', rounds: [[['p0', 'p1'], ['p2']]], constraints: { apart: [['p3', 'p0', 'p2']] },
    });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value.violations).toHaveLength(1);
    expect(res.value.violations[0]).toMatchObject({ kind: 'apart', round: 0 });
  });

  it('are placed in every planned round, counting the earlier ones', () => {
    const rounds = [[['p0', 'p1'], ['p2', 'p3']], [['p0', 'p2'], ['p1', 'p3']], [['p0', 'p3'], ['p1', 'p2']]];
    const res = placeLateJoiner({ people: people(5), newcomer: 'p4', rounds, seed: 3 });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value.placedIn).toHaveLength(3);
    expect(withoutNewcomer(res.value.rounds, 'p4')).toEqual(rounds);
    // with 4 others and pairs: three rounds of 2 new mates each cannot all be new (only 4 others)
    expect(res.value.repeatsAdded).toBe(2);
  });

  it('errors: already placed, unknown newcomer, unknown member', () => {
    const round = [['p0', 'p1']];
    let res = placeLateJoiner({ people: people(2), newcomer: 'p1', rounds: [round] });
    expect(!res.ok && res.error.code).toBe('already_placed');
    res = placeLateJoiner({ people: people(2), newcomer: 'zz', rounds: [round] });
    expect(!res.ok && res.error.code).toBe('unknown_id');
    res = placeLateJoiner({ people: people(3), newcomer: 'p2', rounds: [[['p0', 'ghost']]] });
    expect(!res.ok && res.error.code).toBe('unknown_id');
    res = placeLateJoiner({ people: people(3), newcomer: 'p2', rounds: [[['p0'], ['p1']]], constraints: { apart: [['p2', 'p0']], together: [['p0', 'p2']] } });
    expect(!res.ok && res.error.code).toBe('contradictory_constraints');
  });

  it('property: nobody else moves, newcomer once per round, into a smallest group when unconstrained', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const rng = createRng(seed);
      const n = 2 + rng.int(40);
      const ids = shuffle(people(n).map((p) => p.id), rng);
      const newcomer = ids.pop()!;
      const G = 1 + rng.int(Math.max(1, ids.length));
      const rounds = Array.from({ length: 1 + rng.int(3) }, () => {
        const order = shuffle(ids.slice(), rng);
        const groups: string[][] = Array.from({ length: G }, () => []);
        order.forEach((id, i) => groups[i % G]!.push(id));
        return groups;
      });
      const res = placeLateJoiner({ people: people(n), newcomer, rounds, seed });
      expect(res.ok).toBe(true);
      if (!res.ok) continue;
      expect(withoutNewcomer(res.value.rounds, newcomer)).toEqual(rounds);
      res.value.rounds.forEach((groups, r) => {
        expect(groups.flat().filter((id) => id === newcomer)).toHaveLength(1);
        const before = rounds[r]!.map((g) => g.length);
        expect(before[res.value.placedIn[r]!]).toBe(Math.min(...before));
      });
    }
  });
});

describe('people who leave', () => {
  it('are removed without reshuffling, and small groups are reported', () => {
    const rounds = [[['a', 'b', 'c'], ['d', 'e'], ['f', 'g', 'h']]];
    const res = removePeople({ rounds, leaving: ['d', 'x', 'f'] });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value.rounds).toEqual([[['a', 'b', 'c'], ['e'], ['g', 'h']]]);
    expect(res.value.removed).toEqual(['d', 'f']);
    expect(res.value.notFound).toEqual(['x']);
    expect(res.value.underfilled).toEqual([{ round: 0, group: 1, size: 1 }]);
    const strict = removePeople({ rounds, leaving: ['d', 'f'], minSize: 3 });
    expect(strict.ok && strict.value.underfilled).toEqual([{ round: 0, group: 1, size: 1 }, { round: 0, group: 2, size: 2 }]);
  });

  it('leave empty groups in place for the facilitator', () => {
    const res = removePeople({ rounds: [[['a'], ['b', 'c']]], leaving: ['a'] });
    expect(res.ok && res.value.rounds).toEqual([[[], ['b', 'c']]]);
    expect(res.ok && res.value.underfilled).toEqual([{ round: 0, group: 0, size: 0 }]);
  });

  it('reject a malformed request', () => {
    const res = removePeople({ rounds: [], leaving: ['a'] });
    expect(!res.ok && res.error.code).toBe('invalid_input');
  });
});
