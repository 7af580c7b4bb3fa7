import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/errors.js';
import { authorize, authorizeClear, checkItem, type ItemFacts } from './items.js';
import { show } from './commands.js';
import { emptyStage, type OnAirItem } from './types.js';

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof DomainError ? err.code : 'not a DomainError';
  }
  return undefined;
}

const items: Record<OnAirItem['kind'], OnAirItem> = {
  question: { kind: 'question', questionId: 'q' },
  poll: { kind: 'poll', pollId: 'p' },
  leaderboard: { kind: 'leaderboard', pollId: 'p' },
  round: { kind: 'round', roundId: 'r' },
  join: { kind: 'join' },
};

describe('who may put what on air', () => {
  it('moderators and organizers anything; facilitators rounds and the join screen only', () => {
    for (const item of Object.values(items)) {
      expect(code(() => authorize('moderator', item))).toBeUndefined();
      expect(code(() => authorize('organizer', item))).toBeUndefined();
      expect(code(() => authorize('facilitator', item))).toBe(item.kind === 'round' || item.kind === 'join' ? undefined : 'forbidden');
      expect(code(() => authorize('speaker', item))).toBe('forbidden');
    }
  });

  it('a facilitator may take off air only what a facilitator may show', () => {
    const now = new Date();
    const s = show(show(emptyStage(), { target: 'room', item: items.round, autoHideS: undefined, defaultAutoHideS: null, by: 'facilitator', now }), {
      target: 'overlay', item: items.question, autoHideS: undefined, defaultAutoHideS: null, by: 'moderator', now,
    });
    expect(code(() => authorizeClear('facilitator', s, ['room']))).toBeUndefined();
    expect(code(() => authorizeClear('facilitator', s, ['room', 'overlay']))).toBe('forbidden');
    expect(code(() => authorizeClear('facilitator', emptyStage(), ['room', 'overlay']))).toBeUndefined();
    expect(code(() => authorizeClear('moderator', s, ['room', 'overlay']))).toBeUndefined();
  });
});

describe('what may be shown', () => {
  const cases: Array<[string, OnAirItem, ItemFacts, string | undefined]> = [
    ['a live question', items.question, { kind: 'question', state: 'live' }, undefined],
    ['an answered question', items.question, { kind: 'question', state: 'answered' }, undefined],
    ['a pending question', items.question, { kind: 'question', state: 'pending' }, 'stage_item_invalid'],
    ['a rejected question', items.question, { kind: 'question', state: 'rejected' }, 'stage_item_invalid'],
    ['a withdrawn question', items.question, { kind: 'question', state: 'withdrawn' }, 'stage_item_invalid'],
    ['a merged question', items.question, { kind: 'question', state: 'merged' }, 'stage_item_invalid'],
    ['no question', items.question, { kind: 'question', state: null }, 'stage_item_not_found'],
    ['an open poll', items.poll, { kind: 'poll', poll: { type: 'single', status: 'open' } }, undefined],
    ['a closed word cloud', items.poll, { kind: 'poll', poll: { type: 'wordcloud', status: 'closed' } }, undefined],
    ['a draft poll', items.poll, { kind: 'poll', poll: { type: 'single', status: 'draft' } }, 'stage_item_invalid'],
    ['no poll', items.poll, { kind: 'poll', poll: null }, 'stage_item_not_found'],
    ['a quiz leaderboard', items.leaderboard, { kind: 'leaderboard', poll: { type: 'quiz', status: 'open' } }, undefined],
    ['a leaderboard of a poll', items.leaderboard, { kind: 'leaderboard', poll: { type: 'rating', status: 'open' } }, 'stage_item_invalid'],
    ['a leaderboard of a draft quiz', items.leaderboard, { kind: 'leaderboard', poll: { type: 'quiz', status: 'draft' } }, 'stage_item_invalid'],
    ['no quiz', items.leaderboard, { kind: 'leaderboard', poll: null }, 'stage_item_not_found'],
    ['a running round', items.round, { kind: 'round', round: { status: 'running' } }, undefined],
    ['a closed round', items.round, { kind: 'round', round: { status: 'closed' } }, undefined],
    ['a draft round', items.round, { kind: 'round', round: { status: 'draft' } }, 'stage_item_invalid'],
    ['no round', items.round, { kind: 'round', round: null }, 'stage_item_not_found'],
    ['the join screen', items.join, { kind: 'join' }, undefined],
  ];
  it.each(cases)('%s', (_what, item, facts, expected) => {
    expect(code(() => checkItem(item, facts))).toBe(expected);
  });
});
