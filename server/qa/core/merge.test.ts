import { describe, expect, it } from 'vitest';
import { thrownCode as code } from '../../testing/thrown-code.js';
import { isMerged, mergeQuestions, releaseMerged, type VoteRow } from './merge.js';
import { question, T0, T1 } from './test-fixtures.js';

const vote = (questionId: string, attendeeId: string, minute: number): VoteRow => ({
  questionId,
  attendeeId,
  createdAt: new Date(T0.getTime() + minute * 60_000).toISOString(),
});

const kept = question({ id: 'k', votes: 2, text: 'Wird der Vortrag aufgezeichnet?' });
const merged = question({ id: 'm', votes: 3, authorId: 'a9', text: 'Gibt es eine Aufzeichnung?', highlighted: true, queuePos: 4 });

describe('mergeQuestions', () => {
  it('moves the votes, counting a person who voted for both once', () => {
    const votes = [vote('k', 'ann', 1), vote('k', 'bob', 2), vote('m', 'bob', 0), vote('m', 'cem', 3), vote('m', 'dan', 4), vote('x', 'eve', 1)];
    const r = mergeQuestions({ kept, merged, votes, now: T1 });
    expect(r.votes.map((v) => v.attendeeId)).toEqual(['ann', 'bob', 'cem', 'dan']);
    expect(r.votes.every((v) => v.questionId === 'k')).toBe(true);
    expect(r.kept.votes).toBe(4);
    // bob keeps his vote on the kept question; his vote on the merged one is dropped, not moved
    expect(r.votes.find((v) => v.attendeeId === 'bob')).toEqual(vote('k', 'bob', 2));
    expect(r.moved).toEqual([vote('k', 'cem', 3), vote('k', 'dan', 4)]);
    expect(r.dropped).toEqual([vote('m', 'bob', 0), vote('m', 'cem', 3), vote('m', 'dan', 4)]);
  });

  it('marks the merged question with where it went, without votes, off the stage and the queue', () => {
    const r = mergeQuestions({ kept, merged, votes: [vote('m', 'cem', 3)], now: T1 });
    expect(r.merged).toEqual({ ...merged, state: 'merged', mergedInto: 'k', votes: 0, highlighted: false, queuePos: null, updatedAt: T1.toISOString() });
    expect(isMerged(r.merged)).toBe(true);
    expect(isMerged(r.kept)).toBe(false);
    expect(r.kept).toEqual({ ...kept, votes: 1, updatedAt: T1.toISOString() });
  });

  it('works without any votes and does not change its inputs', () => {
    const votes = [vote('k', 'ann', 1)];
    const before = JSON.stringify({ kept, merged, votes });
    const r = mergeQuestions({ kept, merged, votes: [], now: T1 });
    expect(r.kept.votes).toBe(0);
    expect(r.moved).toEqual([]);
    mergeQuestions({ kept, merged, votes, now: T1 });
    expect(JSON.stringify({ kept, merged, votes })).toBe(before);
  });

  it('counts repeated rows of one person once (the oldest stays)', () => {
    const r = mergeQuestions({ kept, merged, votes: [vote('m', 'cem', 5), vote('m', 'cem', 3), vote('k', 'ann', 2), vote('k', 'ann', 1)], now: T1 });
    expect(r.votes).toEqual([vote('k', 'ann', 1), vote('k', 'cem', 3)]);
    expect(r.kept.votes).toBe(2);
  });

  it('merges pending and live questions into pending, live or answered ones', () => {
    for (const from of ['pending', 'live'] as const) {
      for (const into of ['pending', 'live', 'answered'] as const) {
        const r = mergeQuestions({ kept: { ...kept, state: into }, merged: { ...merged, state: from }, votes: [], now: T1 });
        expect(r.merged.mergedInto).toBe('k');
        expect(r.kept.state).toBe(into);
      }
    }
  });

  it('refuses what makes no sense', () => {
    const m = (over: Partial<Parameters<typeof mergeQuestions>[0]>) => () => mergeQuestions({ kept, merged, votes: [], now: T1, ...over });
    expect(code(m({ merged: kept }))).toBe('invalid_state');
    expect(code(m({ merged: { ...merged, eventId: 'e2' } }))).toBe('not_found');
    expect(code(m({ merged: { ...merged, mergedInto: 'z' } }))).toBe('invalid_state');
    expect(code(m({ kept: { ...kept, mergedInto: 'z' } }))).toBe('invalid_state');
    for (const state of ['answered', 'rejected', 'withdrawn'] as const) expect(code(m({ merged: { ...merged, state } }))).toBe('invalid_state');
    for (const state of ['rejected', 'withdrawn'] as const) expect(code(m({ kept: { ...kept, state } }))).toBe('invalid_state');
    expect(code(m({}))).toBeUndefined();
  });
  it('a duplicate whose kept question was erased comes back to review, no longer merged; other states stay', () => {
    const dup = question({ id: 'q2', state: 'merged', mergedInto: 'q1', highlighted: false });
    expect(releaseMerged(dup, T1)).toMatchObject({ state: 'pending', mergedInto: null, text: dup.text, updatedAt: T1.toISOString() });
    const live = question({ id: 'q3' });
    expect(releaseMerged(live, T1)).toBe(live);
  });
});
