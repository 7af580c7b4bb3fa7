import { describe, expect, it } from 'vitest';
import { arrive, lateArrivals } from './arrivals.js';
import { round } from './test-fixtures.js';

const START = '2026-11-30T10:00:00.000Z';
const LATER = '2026-11-30T10:07:00.000Z';

describe('arrivals in a round', () => {
  const running = round([['a', 'b'], ['c', 'd']], { status: 'running', startedAt: START });

  it('who is here at the start is on time; who comes later is late, with the time they came', () => {
    const atStart = arrive(running, ['a', 'b', 'c'], START);
    const later = arrive(atStart, ['d', 'walk-in'], LATER);
    expect(later.arrivals).toEqual({ a: START, b: START, c: START, d: LATER, 'walk-in': LATER });
    expect(lateArrivals(later)).toEqual({ d: LATER, 'walk-in': LATER });
  });

  it('a first presence does not move: coming back after leaving is not arriving late', () => {
    const atStart = arrive(running, ['a'], START);
    expect(arrive(atStart, ['a'], LATER)).toBe(atStart);
    expect(lateArrivals(arrive(atStart, ['a'], LATER))).toEqual({});
  });

  it('drafts and closed rounds record nobody', () => {
    const draft = round([['a']], { status: 'draft' });
    expect(arrive(draft, ['a'], LATER)).toBe(draft);
    const closed = round([['a']], { status: 'closed', startedAt: START });
    expect(arrive(closed, ['a'], LATER)).toBe(closed);
    expect(lateArrivals(draft)).toEqual({});
  });

  it('a closing round still records (people come back to be called back)', () => {
    const closing = round([['a']], { status: 'closing', startedAt: START });
    expect(lateArrivals(arrive(closing, ['b'], LATER))).toEqual({ b: LATER });
  });
});
