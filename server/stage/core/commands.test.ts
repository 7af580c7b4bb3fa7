import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/errors.js';
import { QUEUE_MAX } from '../../../shared/stage/schemas.js';
import { clear, dequeue, dropItems, enqueue, expireOverlay, next, overlayDeadline, reorder, show } from './commands.js';
import { emptyStage, type OnAirItem, type StageState } from './types.js';

const now = new Date('2026-11-30T10:00:00.000Z');
const q = (id: string): OnAirItem => ({ kind: 'question', questionId: id });
const base = { autoHideS: undefined, defaultAutoHideS: null, by: 'moderator' as const, now };

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof DomainError ? err.code : 'not a DomainError';
  }
  return undefined;
}

function queued(...ids: string[]): StageState {
  return ids.reduce((s, id) => enqueue(s, q(id), `e-${id}`), emptyStage());
}

describe('show and clear', () => {
  it('puts an item on one screen, the other stays dark; the room never auto-hides', () => {
    const s = show(emptyStage(), { ...base, target: 'room', item: q('a'), autoHideS: 10 });
    expect(s.room).toEqual({ item: q('a'), since: now.toISOString(), autoHideS: null, by: 'moderator' });
    expect(s.overlay.item).toBeNull();
  });

  it('both screens; the overlay takes the command value, else the event default (null stays null)', () => {
    expect(show(emptyStage(), { ...base, target: 'both', item: q('a'), defaultAutoHideS: 15 }).overlay.autoHideS).toBe(15);
    expect(show(emptyStage(), { ...base, target: 'both', item: q('a'), autoHideS: 5, defaultAutoHideS: 15 }).overlay.autoHideS).toBe(5);
    expect(show(emptyStage(), { ...base, target: 'overlay', item: q('a'), autoHideS: null, defaultAutoHideS: 15 }).overlay.autoHideS).toBeNull();
  });

  it('clear takes the target screens off air and keeps the queue', () => {
    const s = show(queued('x'), { ...base, target: 'both', item: q('a') });
    const c = clear(s, 'overlay');
    expect(c.room.item).toEqual(q('a'));
    expect(c.overlay).toEqual({ item: null, since: null, autoHideS: null, by: null });
    expect(clear(c, 'both').room.item).toBeNull();
    expect(clear(c, 'both').queue).toHaveLength(1);
  });
});

describe('queue', () => {
  it('enqueue appends once per item and refuses more than the maximum', () => {
    const s = queued('a', 'b');
    expect(enqueue(s, q('a'), 'other')).toBe(s);
    const full = queued(...Array.from({ length: QUEUE_MAX }, (_, i) => `q${i}`));
    expect(full.queue).toHaveLength(QUEUE_MAX);
    expect(code(() => enqueue(full, q('one more'), 'x'))).toBe('stage_queue_full');
  });

  it('dequeue removes by entry id; an unknown id changes nothing', () => {
    const s = queued('a', 'b');
    expect(dequeue(s, 'e-a').queue.map((e) => e.id)).toEqual(['e-b']);
    expect(dequeue(s, 'nope')).toBe(s);
  });

  it('reorder: named entries first, the rest keep their order, unknown ids and repeats ignored', () => {
    const s = queued('a', 'b', 'c', 'd');
    expect(reorder(s, ['e-c', 'nope', 'e-a', 'e-c']).queue.map((e) => e.id)).toEqual(['e-c', 'e-a', 'e-b', 'e-d']);
    expect(reorder(s, ['e-a', 'e-b'])).toBe(s);
  });

  it('next shows the head on the target and removes it; an empty queue is refused', () => {
    const s = next(queued('a', 'b'), { ...base, target: 'overlay', autoHideS: 20 });
    expect(s.overlay).toMatchObject({ item: q('a'), autoHideS: 20 });
    expect(s.room.item).toBeNull();
    expect(s.queue.map((e) => e.id)).toEqual(['e-b']);
    expect(code(() => next(emptyStage(), { ...base, target: 'room' }))).toBe('stage_queue_empty');
  });
});

describe('items that disappear and the auto-hide', () => {
  it('dropItems clears every screen showing it and removes it from the queue', () => {
    const s = show(queued('a', 'b'), { ...base, target: 'both', item: q('a') });
    const d = dropItems(s, (i) => i.kind === 'question' && i.questionId === 'a');
    expect(d.room.item).toBeNull();
    expect(d.overlay.item).toBeNull();
    expect(d.queue.map((e) => e.id)).toEqual(['e-b']);
    expect(dropItems(d, () => false)).toBe(d);
  });

  it('the overlay expires at since + autoHideS, not a millisecond earlier', () => {
    const s = show(emptyStage(), { ...base, target: 'both', item: q('a'), autoHideS: 10 });
    expect(overlayDeadline(s)).toBe(now.getTime() + 10_000);
    expect(expireOverlay(s, new Date(now.getTime() + 9_999))).toBe(s);
    const e = expireOverlay(s, new Date(now.getTime() + 10_000));
    expect(e.overlay.item).toBeNull();
    expect(e.room.item).toEqual(q('a'));
    expect(overlayDeadline(e)).toBeNull();
    expect(overlayDeadline(show(emptyStage(), { ...base, target: 'overlay', item: q('a') }))).toBeNull();
  });
});
