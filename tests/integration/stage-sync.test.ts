/**
 * Deltas and snapshots agree: a seeded random run of stage commands mixed with the flows the stage follows
 * or loses items by (highlight, present, reject, delete, answer, the speaker's done) — afterwards the state
 * each audience folded from its snapshot and deltas equals a fresh snapshot (moderator with the queue; the
 * stage, overlay and speaker sockets with the screens; attendees with nothing on air), and every
 * audience's seq is contiguous.
 */
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared/socket.js';
import type { OnAirItem, StageSnapshot } from '../../shared/stage/schemas.js';
import { expectContiguous, onEachDelta, rng, serverWithOrganizer, sleep, type Client } from './helpers.js';
import { defs } from './polls-helpers.js';
import { stageSetup } from './stage-helpers.js';

const ctx = serverWithOrganizer({ limits: { question: { capacity: 1000, perMs: 1000 }, command: { capacity: 100_000, perMs: 1000 } } });

/** The client's rule in miniature: the snapshot's stage part, then stage changes in seq order. */
function follower(c: Client, snap: Snapshot) {
  let state: StageSnapshot = snap.stage;
  const from = snap.seq;
  return {
    state: () => {
      for (const d of c.deltas) {
        if (d.seq <= from) continue;
        for (const ch of d.changes) {
          if (ch.type === 'stage:screen') state = { ...state, [ch.screen]: ch.state };
          if (ch.type === 'stage:queue') state = { ...state, queue: ch.queue };
        }
      }
      c.deltas.splice(0);
      return state;
    },
  };
}

describe('stage deltas converge with the snapshot', () => {
  it.each([1, 2, 3])('seed %i: 150 random steps', async (seed) => {
    const random = rng(seed);
    const s = await stageSetup(ctx.t, ctx.cookie, { stage: { speakerMayAnswer: true, follow: { room: seed !== 2, overlay: seed !== 3 } } });
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const questions: string[] = [];
    for (let i = 0; i < 8; i++) questions.push((await s.att.ok('qa:ask', { text: `Frage ${i}` })).question.id);
    const poll = (await s.mod.ok('polls:create', { definition: defs.single })).poll;
    await s.mod.ok('polls:open', { id: poll.id });
    const quiz = (await s.mod.ok('polls:create', { definition: defs.quiz })).poll;
    await s.mod.ok('polls:open', { id: quiz.id });
    await sleep(100);

    const clients = { mod: s.mod, stage: s.stage, overlay: s.overlay, speaker: s.speaker, att: s.att };
    const followers = Object.fromEntries(await Promise.all(Object.entries(clients).map(async ([k, c]) => [k, follower(c, await c.snapshot())] as const)));
    const allDeltas = Object.fromEntries(Object.keys(clients).map((k) => [k, [] as Snapshot['seq'][]]));
    // Staff get each delta as sync:delta; the public and the stage a tick's deltas as one sync:deltas.
    for (const [k, c] of Object.entries(clients)) onEachDelta(c.socket, (d) => allDeltas[k]!.push(d.seq));

    const items = (): OnAirItem[] => [
      { kind: 'join' },
      { kind: 'poll', pollId: poll.id },
      { kind: 'leaderboard', pollId: quiz.id },
      ...questions.map((questionId) => ({ kind: 'question' as const, questionId })),
    ];
    const screens = ['room', 'overlay', 'both'] as const;
    // What actually happened, so a run that only hits errors cannot pass.
    let okStage = 0;
    let followed = 0;
    onEachDelta(s.stage.socket, (d) => {
      followed += d.changes.filter((ch) => ch.type === 'stage:screen' && ch.state.by === 'follow').length;
    });
    const count = (res: { ok: boolean }) => {
      if (res.ok) okStage++;
    };
    for (let step = 0; step < 150; step++) {
      const r = random();
      const q = pick(questions);
      // Errors are part of the run (a question gone, an empty queue): they change nothing.
      if (r < 0.25) count(await s.mod.call('stage:show', { screen: pick(screens), item: pick(items()), autoHideS: pick([undefined, null, 600]) }));
      else if (r < 0.35) count(await s.mod.call('stage:clear', { screen: pick(screens) }));
      else if (r < 0.5) count(await s.mod.call('stage:enqueue', { item: pick(items()) }));
      else if (r < 0.57) count(await s.mod.call('stage:next', { screen: pick(screens) }));
      else if (r < 0.62) {
        const queue = (await s.mod.snapshot()).stage.queue;
        if (queue.length) await s.mod.call(random() < 0.5 ? 'stage:dequeue' : 'stage:reorder', random() < 0.5 ? { id: pick(queue).id } : ({ ids: [...queue].reverse().map((e) => e.id) } as never));
      } else if (r < 0.72) await s.mod.call('qa:highlight', { id: random() < 0.3 ? null : q });
      else if (r < 0.77) await s.mod.call('polls:present', { id: random() < 0.5 ? null : poll.id });
      else if (r < 0.82) await s.mod.call(pick(['qa:reject', 'qa:delete', 'qa:answer', 'qa:restore'] as const), { id: q });
      else if (r < 0.87) await s.speaker.call('stage:speakerDone', { questionId: q });
      else if (r < 0.92) await s.mod.call('qa:queue', { ids: [q] });
      else questions.push((await s.att.ok('qa:ask', { text: `Neue Frage ${step}` })).question.id);
    }
    await sleep(300);
    expect(okStage).toBeGreaterThan(30);
    expect(followed).toBeGreaterThan(0);

    const fresh = Object.fromEntries(await Promise.all(Object.entries(clients).map(async ([k, c]) => [k, (await c.snapshot()).stage] as const)));
    for (const k of Object.keys(clients)) expect(followers[k]!.state(), `${k} (seed ${seed})`).toEqual(fresh[k]);
    expect(fresh.att).toEqual({ room: { item: null, since: null, autoHideS: null, by: null }, overlay: { item: null, since: null, autoHideS: null, by: null }, queue: [] });
    expect(fresh.stage).toEqual({ ...fresh.mod, queue: [] });
    for (const k of Object.keys(clients)) expectContiguous(allDeltas[k]!.map((seq) => ({ seq, changes: [] })));
    s.closeAll();
  }, 60_000);
});
