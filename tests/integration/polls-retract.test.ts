/**
 * polls:retract over real sockets (docs/privacy.md): an attendee deletes their own answer while the poll is
 * open and after it closed; the row is gone from the database, the coalesced tallies update for every
 * audience, an open-text entry leaves the wall, an open poll takes a new answer; a quiz player's answers and
 * nickname go and the leaderboard and the other players' ranks follow.
 */
import { describe, expect, it } from 'vitest';
import type { PublicPoll } from '../../shared/polls/schemas.js';
import { serverWithOrganizer, sleep, until, type Client } from './helpers.js';
import { defs, pollChanges, pollsEvent } from './polls-helpers.js';

const ctx = serverWithOrganizer({ windows: { pollTallies: 30 } });

const setup = (attendees: number) => pollsEvent(ctx, attendees);

const db = () => ctx.t.server.kernel.db;
const tallyOf = (c: Client, pollId: string) =>
  pollChanges(c).flatMap((ch) => (ch.type === 'polls:tallies' && ch.polls[pollId] ? [ch.polls[pollId]!] : []));

async function eventually(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** A quiz at its first question with Anna (a) and Ben (b) playing, and Anna's correct answer in. */
async function quizAnsweredBy(mod: Client, a: Client, b: Client): Promise<{ id: string }> {
  const q = (await mod.ok('polls:create', { definition: defs.quiz })).poll;
  await mod.ok('polls:open', { id: q.id });
  await a.ok('polls:nickname', { pollId: q.id, nickname: 'Anna' });
  await b.ok('polls:nickname', { pollId: q.id, nickname: 'Ben' });
  await mod.ok('polls:quizNext', { id: q.id });
  await a.ok('polls:answer', { pollId: q.id, answer: { type: 'quiz', questionId: 'q1', optionIds: ['a'] } });
  return q;
}

describe('polls:retract', () => {
  it('deletes the own answer while open (row gone, tallies down for staff and attendees, answer again) and after closing', async () => {
    const { mod, stage, people, ids } = await setup(2);
    const [a, b] = people as [Client, Client];
    const p = (await mod.ok('polls:create', { definition: defs.single, settings: { identity: 'named', results: 'live' } })).poll;
    await mod.ok('polls:open', { id: p.id });
    await a.ok('polls:answer', { pollId: p.id, answer: { type: 'single', optionId: 'o1' } });
    await b.ok('polls:answer', { pollId: p.id, answer: { type: 'single', optionId: 'o1' } });
    expect(await db().selectFrom('poll_answers').select('attendee_id').where('poll_id', '=', p.id).where('attendee_id', '=', ids[0]!).execute()).toHaveLength(1);

    const res = await a.ok('polls:retract', { pollId: p.id });
    expect(res).toEqual({ ok: true, mine: { pollId: p.id, answer: null, answeredAt: null, openState: null }, quiz: null });
    expect(await db().selectFrom('poll_answers').selectAll().where('poll_id', '=', p.id).where('attendee_id', '=', ids[0]!).execute()).toEqual([]);
    await until(() => tallyOf(mod, p.id).at(-1)?.responses === 1, 3000, 'staff tally down');
    await until(() => tallyOf(b, p.id).at(-1)?.responses === 1, 3000, 'attendee tally down');
    await until(() => tallyOf(stage, p.id).at(-1)?.responses === 1, 3000, 'stage tally down');
    expect(tallyOf(mod, p.id).at(-1)!.results).toEqual({ kind: 'choice', counts: { o1: 1, o2: 0, o3: 0 } });
    expect((await a.snapshot()).polls.mine.find((m) => m.pollId === p.id)?.answer ?? null).toBeNull();
    // Nothing left to delete: fine, nothing changes.
    expect(await a.ok('polls:retract', { pollId: p.id })).toMatchObject({ mine: { answer: null } });

    // While open the attendee answers again (allowChange is off: the first answer is gone, so this is a first one).
    await a.ok('polls:answer', { pollId: p.id, answer: { type: 'single', optionId: 'o2' } });
    await until(() => tallyOf(mod, p.id).at(-1)?.responses === 2, 3000, 'answered again');

    // After closing: allowed too, the results are recomputed.
    await mod.ok('polls:close', { id: p.id });
    await b.ok('polls:retract', { pollId: p.id });
    await until(() => tallyOf(mod, p.id).at(-1)?.responses === 1, 3000, 'closed poll recomputed');
    const staff = (await mod.snapshot()).polls.polls.find((x) => x.id === p.id)!;
    expect(staff).toMatchObject({ responses: 1, results: { kind: 'choice', counts: { o1: 0, o2: 1, o3: 0 } } });
    const closedAgain = await b.call('polls:answer', { pollId: p.id, answer: { type: 'single', optionId: 'o1' } });
    expect(!closedAgain.ok && closedAgain.error.code).toBe('poll_closed');

    // Drafts and unknown polls: not_found; staff cannot retract (attendee role only).
    const draft = (await mod.ok('polls:create', { definition: defs.single })).poll;
    const d = await a.call('polls:retract', { pollId: draft.id });
    expect(!d.ok && d.error.code).toBe('not_found');
    const staffTry = await mod.send('polls:retract', { pollId: p.id });
    expect(staffTry).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const c of [mod, stage, a, b]) c.close();
  });

  it('an approved open-text entry leaves the wall for everyone', async () => {
    const { mod, people, ids } = await setup(2);
    const [a, b] = people as [Client, Client];
    const p = (await mod.ok('polls:create', { definition: defs.open, settings: { results: 'live' } })).poll;
    await mod.ok('polls:open', { id: p.id });
    await a.ok('polls:answer', { pollId: p.id, answer: { type: 'open', text: 'Mein persönlicher Gedanke' } });
    const entry = (await mod.snapshot()).polls.entries.find((e) => e.pollId === p.id)!;
    await mod.ok('polls:review', { pollId: p.id, entryIds: [entry.id], decision: 'approve' });
    await eventually(async () => (await b.snapshot()).polls.entries.some((e) => e.id === entry.id), 3000, 'on the wall');

    await a.ok('polls:retract', { pollId: p.id });
    await until(() => pollChanges(mod).some((ch) => ch.type === 'polls:entriesRemove' && ch.ids.includes(entry.id)), 3000, 'staff entry removed');
    await until(() => pollChanges(b).some((ch) => ch.type === 'polls:entriesRemove' && ch.ids.includes(entry.id)), 3000, 'wall entry removed');
    for (const c of [mod, b]) expect(JSON.stringify(await c.snapshot())).not.toContain('persönlicher Gedanke');
    expect(await db().selectFrom('poll_answers').selectAll().where('attendee_id', '=', ids[0]!).execute()).toEqual([]);
    for (const c of [mod, a, b]) c.close();
  });

  it('a quiz player leaves: answers and nickname deleted, leaderboard and the others\' ranks follow', async () => {
    const { mod, stage, people, ids } = await setup(2);
    const [a, b] = people as [Client, Client];
    const q = await quizAnsweredBy(mod, a, b);
    await b.ok('polls:answer', { pollId: q.id, answer: { type: 'quiz', questionId: 'q1', optionIds: ['a'] } });
    await mod.ok('polls:quizEndQuestion', { id: q.id });
    const before = (await stage.snapshot()).polls.polls[0]! as PublicPoll;
    expect(before.quiz?.leaderboard.map((e) => e.nickname).sort()).toEqual(['Anna', 'Ben']);
    const bRankBefore = (await b.snapshot()).polls.myQuizzes[0]!.rank;
    const bRanks: Array<number | null> = [];
    b.socket.on('sync:personal', ({ changes }) => {
      for (const ch of changes) if (ch.type === 'polls:myQuiz') bRanks.push(ch.quiz.rank);
    });

    const res = await a.ok('polls:retract', { pollId: q.id });
    expect(res.quiz).toMatchObject({ pollId: q.id, nickname: null, score: 0, rank: null, answers: [] });
    expect(await db().selectFrom('poll_quiz_answers').selectAll().where('attendee_id', '=', ids[0]!).execute()).toEqual([]);
    expect(await db().selectFrom('poll_quiz_players').selectAll().where('attendee_id', '=', ids[0]!).execute()).toEqual([]);
    await eventually(async () => {
      const v = (await stage.snapshot()).polls.polls[0]! as PublicPoll;
      return JSON.stringify(v.quiz?.leaderboard.map((e) => e.nickname)) === '["Ben"]' && v.quiz?.question?.answered === 1;
    }, 3000, 'leaderboard without Anna');
    await until(() => pollChanges(mod).some((ch) => ch.type === 'polls:upsert' && ch.poll.id === q.id && ch.poll.quiz?.players === 1), 3000, 'staff player count');
    expect((await b.snapshot()).polls.myQuizzes[0]!.rank).toBe(1);
    expect(bRankBefore).not.toBeNull();
    // Ben's tabs are told his new rank with the retraction (ranks are shown in the review). Answers within the
    // same scoring step tie at rank 1, and an unchanged rank is not pushed.
    if (bRankBefore !== 1) {
      await until(() => bRanks.at(-1) === 1, 6000, 'rank pushed to the other player').catch(() => {
        throw new Error(`rank 1 not pushed to the other player (rank before ${bRankBefore}, pushed ${JSON.stringify(bRanks)})`);
      });
    }
    else expect(bRanks.every((r) => r === 1)).toBe(true);
    for (const c of [mod, stage, a, b]) c.close();
  });
  // CI's loaded runs once saw the retraction's rank push overtaken by the review's older one, which waits for the
  // attendees' tick (Delivery.personalOf keeps them in order): retract right after the review, before that tick.
  it("a retraction right after the review: the other player's last pushed rank is the new one", async () => {
    const { mod, people } = await setup(2);
    const [a, b] = people as [Client, Client];
    const q = await quizAnsweredBy(mod, a, b);
    await new Promise((r) => setTimeout(r, 50)); // Ben answers later: fewer points, rank 2 in the review
    await b.ok('polls:answer', { pollId: q.id, answer: { type: 'quiz', questionId: 'q1', optionIds: ['a'] } });
    const bRanks: Array<number | null> = [];
    b.socket.on('sync:personal', ({ changes }) => {
      for (const ch of changes) if (ch.type === 'polls:myQuiz') bRanks.push(ch.quiz.rank);
    });
    await mod.ok('polls:quizEndQuestion', { id: q.id });
    await a.ok('polls:retract', { pollId: q.id });
    await until(() => bRanks.includes(1), 3000, 'the new rank pushed to the other player');
    await new Promise((r) => setTimeout(r, 300)); // anything older still on its way would land now
    expect(bRanks.at(-1), `pushed ranks ${JSON.stringify(bRanks)}`).toBe(1);
    expect((await b.snapshot()).polls.myQuizzes[0]!.rank).toBe(1);
    for (const c of [mod, a, b]) c.close();
  });
});
