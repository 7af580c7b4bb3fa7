/**
 * On-air latency: from the moderator's `stage:show` to the `stage:screen` change arriving on a presenter
 * screen socket and on an overlay socket (both hold the stage link), 240 samples. Prints p50/p99 (target
 * < 250 ms on the project machine); asserts only a loose bound so CI load does not make it flaky.
 */
import { describe, expect, it } from 'vitest';
import type { Change } from '../../shared/socket.js';
import type { OnAirItem } from '../../shared/stage/schemas.js';
import { connect, createEvent, joinAttendee, serverWithOrganizer, type Client } from './helpers.js';

// 240 commands from one moderator socket in a few seconds: above the general 100 per 10 s.
const ctx = serverWithOrganizer({ limits: { command: { capacity: 100_000, perMs: 1000 } } });
const SAMPLES = 240;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Resolves with the arrival time of the next stage:screen change that puts `item` on `screen`. */
function arrival(c: Client, screen: 'room' | 'overlay', item: OnAirItem): Promise<number> {
  return new Promise((resolve) => {
    const on = ({ changes }: { changes: Change[] }) => {
      const hit = changes.some((ch) => ch.type === 'stage:screen' && ch.screen === screen && JSON.stringify(ch.state.item) === JSON.stringify(item));
      if (!hit) return;
      c.socket.off('sync:delta', on);
      c.socket.off('sync:deltas', onMany);
      resolve(performance.now());
    };
    // The stage room gets the public cadence: a tick's deltas as one sync:deltas, a lone one as sync:delta.
    const onMany = ({ deltas }: { deltas: Array<{ changes: Change[] }> }) => deltas.forEach(on);
    c.socket.on('sync:delta', on);
    c.socket.on('sync:deltas', onMany);
  });
}

describe('on-air latency', () => {
  it(`moderator stage:show → stage and overlay sockets, ${SAMPLES} samples`, async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    const mod = await connect(ctx.t, { code: ev.code, token: ev.tokens.moderator });
    const stage = await connect(ctx.t, { code: ev.code, token: ev.tokens.stage });
    const overlay = await connect(ctx.t, { code: ev.code, token: ev.tokens.stage });
    const toStage: number[] = [];
    const toOverlay: number[] = [];
    const both: number[] = [];
    const att = await connect(ctx.t, { code: ev.code, token: (await joinAttendee(ctx.t, ev.code)).token });
    const q = (await att.ok('qa:ask', { text: 'Auf Sendung' })).question.id;
    // Alternate two items, so every show changes what is on air.
    const items: OnAirItem[] = [{ kind: 'join' }, { kind: 'question', questionId: q }];
    for (let i = 0; i < SAMPLES; i++) {
      const item = items[i % 2]!;
      const atStage = arrival(stage, 'room', item);
      const atOverlay = arrival(overlay, 'overlay', item);
      const sent = performance.now();
      await mod.ok('stage:show', { screen: 'both', item, autoHideS: null });
      const [s, o] = await Promise.all([atStage, atOverlay]);
      toStage.push(s - sent);
      toOverlay.push(o - sent);
      both.push(Math.max(s, o) - sent);
    }
    const report = (name: string, xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      return { name, p50: +percentile(sorted, 50).toFixed(1), p99: +percentile(sorted, 99).toFixed(1), max: +sorted[sorted.length - 1]!.toFixed(1) };
    };
    const rows = [report('stage socket', toStage), report('overlay socket', toOverlay), report('both on air', both)];
    console.log(`on-air latency over ${SAMPLES} samples (ms): ${rows.map((r) => `${r.name} p50 ${r.p50} p99 ${r.p99} max ${r.max}`).join('; ')}`);
    expect(toStage).toHaveLength(SAMPLES);
    expect(rows[2]!.p99).toBeLessThan(2000);
    for (const c of [mod, stage, overlay, att]) c.close();
  }, 120_000);

  it('the stage room gets every delta at once (docs/protocol.md, sync:deltas); attendees get a tick\'s deltas together', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    const mod = await connect(ctx.t, { code: ev.code, token: ev.tokens.moderator });
    const stage = await connect(ctx.t, { code: ev.code, token: ev.tokens.stage });
    const att = await connect(ctx.t, { code: ev.code, token: (await joinAttendee(ctx.t, ev.code)).token });
    await new Promise((r) => setTimeout(r, 300));
    const got = { stageOne: 0, stageMany: 0, attMany: 0 };
    stage.socket.on('sync:delta', () => void got.stageOne++);
    stage.socket.on('sync:deltas', () => void got.stageMany++);
    att.socket.on('sync:deltas', () => void got.attMany++);
    // Six commits within one tick, each changing the room screen (the queue runs them in order).
    await Promise.all([0, 1, 2, 3, 4, 5].map((i) => (i % 2 ? mod.ok('stage:clear', { screen: 'room' }) : mod.ok('stage:show', { screen: 'room', item: { kind: 'join' } }))));
    await new Promise((r) => setTimeout(r, 400));
    expect(got.stageMany).toBe(0);
    expect(got.stageOne).toBe(6);
    expect(got.attMany).toBeGreaterThanOrEqual(1);
    for (const c of [mod, stage, att]) c.close();
  });
});
