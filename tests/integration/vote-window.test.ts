/**
 * One vote window with more distinct (question, voter) pairs than the group commit reads per statement
 * (server/qa/vote-commit.ts reads the window's existing votes by exact pair, 300 pairs a chunk): every
 * vote is decided against the right row, counts match, repeats change nothing and carry no seq.
 */
import { describe, expect, it } from 'vitest';
import { connect, createEvent, joinAttendee, Mirror, serverWithOrganizer, until } from './helpers.js';

// Long enough that each wave of votes lands in one window.
const ctx = serverWithOrganizer({ voteFlushMs: 400 });

describe('a vote window of 330 pairs', () => {
  it('adds, keeps and removes votes by their exact pair, across chunks', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie, { settings: { qa: { premoderation: false } } });
    const voters = await Promise.all(Array.from({ length: 110 }, async (_, i) => connect(ctx.t, { code: ev.code, token: (await joinAttendee(ctx.t, ev.code, `Person ${i}`)).token })));
    const ids: string[] = [];
    for (const text of ['Erste Frage zur Abstimmung?', 'Zweite Frage zur Abstimmung?', 'Dritte Frage zur Abstimmung?']) {
      ids.push((await voters[0]!.ok('qa:ask', { text })).question.id);
    }
    const moderator = await connect(ctx.t, { code: ev.code, token: ev.tokens.moderator });
    const mod = new Mirror(moderator);
    await mod.sync();

    // Wave 1: everyone votes for all three questions (330 new pairs in one window).
    const first = await Promise.all(voters.flatMap((v) => ids.map((id) => v.ok('qa:vote', { id, up: true }))));
    expect(first.every((r) => r.voted && typeof r.seq === 'number')).toBe(true);
    expect(new Set(first.map((r) => r.seq)).size).toBe(1);
    await until(() => ids.every((id) => mod.questions.get(id)?.votes === 110), 5000, 'every count at 110');

    // Wave 2, again one window: the first vote repeated (kept, no change), the second withdrawn, the third
    // repeated; half the voters also repeat the withdrawal, which then changes nothing more.
    const second = await Promise.all(
      voters.flatMap((v, i) => [
        v.ok('qa:vote', { id: ids[0]!, up: true }).then((r) => ({ q: 0, r })),
        v.ok('qa:vote', { id: ids[1]!, up: false }).then((r) => ({ q: 1, r })),
        v.ok('qa:vote', { id: ids[2]!, up: true }).then((r) => ({ q: 2, r })),
        ...(i % 2 === 0 ? [v.ok('qa:vote', { id: ids[1]!, up: false }).then((r) => ({ q: 1, r }))] : []),
      ]),
    );
    const kept = second.filter((x) => x.q !== 1);
    expect(kept.every((x) => x.r.voted && x.r.seq === undefined)).toBe(true);
    const withdrawn = second.filter((x) => x.q === 1);
    expect(withdrawn.every((x) => !x.r.voted)).toBe(true);
    // Each voter's first withdrawal changed the count (a seq); a repeat of it did not.
    expect(withdrawn.filter((x) => x.r.seq !== undefined)).toHaveLength(110);
    await until(() => mod.questions.get(ids[1]!)?.votes === 0, 5000, 'the second question at 0');
    expect(mod.questions.get(ids[0]!)?.votes).toBe(110);
    expect(mod.questions.get(ids[2]!)?.votes).toBe(110);

    // What the database holds agrees with the counts: a fresh snapshot says the same.
    const fresh = new Mirror(moderator);
    await fresh.sync();
    expect(ids.map((id) => fresh.questions.get(id)?.votes)).toEqual([110, 0, 110]);
    const rows = await ctx.t.server.db.selectFrom('votes').select(({ fn }) => ['question_id', fn.countAll<number>().as('n')]).where('question_id', 'in', ids).groupBy('question_id').execute();
    expect(Object.fromEntries(rows.map((r) => [r.question_id, Number(r.n)]))).toEqual({ [ids[0]!]: 110, [ids[2]!]: 110 });

    for (const c of [moderator, ...voters]) c.close();
  });
});
