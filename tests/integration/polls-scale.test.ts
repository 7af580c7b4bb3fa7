/**
 * Exactness and coalescing with 500 real socket.io clients: every attendee answers one single-choice poll;
 * the final tally at a moderator and at a stage client equals the answers in the database and the acks,
 * and the result deltas stay at ≤ ~10 per second per audience whatever the answer rate.
 */
import { describe, expect, it } from 'vitest';
import type { Delta } from '../../shared/socket.js';
import { connect, createEvent, joinAttendee, onEachDelta, serverWithOrganizer, sleep, until, type Client } from './helpers.js';
import { defs } from './polls-helpers.js';

const ctx = serverWithOrganizer();
const N = 500;

/** Latest counts of one poll as the client saw them, and when each tallies delta arrived. */
function watch(c: Client, pollId: () => string) {
  const seen = { counts: null as Record<string, number> | null, tallyTimes: [] as number[] };
  onEachDelta(c.socket, (d: Delta) => {
    for (const ch of d.changes) {
      if (ch.type === 'polls:tallies' && ch.polls[pollId()]) {
        seen.tallyTimes.push(Date.now());
        const r = ch.polls[pollId()]!.results;
        if (r?.kind === 'choice') seen.counts = r.counts;
      }
    }
  });
  return seen;
}

const sum = (c: Record<string, number> | null) => (c ? Object.values(c).reduce((a, b) => a + b, 0) : 0);

/** The most deltas that arrived within any one second. */
function maxPerSecond(times: readonly number[]): number {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= 1000) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('polls at scale', () => {
  it(`${N} clients: final tally at moderator and stage = database = acks; ≤ ~10 result deltas per second`, async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    let pollId = '';
    const mod = await connect(ctx.t, { code: ev.code, token: ev.tokens.moderator });
    const stage = await connect(ctx.t, { code: ev.code, token: ev.tokens.stage });
    const atMod = watch(mod, () => pollId);
    const atStage = watch(stage, () => pollId);
    const clients: Client[] = [];
    for (let i = 0; i < N; i += 50) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(50, N - i) }, async () => connect(ctx.t, { code: ev.code, token: (await joinAttendee(ctx.t, ev.code)).token })),
      );
      clients.push(...batch);
    }
    pollId = (await mod.ok('polls:create', { definition: defs.single })).poll.id;
    await mod.ok('polls:open', { id: pollId });

    const acks = { o1: 0, o2: 0, o3: 0 } as Record<string, number>;
    let refused = 0;
    await Promise.all(
      clients.map(async (c, i) => {
        const optionId = ['o1', 'o2', 'o3'][i % 3]!;
        const res = await c.call('polls:answer', { pollId, answer: { type: 'single', optionId } }, 30_000);
        if (res.ok) acks[optionId]! += 1;
        else refused++;
      }),
    );
    expect(refused).toBe(0);
    await until(() => sum(atMod.counts) === N && sum(atStage.counts) === N, 5000, 'final tallies');

    const rows = await ctx.t.server.db.selectFrom('poll_answers').select('answer').where('poll_id', '=', pollId).execute();
    const stored = { o1: 0, o2: 0, o3: 0 } as Record<string, number>;
    for (const r of rows) stored[(JSON.parse(r.answer) as { optionId: string }).optionId]! += 1;
    expect(rows).toHaveLength(N);
    expect(stored).toEqual(acks);
    expect(atMod.counts).toEqual(stored);
    expect(atStage.counts).toEqual(stored);
    expect((await mod.snapshot()).polls.polls[0]!.responses).toBe(N);

    // Coalescing: N answers, far fewer deltas, at most ~10 per second (100 ms window; 12 allows timer jitter).
    expect(atMod.tallyTimes.length).toBeLessThan(N / 5);
    expect(maxPerSecond(atMod.tallyTimes)).toBeLessThanOrEqual(12);
    expect(maxPerSecond(atStage.tallyTimes)).toBeLessThanOrEqual(12);
    // And no per-answer broadcast reached the attendees either.
    await sleep(200);
    const attendeeDeltas = (clients[0] as unknown as { deltas: Delta[] }).deltas.filter((d) => d.changes.some((c) => c.type === 'polls:tallies'));
    expect(attendeeDeltas.length).toBeLessThanOrEqual(atMod.tallyTimes.length);
    for (const c of [mod, stage, ...clients]) c.close();
  }, 120_000);
});
