import { describe, expect, it } from 'vitest';
import { PollDefinition } from '../../../shared/polls/schemas.js';
import { thrownCode as code } from '../../testing/thrown-code.js';
import {
  checkOrder, closePoll, duplicatePoll, expirePoll, insertAt, openPoll, reopenPoll, resetPoll, revealPoll, updatePoll,
} from './lifecycle.js';
import { T0, at, defs, poll } from './test-fixtures.js';

describe('poll lifecycle', () => {
  it('draft → open → closed → reopen, with the timer setting closesAt', () => {
    const p = poll(defs.single, { settings: { timerSec: 60 } });
    const opened = openPoll(p, T0);
    expect(opened).toMatchObject({ status: 'open', openedAt: T0.toISOString(), closesAt: at(60).toISOString(), closedAt: null });
    const closed = closePoll(opened, at(10));
    expect(closed).toMatchObject({ status: 'closed', closesAt: null, closedAt: at(10).toISOString() });
    const again = reopenPoll(closed, at(100));
    expect(again).toMatchObject({ status: 'open', closesAt: at(160).toISOString(), closedAt: null, openedAt: T0.toISOString() });
  });

  it('refuses transitions from the wrong state', () => {
    const p = poll(defs.single);
    expect(code(() => closePoll(p, T0))).toBe('invalid_state');
    expect(code(() => reopenPoll(p, T0))).toBe('invalid_state');
    expect(code(() => openPoll(openPoll(p, T0), T0))).toBe('invalid_state');
    expect(code(() => openPoll(closePoll(openPoll(p, T0), T0), T0))).toBe('invalid_state');
    expect(code(() => resetPoll(openPoll(p, T0), T0))).toBe('invalid_state');
    const quiz = closePoll(openPoll(poll(defs.quiz), T0), at(5));
    expect(code(() => reopenPoll(quiz, at(6)))).toBe('invalid_state');
  });

  it('the timer closes the poll at closesAt, not later', () => {
    const opened = openPoll(poll(defs.single, { settings: { timerSec: 30 } }), T0);
    expect(expirePoll(opened, at(29))).toBe(opened);
    const expired = expirePoll(opened, at(45));
    expect(expired).toMatchObject({ status: 'closed', closedAt: at(30).toISOString() });
    const untimed = openPoll(poll(defs.single), T0);
    expect(expirePoll(untimed, at(99999))).toBe(untimed);
  });

  it('reset goes back to a draft; reveal toggles', () => {
    const closed = closePoll(openPoll(poll(defs.single), T0), at(5));
    expect(resetPoll(revealPoll(closed, true, at(6)), at(7))).toMatchObject({ status: 'draft', openedAt: null, closedAt: null, revealed: false });
    expect(revealPoll(closed, true, at(6)).revealed).toBe(true);
    expect(revealPoll(closed, false, at(6))).toBe(closed);
  });

  it('definition changes only when not open and without answers; settings any time', () => {
    const p = poll(defs.single);
    const def = PollDefinition.parse({ ...defs.single, question: 'Neu?' });
    expect(updatePoll(p, { definition: def }, { hasAnswers: false, now: at(1) }).definition.question).toBe('Neu?');
    expect(code(() => updatePoll(p, { definition: def }, { hasAnswers: true, now: at(1) }))).toBe('invalid_state');
    const opened = openPoll(p, T0);
    expect(code(() => updatePoll(opened, { definition: def }, { hasAnswers: false, now: at(1) }))).toBe('invalid_state');
    const timed = updatePoll(opened, { settings: { timerSec: 30, allowChange: true } }, { hasAnswers: true, now: at(10) });
    expect(timed).toMatchObject({ settings: { timerSec: 30, allowChange: true, results: 'live' }, closesAt: at(40).toISOString() });
    expect(updatePoll(timed, { settings: { timerSec: null } }, { hasAnswers: true, now: at(11) }).closesAt).toBeNull();
  });

  it('duplicate is a fresh draft after the original; order must list every poll once', () => {
    const closed = closePoll(openPoll(poll(defs.single, { position: 3 }), T0), at(5));
    expect(duplicatePoll(closed, 'p2', at(6))).toMatchObject({ id: 'p2', status: 'draft', position: 4, revealed: false, openedAt: null });
    expect(checkOrder(['b', 'a'], ['a', 'b'])).toEqual(['b', 'a']);
    for (const bad of [['a'], ['a', 'a'], ['a', 'c'], ['a', 'b', 'c']]) expect(code(() => checkOrder(bad, ['a', 'b']))).toBe('invalid_payload');
    expect(insertAt(['a', 'b', 'c'], 'x', 1)).toEqual(['a', 'x', 'b', 'c']);
  });
});
