import { describe, expect, it } from 'vitest';
import type { QuestionState } from '../../../shared/qa/schemas.js';
import { decideVoteBatch, pairKey } from './vote-batch.js';

const live = (votes: number): { state: QuestionState; votes: number } => ({ state: 'live', votes });

describe('decideVoteBatch', () => {
  it('adds new votes and counts them once per question', () => {
    const d = decideVoteBatch(new Map([['q1', live(3)], ['q2', live(0)]]), new Set(), [
      { questionId: 'q1', attendeeId: 'a', up: true },
      { questionId: 'q1', attendeeId: 'b', up: true },
      { questionId: 'q2', attendeeId: 'a', up: true },
    ]);
    expect(d.outcomes).toEqual([{ ok: true, voted: true, changed: true }, { ok: true, voted: true, changed: true }, { ok: true, voted: true, changed: true }]);
    expect(d.add).toHaveLength(3);
    expect(d.remove).toHaveLength(0);
    expect(Object.fromEntries(d.counts)).toEqual({ q1: { before: 3, after: 5 }, q2: { before: 0, after: 1 } });
  });

  it('a vote and its take-back in one window cancel out: no row, no count change, both acknowledged', () => {
    const d = decideVoteBatch(new Map([['q1', live(1)]]), new Set(), [
      { questionId: 'q1', attendeeId: 'a', up: true },
      { questionId: 'q1', attendeeId: 'a', up: false },
    ]);
    expect(d.outcomes).toEqual([{ ok: true, voted: true, changed: true }, { ok: true, voted: false, changed: true }]);
    expect(d.add).toEqual([]);
    expect(d.remove).toEqual([]);
    expect(d.counts.size).toBe(0);
  });

  it('takes back an existing vote, and a repeated up is a no-op (a second tab cannot count twice)', () => {
    const d = decideVoteBatch(new Map([['q1', live(2)]]), new Set([pairKey('q1', 'a'), pairKey('q1', 'b')]), [
      { questionId: 'q1', attendeeId: 'a', up: false },
      { questionId: 'q1', attendeeId: 'b', up: true },
      { questionId: 'q1', attendeeId: 'b', up: true },
    ]);
    expect(d.outcomes.map((o) => o.ok && o.voted)).toEqual([false, true, true]);
    expect(d.outcomes.map((o) => o.ok && o.changed)).toEqual([true, false, false]);
    expect(d.remove).toEqual([{ questionId: 'q1', attendeeId: 'a' }]);
    expect(d.add).toEqual([]);
    expect(Object.fromEntries(d.counts)).toEqual({ q1: { before: 2, after: 1 } });
  });

  it('refuses only the votes on missing or closed questions', () => {
    const d = decideVoteBatch(new Map([['q1', live(0)], ['q2', { state: 'answered' as QuestionState, votes: 4 }]]), new Set(), [
      { questionId: 'gone', attendeeId: 'a', up: true },
      { questionId: 'q2', attendeeId: 'a', up: true },
      { questionId: 'q1', attendeeId: 'a', up: true },
    ]);
    expect(d.outcomes[0]).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(d.outcomes[1]).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect(d.outcomes[2]).toEqual({ ok: true, voted: true, changed: true });
    expect(Object.fromEntries(d.counts)).toEqual({ q1: { before: 0, after: 1 } });
  });

  it('an empty window changes nothing', () => {
    expect(decideVoteBatch(new Map(), new Set(), [])).toEqual({ outcomes: [], add: [], remove: [], counts: new Map() });
  });
});
