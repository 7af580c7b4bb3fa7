/**
 * The people module through the kernel: "who is here" counts for every audience, the people list for
 * staff only, personal changes to one attendee's tabs, and a deleted event forgotten by every module.
 */
import { describe, expect, it } from 'vitest';
import { Mirror, api, connect, createEvent, joinAttendee, serverWithOrganizer, sleep, until } from './helpers.js';

const ctx = serverWithOrganizer();

describe('people', () => {
  it('every audience gets the number of attendees online (two tabs are one person); only staff get the list', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    const stage = await connect(ctx.t, { code: ev.code, token: ev.tokens.stage });
    const mod = await connect(ctx.t, { code: ev.code, token: ev.tokens.moderator });
    const stageM = new Mirror(stage);
    const modM = new Mirror(mod);
    await Promise.all([stageM.sync(), modM.sync()]);
    expect(stageM.present).toBe(0);

    const [a, b] = await Promise.all([joinAttendee(ctx.t, ev.code, 'A'), joinAttendee(ctx.t, ev.code, 'B')]);
    const tabs = await Promise.all([a, a, b].map((p) => connect(ctx.t, { code: ev.code, token: p.token })));
    await until(() => stageM.present === 2 && modM.present === 2, 2000, 'count 2');
    expect(stageM.people.size).toBe(0);
    await until(() => [...modM.people.values()].filter((p) => p.online).length === 2, 2000, 'staff list');

    tabs[0]!.close(); // A still has a tab open
    tabs[2]!.close(); // B leaves
    await until(() => stageM.present === 1, 2000, 'count 1');
    const snap = await stage.snapshot();
    expect(snap.people).toEqual({ people: [], present: 1 });
    expect((await mod.snapshot()).people.people.map((p) => [p.name, p.online]).sort()).toEqual([['A', true], ['B', false]]);
    for (const c of [stage, mod, tabs[1]!]) c.close();
  });

  it('personal changes reach every tab of that attendee only, as sync:personal', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie, { settings: { qa: { premoderation: true } } });
    const [a, b] = await Promise.all([joinAttendee(ctx.t, ev.code, 'A'), joinAttendee(ctx.t, ev.code, 'B')]);
    const [a1, a2, b1] = await Promise.all([a, a, b].map((p) => connect(ctx.t, { code: ev.code, token: p.token })));
    const personal: unknown[][] = [[], [], []];
    [a1, a2, b1].forEach((c, i) => c!.socket.on('sync:personal', ({ changes }) => personal[i]!.push(...changes)));
    const { question } = await a1!.ok('qa:ask', { text: 'Nur für mich sichtbar?' });
    await until(() => personal[0]!.length === 1 && personal[1]!.length === 1, 2000, 'both tabs');
    expect(personal[0]).toEqual([{ type: 'qa:own', question: expect.objectContaining({ id: question.id, state: 'pending' }) }]);
    await sleep(50);
    expect(personal[2]).toEqual([]);
    for (const c of [a1, a2, b1]) c!.close();
  });

  it('deleting an event makes every module forget it (no flush, no timer, no cache afterwards)', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    const a = await joinAttendee(ctx.t, ev.code, 'A');
    const tab = await connect(ctx.t, { code: ev.code, token: a.token });
    await tab.ok('qa:ask', { text: 'Frage' });
    expect((await api(ctx.t.url, `/api/events/${ev.id}`, { method: 'DELETE', cookie: ctx.cookie })).status).toBe(204);
    await until(() => tab.revoked.includes('event_deleted'), 2000, 'revoked');
    await sleep(100);
    expect(ctx.t.server.kernel.queues.activeKeys).toBe(0);
  });
});
