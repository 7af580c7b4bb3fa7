import { describe, expect, it } from 'vitest';
import type { ScreenState } from '../../shared/stage/index.js';
import { createSyncReducer } from '../kernel/reducer.js';
import { clientFeatures } from '../features.js';
import { snapshot } from '../testing/fixtures.js';
import { applyStage, emptyStage, hidesAt, moveEntry, offAir, overlayVisible, stageFromSnapshot } from './slice.js';

const onAir = (over: Partial<ScreenState> = {}): ScreenState => ({ item: { kind: 'question', questionId: 'q1' }, since: '2025-01-01T10:00:00.000Z', autoHideS: null, by: 'moderator', ...over });

describe('stage slice', () => {
  it('takes both screens and the queue from the snapshot, and the empty state without a part', () => {
    const part = { room: onAir(), overlay: offAir, queue: [{ id: 'e1', item: { kind: 'join' as const } }] };
    expect(stageFromSnapshot(part)).toEqual(part);
    expect(stageFromSnapshot(undefined)).toBe(emptyStage);
  });

  it('replaces one screen on stage:screen and the queue on stage:queue; ignores other changes', () => {
    const s1 = applyStage(emptyStage, { type: 'stage:screen', screen: 'overlay', state: onAir({ autoHideS: 10 }) });
    expect(s1.overlay.autoHideS).toBe(10);
    expect(s1.room).toBe(offAir);
    const s2 = applyStage(s1, { type: 'stage:queue', queue: [{ id: 'a', item: { kind: 'round', roundId: 'r1' } }] });
    expect(s2.queue.map((e) => e.id)).toEqual(['a']);
    expect(applyStage(s2, { type: 'qa:pendingCount', count: 3 } as never)).toBe(s2);
  });

  it('follows the acks of show, next and reorder through the kernel reducer', () => {
    const reducer = createSyncReducer(clientFeatures);
    let state = reducer.snapshot(reducer.initial(), snapshot({ seq: 1, me: { role: 'moderator', id: 'm' } }));
    state = reducer.ack(state, 'stage:show', { screen: 'room', item: { kind: 'join' } }, { room: onAir({ item: { kind: 'join' } }), overlay: offAir });
    expect(state.stage.room.item).toEqual({ kind: 'join' });
    state = reducer.ack(state, 'stage:reorder', { ids: ['b', 'a'] }, { queue: [{ id: 'b', item: { kind: 'join' } }, { id: 'a', item: { kind: 'join' } }] });
    expect(state.stage.queue.map((e) => e.id)).toEqual(['b', 'a']);
    state = reducer.ack(state, 'stage:next', { screen: 'both' }, { room: onAir(), overlay: onAir(), queue: [] });
    expect(state.stage).toMatchObject({ queue: [], room: { item: { kind: 'question' } }, overlay: { item: { kind: 'question' } } });
  });
});

describe('overlay auto-hide', () => {
  const since = Date.parse('2025-01-01T10:00:00.000Z');
  it('hides after autoHideS from since; the URL value overrides; null stays', () => {
    expect(hidesAt(onAir({ autoHideS: 10 }))).toBe(since + 10_000);
    expect(hidesAt(onAir({ autoHideS: 10 }), 30)).toBe(since + 30_000);
    expect(hidesAt(onAir())).toBeNull();
    expect(hidesAt(offAir, 30)).toBeNull();
    expect(overlayVisible(onAir({ autoHideS: 10 }), since + 9_999)).toBe(true);
    expect(overlayVisible(onAir({ autoHideS: 10 }), since + 10_000)).toBe(false);
    expect(overlayVisible(onAir(), since + 10 ** 9)).toBe(true);
    expect(overlayVisible(offAir, since)).toBe(false);
  });
});

describe('moveEntry', () => {
  it('moves one id up or down and keeps the order at the ends', () => {
    expect(moveEntry(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(moveEntry(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c']);
    expect(moveEntry(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveEntry(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c']);
    expect(moveEntry(['a'], 'x', 1)).toEqual(['a']);
  });
});
