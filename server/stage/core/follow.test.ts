import { describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/socket.js';
import { show } from './commands.js';
import { applyFollow, followEvents, type FollowInput } from './follow.js';
import { emptyStage, type FollowMemory, type OnAirItem, type StageState } from './types.js';

const now = new Date('2026-11-30T10:00:00.000Z');
const both: FollowInput['settings'] = { follow: { room: true, overlay: true }, overlayAutoHideS: null };
const noMemory: FollowMemory = { highlightedId: null, presentedId: null, shownRounds: [] };
const q = (id: string): OnAirItem => ({ kind: 'question', questionId: id });

function on(state: StageState, item: OnAirItem, target: 'room' | 'overlay' | 'both' = 'both'): StageState {
  return show(state, { target, item, autoHideS: undefined, defaultAutoHideS: null, by: 'moderator', now });
}

function run(state: StageState, changes: Change[], memory = noMemory, settings = both) {
  return applyFollow({ state, memory, events: followEvents(changes), settings, now });
}

const round = (id: string, showResults: boolean, status = 'closed') =>
  ({ type: 'breakouts:round', round: { id, showResults, status } }) as unknown as Change;

describe('followEvents', () => {
  it('ignores the changes that do not concern the stage', () => {
    expect(followEvents([{ type: 'question:votes', counts: { a: 1 } }, { type: 'people:count', present: 3 }, { type: 'qa:queue', ids: ['a'] }])).toEqual([]);
  });
});

describe('applyFollow', () => {
  it('a highlight goes on air on the following screens only, with the event default auto-hide', () => {
    const r = run(emptyStage(), [{ type: 'qa:highlight', id: 'a' }], noMemory, { follow: { room: true, overlay: false }, overlayAutoHideS: 8 });
    expect(r.state.room).toMatchObject({ item: q('a'), by: 'follow' });
    expect(r.state.overlay.item).toBeNull();
    expect(r.memory.highlightedId).toBe('a');
    const o = run(emptyStage(), [{ type: 'qa:highlight', id: 'a' }], noMemory, { follow: { room: false, overlay: true }, overlayAutoHideS: 8 });
    expect(o.state.overlay).toMatchObject({ item: q('a'), autoHideS: 8, by: 'follow' });
  });

  it('a cleared highlight clears the screens that still show that question, not others', () => {
    const first = run(emptyStage(), [{ type: 'qa:highlight', id: 'a' }]);
    const moved = on(first.state, q('b'), 'overlay'); // the moderator put another question on the overlay
    const r = run(moved, [{ type: 'qa:highlight', id: null }], first.memory);
    expect(r.state.room.item).toBeNull();
    expect(r.state.overlay.item).toEqual(q('b'));
    expect(r.memory.highlightedId).toBeNull();
  });

  it('with follow off nothing follows and nothing is cleared by a highlight', () => {
    const off = { follow: { room: false, overlay: false }, overlayAutoHideS: null };
    const s = on(emptyStage(), q('a'));
    const r = run(s, [{ type: 'qa:highlight', id: 'b' }, { type: 'qa:highlight', id: null }], { ...noMemory, highlightedId: 'a' }, off);
    expect(r.state).toEqual(s);
  });

  it('a presented poll follows; presenting none takes that poll off air but not its leaderboard', () => {
    const r = run(emptyStage(), [{ type: 'polls:presented', id: 'p' }]);
    expect(r.state.room.item).toEqual({ kind: 'poll', pollId: 'p' });
    const lb = on(r.state, { kind: 'leaderboard', pollId: 'p' }, 'overlay');
    const off = run(lb, [{ type: 'polls:presented', id: null }], r.memory);
    expect(off.state.room.item).toBeNull();
    expect(off.state.overlay.item).toEqual({ kind: 'leaderboard', pollId: 'p' });
  });

  it('round results: shown once follows, further updates of the round do not put it back, hidden clears', () => {
    const r1 = run(emptyStage(), [round('r', true)]);
    expect(r1.state.room.item).toEqual({ kind: 'round', roundId: 'r' });
    const cleared = on(r1.state, { kind: 'join' });
    const r2 = run(cleared, [round('r', true)], r1.memory);
    expect(r2.state.room.item).toEqual({ kind: 'join' });
    const back = on(r2.state, { kind: 'round', roundId: 'r' }, 'room');
    const r3 = run(back, [round('r', false)], r2.memory);
    expect(r3.state.room.item).toBeNull();
    expect(r3.memory.shownRounds).toEqual([]);
    expect(run(emptyStage(), [round('r', false)]).state).toEqual(emptyStage());
  });

  it('items that disappear leave every screen and the queue, follow or not', () => {
    const off = { follow: { room: false, overlay: false }, overlayAutoHideS: null };
    let s = on(emptyStage(), q('a'));
    s = { ...s, queue: [{ id: 'e1', item: q('a') }, { id: 'e2', item: { kind: 'poll', pollId: 'p' } }, { id: 'e3', item: { kind: 'round', roundId: 'r' } }] };
    const modQ = (state: string) => ({ type: 'question:upsert', question: { id: 'a', state } }) as unknown as Change;
    expect(run(s, [modQ('live')], noMemory, off).state).toEqual(s);
    expect(run(s, [modQ('answered')], noMemory, off).state).toEqual(s);
    for (const gone of ['rejected', 'merged', 'pending', 'withdrawn']) {
      const r = run(s, [modQ(gone)], noMemory, off);
      expect(r.state.room.item, gone).toBeNull();
      expect(r.state.queue.map((e) => e.id)).toEqual(['e2', 'e3']);
    }
    expect(run(s, [{ type: 'question:remove', id: 'a' }], noMemory, off).state.overlay.item).toBeNull();
    expect(run(s, [{ type: 'polls:remove', id: 'p' }], noMemory, off).state.queue.map((e) => e.id)).toEqual(['e1', 'e3']);
    const pollAs = (status: string) => ({ type: 'polls:upsert', poll: { id: 'p', status } }) as unknown as Change;
    expect(run(s, [pollAs('closed')], noMemory, off).state).toEqual(s);
    expect(run(s, [pollAs('draft')], noMemory, off).state.queue.map((e) => e.id)).toEqual(['e1', 'e3']);
    expect(run(s, [{ type: 'breakouts:roundRemove', id: 'r' }], noMemory, off).state.queue.map((e) => e.id)).toEqual(['e1', 'e2']);
  });
});
