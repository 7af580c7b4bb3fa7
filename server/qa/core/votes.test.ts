import { describe, expect, it } from 'vitest';
import { applyVote, decideVote } from './votes.js';
import { thrownCode as code } from '../../testing/thrown-code.js';


describe('vote rules', () => {
  it('one vote per person: up twice counts once, down without a vote does nothing', () => {
    const live = { state: 'live' as const };
    expect(decideVote(live, false, true)).toBe('add');
    expect(decideVote(live, true, true)).toBe('none');
    expect(decideVote(live, true, false)).toBe('remove');
    expect(decideVote(live, false, false)).toBe('none');
  });

  it('only live questions can be voted on, in either direction', () => {
    for (const state of ['pending', 'answered', 'rejected', 'withdrawn'] as const) {
      expect(code(() => decideVote({ state }, false, true))).toBe('invalid_state');
      expect(code(() => decideVote({ state }, true, false))).toBe('invalid_state');
    }
    expect(code(() => decideVote(undefined, false, true))).toBe('not_found');
  });

  it('applies the decision to the count and never goes below zero', () => {
    expect(applyVote(4, 'add')).toBe(5);
    expect(applyVote(4, 'remove')).toBe(3);
    expect(applyVote(0, 'remove')).toBe(0);
    expect(applyVote(4, 'none')).toBe(4);
  });
});
