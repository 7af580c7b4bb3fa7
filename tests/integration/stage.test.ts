/** The stage end to end over real sockets: commands, roles, item checks, follow, disappearing items, auto-hide. */
import { describe, expect, it } from 'vitest';
import { serverWithOrganizer, sleep } from './helpers.js';
import { lastScreen, question, stageChanges, stageSetup, untilScreen } from './stage-helpers.js';

const ctx = serverWithOrganizer();

describe('stage commands', () => {
  it('show, clear, enqueue, reorder, next, dequeue: staff and the stage room get the changes, attendees nothing', async () => {
    const s = await stageSetup(ctx.t, ctx.cookie);
    const q1 = (await s.att.ok('qa:ask', { text: 'Erste Frage' })).question.id;
    const q2 = (await s.att.ok('qa:ask', { text: 'Zweite Frage' })).question.id;

    const shown = await s.mod.ok('stage:show', { screen: 'room', item: question(q1) });
    expect(shown.room).toMatchObject({ item: question(q1), by: 'moderator', autoHideS: null });
    expect(shown.overlay.item).toBeNull();
    for (const c of [s.stage, s.overlay, s.speaker, s.mod]) await untilScreen(c, 'room', (st) => st?.item?.kind === 'question', 'room on air');

    const e1 = (await s.mod.ok('stage:enqueue', { item: question(q2) })).queue;
    const e2 = (await s.mod.ok('stage:enqueue', { item: { kind: 'join' } })).queue;
    expect(e2.map((e) => e.item)).toEqual([question(q2), { kind: 'join' }]);
    // The same item twice is queued once.
    expect((await s.mod.ok('stage:enqueue', { item: question(q2) })).queue).toHaveLength(2);
    const reordered = (await s.mod.ok('stage:reorder', { ids: [e2[1]!.id] })).queue;
    expect(reordered.map((e) => e.id)).toEqual([e2[1]!.id, e1[0]!.id]);

    const next = await s.mod.ok('stage:next', { screen: 'both', autoHideS: 30 });
    expect(next.room.item).toEqual({ kind: 'join' });
    expect(next.overlay).toMatchObject({ item: { kind: 'join' }, autoHideS: 30 });
    expect(next.queue.map((e) => e.item)).toEqual([question(q2)]);

    expect((await s.mod.ok('stage:dequeue', { id: next.queue[0]!.id })).queue).toEqual([]);
    expect((await s.mod.ok('stage:dequeue', { id: next.queue[0]!.id })).queue).toEqual([]);
    const empty = await s.mod.call('stage:next', { screen: 'room' });
    expect(!empty.ok && empty.error.code).toBe('stage_queue_empty');

    const cleared = await s.mod.ok('stage:clear', { screen: 'both' });
    expect(cleared.room.item).toBeNull();
    expect(cleared.overlay.item).toBeNull();
    await untilScreen(s.overlay, 'overlay', (st) => st !== undefined && st.item === null, 'overlay cleared');

    await sleep(100);
    expect(stageChanges(s.att)).toEqual([]);
    // The queue is for staff only.
    expect(stageChanges(s.stage).some((c) => c.type === 'stage:queue')).toBe(false);
    expect(stageChanges(s.mod).some((c) => c.type === 'stage:queue')).toBe(true);

    const snap = await s.att.snapshot();
    expect(snap.stage).toEqual({ room: { item: null, since: null, autoHideS: null, by: null }, overlay: { item: null, since: null, autoHideS: null, by: null }, queue: [] });
    expect(lastScreen(s.speaker, 'overlay')?.item).toBeNull();
    s.closeAll();
  });
});
