import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../../shared/errors.js';
import { keepLocked, planRounds, reshuffle, type PlanChoices, type PlanContext } from './plan.js';
import { meetings } from './report.js';
import type { PersonInfo } from './types.js';

const people = (n: number, attrs?: (i: number) => Record<string, string>): PersonInfo[] =>
  Array.from({ length: n }, (_, i) => ({ id: `p${i}`, name: `Person ${i}`, attributes: attrs?.(i) ?? {} }));

function ctx(extra: Partial<PlanContext> = {}): PlanContext {
  return {
    eventId: 'e1',
    eventCode: '482913',
    language: 'de',
    firstNumber: 1,
    people: people(20),
    history: [],
    roundIds: ['r1', 'r2', 'r3'],
    seed: 7,
    ...extra,
  };
}
const choices = (extra: Partial<PlanChoices> = {}): PlanChoices => ({ rounds: 1, mode: 'mix', durationSec: 600, size: 5, ...extra });

function failure(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    return err as DomainError;
  }
  throw new Error('expected an error');
}

describe('planning rounds', () => {
  it('mix: balanced groups, everyone exactly once, names by language, video links from the template', () => {
    const [r] = planRounds(choices({ videoTemplate: 'https://meet.jit.si/p-{event}-{round}-{group}', names: ['Blau'] }), ctx());
    expect(r!.status).toBe('draft');
    expect(r!.groups).toHaveLength(4);
    const all = r!.groups.flatMap((g) => g.members).sort();
    expect(all).toEqual(people(20).map((p) => p.id).sort());
    expect(r!.groups.map((g) => g.members.length)).toEqual([5, 5, 5, 5]);
    expect(r!.groups.map((g) => g.name)).toEqual(['Blau', 'Gruppe 2', 'Gruppe 3', 'Gruppe 4']);
    expect(r!.groups[2]!.videoUrl).toBe('https://meet.jit.si/p-482913-1-3');
    expect(r!.report).toMatchObject({ people: 20, groups: 4, sizeSpread: 0, repeatedPairs: 0, violations: [] });
    const en = planRounds(choices(), ctx({ language: 'en', firstNumber: 3 }))[0]!;
    expect(en.number).toBe(3);
    expect(en.groups[0]!.name).toBe('Group 1');
  });

  it('mix avoids the pairs of earlier rounds; random does not look at them', () => {
    // Groups of 4 out of 20 (5 groups): a second round without any repeat exists.
    const first = planRounds(choices({ size: 4 }), ctx())[0]!;
    const history = [first.groups.map((g) => g.members)];
    const second = planRounds(choices({ size: 4 }), ctx({ history, seed: 8 }))[0]!;
    const met = meetings(history);
    const repeats = (groups: string[][]) => groups.flatMap((g) => g.flatMap((a, i) => g.slice(i + 1).filter((b) => met.has(a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`)))).length;
    expect(repeats(second.groups.map((g) => g.members))).toBe(0);
    expect(second.report!.repeatedPairs).toBe(0);
    // Random with the same history: over a few seeds it meets someone again (20 people, 4 groups).
    const randomRepeats = [1, 2, 3, 4, 5].map((seed) => planRounds(choices({ mode: 'random', size: 4 }), ctx({ history, seed }))[0]!.report!.repeatedPairs);
    expect(Math.max(...randomRepeats)).toBeGreaterThan(0);
  });

  it('several rounds up front: numbered in order, and no pair meets twice across them', () => {
    const rounds = planRounds(choices({ rounds: 3, size: 4 }), ctx());
    expect(rounds.map((r) => [r.id, r.number])).toEqual([['r1', 1], ['r2', 2], ['r3', 3]]);
    const met = meetings(rounds.map((r) => r.groups.map((g) => g.members)));
    expect(Math.max(...met.values())).toBe(1);
  });

  it('spread: no group holds more than its fair share of one company', () => {
    const ps = people(20, (i) => ({ company: ['ACME', 'Globex', 'Initech'][i % 4 === 0 ? 0 : i % 3]! }));
    const [r] = planRounds(choices({ mode: 'spread', constraints: { spread: ['company'] } }), ctx({ people: ps }));
    const byId = new Map(ps.map((p) => [p.id, p.attributes.company]));
    const totals = new Map<string, number>();
    for (const p of ps) totals.set(p.attributes.company!, (totals.get(p.attributes.company!) ?? 0) + 1);
    for (const g of r!.groups) {
      for (const [company, total] of totals) {
        expect(g.members.filter((id) => byId.get(id) === company).length).toBeLessThanOrEqual(Math.ceil(total / 4));
      }
    }
    expect(r!.report!.violations).toEqual([]);
    expect(failure(() => planRounds(choices({ mode: 'spread' }), ctx())).code).toBe('plan_failed');
  });

  it('self-select: empty groups with a capacity (size, fair share, or given)', () => {
    const [bySize] = planRounds(choices({ mode: 'self', size: 4 }), ctx());
    expect(bySize!.groups).toHaveLength(5);
    expect(bySize!.groups.every((g) => g.members.length === 0 && g.capacity === 4)).toBe(true);
    expect(bySize!.report).toBeNull();
    const [byCount] = planRounds(choices({ mode: 'self', size: undefined, groups: 3 }), ctx());
    expect(byCount!.groups.map((g) => g.capacity)).toEqual([7, 7, 7]);
    const [given] = planRounds(choices({ mode: 'self', size: undefined, groups: 3, capacity: 10 }), ctx({ people: [] }));
    expect(given!.groups.map((g) => g.capacity)).toEqual([10, 10, 10]);
    expect(failure(() => planRounds(choices({ mode: 'self', size: 4 }), ctx({ people: [] }))).code).toBe('plan_failed');
  });

  it('impossible settings fail with the engine’s reason and build nothing', () => {
    const many = failure(() => planRounds(choices({ size: undefined, groups: 30 }), ctx()));
    expect(many).toMatchObject({ code: 'plan_failed', extra: { params: { reason: 'invalid_group_count', groups: 30, people: 20 } } });
    expect(failure(() => planRounds(choices(), ctx({ people: [] }))).extra.params?.reason).toBe('no_people');
    const contradictory = failure(() => planRounds(choices({ constraints: { apart: [['p1', 'p2']], together: [['p1', 'p2']] } }), ctx()));
    expect(contradictory.extra.params?.reason).toBe('contradictory_constraints');
    expect(failure(() => planRounds(choices({ videoTemplate: 'kein-link-{group}' }), ctx())).code).toBe('invalid_payload');
  });

  it('constraints naming people who are not here do not fail the plan, and are kept for who arrives later', () => {
    const [r] = planRounds(choices({ constraints: { together: [['p1', 'p2', 'gone']], apart: [['p3', 'gone']] } }), ctx());
    const g = r!.groups.find((x) => x.members.includes('p1'))!;
    expect(g.members).toContain('p2');
    expect(r!.settings.constraints).toEqual({ together: [['p1', 'p2', 'gone']], apart: [['p3', 'gone']] });
    expect(r!.report!.violations).toEqual([]);
  });
});

describe('reshuffle', () => {
  it('locked people stay in their group; everyone else may move; sizes stay balanced', () => {
    const [r] = planRounds(choices(), ctx());
    const lockedIds = [r!.groups[0]!.members[0]!, r!.groups[0]!.members[1]!, r!.groups[2]!.members[3]!];
    const locked = { ...r!, locked: [...lockedIds].sort() };
    const before = locked.groups.map((g) => g.members.join());
    let changed = false;
    for (const seed of [11, 12, 13]) {
      const next = reshuffle(locked, { people: people(20), history: [], seed });
      expect(next.groups[0]!.members).toEqual(expect.arrayContaining(lockedIds.slice(0, 2)));
      expect(next.groups[2]!.members).toContain(lockedIds[2]);
      expect(next.groups.flatMap((g) => g.members).sort()).toEqual(people(20).map((p) => p.id).sort());
      expect(next.groups.map((g) => g.members.length)).toEqual([5, 5, 5, 5]);
      expect(next.groups.map((g) => g.name)).toEqual(r!.groups.map((g) => g.name));
      if (next.groups.map((g) => g.members.join()).join('|') !== before.join('|')) changed = true;
    }
    expect(changed).toBe(true);
  });

  it('only drafts, and not self-select rounds', () => {
    const [r] = planRounds(choices(), ctx());
    expect(failure(() => reshuffle({ ...r!, status: 'running' }, { people: people(20), history: [], seed: 1 })).code).toBe('invalid_state');
    const [self] = planRounds(choices({ mode: 'self' }), ctx());
    expect(failure(() => reshuffle(self!, { people: people(20), history: [], seed: 1 })).code).toBe('invalid_state');
  });

  it('keepLocked repairs any misplaced pinned person by a trade, keeping sizes', () => {
    const fixed = keepLocked([['a', 'b'], ['c', 'd']], 2, [{ id: 'a', group: 1 }, { id: 'c', group: 1 }]);
    expect(fixed[1]).toEqual(expect.arrayContaining(['a', 'c']));
    expect(fixed.map((g) => g.length)).toEqual([2, 2]);
    expect(fixed.flat().sort()).toEqual(['a', 'b', 'c', 'd']);
  });
});
