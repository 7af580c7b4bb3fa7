import { describe, expect, it } from 'vitest';
import { boardAfter, chooseHighlight, chooseQueue } from './board.js';
import { question } from './test-fixtures.js';
import { thrownCode as code } from '../../testing/thrown-code.js';


describe('highlight and queue', () => {
  it('highlights only an existing live question; null clears', () => {
    expect(chooseHighlight('q1', { state: 'live' })).toBe('q1');
    expect(chooseHighlight(null, undefined)).toBeNull();
    expect(code(() => chooseHighlight('q1', { state: 'pending' }))).toBe('invalid_state');
    expect(code(() => chooseHighlight('q1', undefined))).toBe('not_found');
  });

  it('queues distinct live questions in the given order', () => {
    const states = new Map([['a', 'live'], ['b', 'live'], ['c', 'answered']] as const);
    expect(chooseQueue(['b', 'a'], states)).toEqual(['b', 'a']);
    expect(chooseQueue([], states)).toEqual([]);
    expect(code(() => chooseQueue(['a', 'a'], states))).toBe('invalid_payload');
    expect(code(() => chooseQueue(['c'], states))).toBe('invalid_state');
    expect(code(() => chooseQueue(['zz'], states))).toBe('not_found');
  });

  it('drops answered, rejected and deleted questions from the board', () => {
    const board = { highlightedId: 'a', queue: ['b', 'a', 'c'] };
    expect(boardAfter(board, [{ id: 'a', after: question({ id: 'a', state: 'answered' }) }])).toEqual({ highlightedId: null, queue: ['b', 'c'] });
    expect(boardAfter(board, [{ id: 'c', after: null }])).toEqual({ highlightedId: 'a', queue: ['b', 'a'] });
    expect(boardAfter(board, [{ id: 'b', after: question({ id: 'b', queuePos: 0 }) }])).toEqual(board);
  });
});
