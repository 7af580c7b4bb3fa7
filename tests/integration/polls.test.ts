/** Polls end to end over real sockets: lifecycle, every type tallied, visibility, one answer per person, bad input, timers, quiz. */
import { describe, expect, it } from 'vitest';
import type { PollResults, PublicPoll } from '../../shared/polls/schemas.js';
import { connect, createEvent, joinAttendee, serverWithOrganizer, sleep, until, type Client } from './helpers.js';
import { defs, pollChanges, pollsEvent, recordFrames } from './polls-helpers.js';

const ctx = serverWithOrganizer({ windows: { pollTallies: 30 } });

const setup = (attendees = 2) => pollsEvent(ctx, attendees);

async function staffResults(mod: Client, id: string): Promise<{ responses: number; results: PollResults }> {
  const p = (await mod.snapshot()).polls.polls.find((x) => x.id === id)!;
  return { responses: p.responses, results: p.results! };
}

/** Polls an async condition (until() takes a synchronous one). */
async function eventually(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

function closeAll(...cs: Client[]) {
  for (const c of cs) c.close();
}

describe('lifecycle', () => {
  it('draft → open → closed → reopen; edit, duplicate, reorder, delete; drafts stay with staff', async () => {
    const { mod, stage, people } = await setup(1);
    const [a] = people as [Client];
    const p1 = (await mod.ok('polls:create', { definition: defs.single })).poll;
    expect(p1.status).toBe('draft');
    expect((await a.snapshot()).polls.polls).toEqual([]);
    const edited = (await mod.ok('polls:update', { id: p1.id, definition: { ...defs.single, question: 'Neu?' }, settings: { allowChange: true } })).poll;
    expect(edited.definition.question).toBe('Neu?');
    expect(edited.settings.allowChange).toBe(true);
    const copy = (await mod.ok('polls:duplicate', { id: p1.id })).poll;
    expect(copy.position).toBe(1);
    expect(copy.status).toBe('draft');
    const p3 = (await mod.ok('polls:create', { definition: defs.rating })).poll;
    expect((await mod.ok('polls:reorder', { ids: [p3.id, p1.id, copy.id] })).ids).toEqual([p3.id, p1.id, copy.id]);
    const bad = await mod.call('polls:reorder', { ids: [p3.id, p1.id] });
    expect(!bad.ok && bad.error.code).toBe('invalid_payload');

    expect((await mod.ok('polls:open', { id: p1.id })).poll.status).toBe('open');
    await eventually(async () => (await a.snapshot()).polls.polls.length === 1, 2000, 'attendee sees the open poll');
    const notWhileOpen = await mod.call('polls:update', { id: p1.id, definition: defs.single });
    expect(!notWhileOpen.ok && notWhileOpen.error.code).toBe('invalid_state');
    expect((await mod.ok('polls:close', { id: p1.id })).poll.status).toBe('closed');
    expect((await mod.ok('polls:reopen', { id: p1.id })).poll.status).toBe('open');
    const twice = await mod.call('polls:open', { id: p1.id });
    expect(!twice.ok && twice.error.code).toBe('invalid_state');

    await mod.ok('polls:delete', { id: copy.id });
    const snap = await mod.snapshot();
    expect(snap.polls.polls.map((p) => p.id)).toEqual([p3.id, p1.id]);
    expect(snap.polls.polls.map((p) => p.position)).toEqual([0, 1]);
    expect((await stage.snapshot()).polls.polls.map((p) => p.id)).toEqual([p1.id]);
    expect(pollChanges(a).some((c) => c.type === 'polls:upsert' && c.poll.status === 'draft')).toBe(false);
    closeAll(mod, stage, a);
  });

  it('imports a text list as drafts; a dry run creates nothing; a broken import is refused with its line', async () => {
    const { mod } = await setup(0);
    const source = 'Wie geht es?\n- Gut\n- Schlecht\n\n[rating] Wie war der Vortrag?\n';
    const dry = await mod.ok('polls:import', { format: 'text', source, dryRun: true });
    expect(dry.drafts.length).toBe(2);
    expect(dry.created).toEqual([]);
    expect((await mod.snapshot()).polls.polls).toEqual([]);
    const real = await mod.ok('polls:import', { format: 'text', source, dryRun: false });
    expect(real.created.map((p) => p.definition.type)).toEqual(['single', 'rating']);
    const broken = await mod.call('polls:import', { format: 'json', source: '[{"type":"single"', dryRun: false });
    expect(!broken.ok && broken.error.code).toBe('import_invalid');
    expect((await mod.snapshot()).polls.polls.length).toBe(2);
    mod.close();
  });

  it('present puts an open poll on the stage; reset empties a closed poll back to a draft', async () => {
    const { mod, stage, people } = await setup(1);
    const [a] = people as [Client];
    const p = (await mod.ok('polls:create', { definition: defs.single })).poll;
    const draftPresent = await mod.call('polls:present', { id: p.id });
    expect(!draftPresent.ok && draftPresent.error.code).toBe('invalid_state');
    await mod.ok('polls:open', { id: p.id });
    await mod.ok('polls:present', { id: p.id });
    await until(() => pollChanges(stage).some((c) => c.type === 'polls:presented' && c.id === p.id), 2000, 'stage presented');
    await a.ok('polls:answer', { pollId: p.id, answer: { type: 'single', optionId: 'o1' } });
    await mod.ok('polls:close', { id: p.id });
    const reset = (await mod.ok('polls:reset', { id: p.id })).poll;
    expect(reset).toMatchObject({ status: 'draft', responses: 0 });
    expect((await a.snapshot()).polls.mine).toEqual([]);
    expect(await ctx.t.server.db.selectFrom('poll_answers').selectAll().where('poll_id', '=', p.id).execute()).toEqual([]);
    closeAll(mod, stage, a);
  });
});

describe('every poll type answered and tallied', () => {
  it('single, multiple, rating, word cloud, open text (with review) and ranking', async () => {
    const { mod, people } = await setup(3);
    const [a, b, c] = people as [Client, Client, Client];
    const ids: Record<string, string> = {};
    for (const [k, d] of Object.entries(defs)) {
      if (k === 'quiz') continue;
      ids[k] = (await mod.ok('polls:create', { definition: d })).poll.id;
      await mod.ok('polls:open', { id: ids[k]! });
    }
    const answer = (cl: Client, k: string, ans: object) => cl.ok('polls:answer', { pollId: ids[k]!, answer: ans as never });
    await answer(a, 'single', { type: 'single', optionId: 'o1' });
    await answer(b, 'single', { type: 'single', optionId: 'o1' });
    await answer(c, 'single', { type: 'single', optionId: 'o3' });
    await answer(a, 'multiple', { type: 'multiple', optionIds: ['o1', 'o2'] });
    await answer(b, 'multiple', { type: 'multiple', optionIds: ['o2'] });
    await answer(a, 'rating', { type: 'rating', value: 5 });
    await answer(b, 'rating', { type: 'rating', value: 2 });
    await answer(a, 'wordcloud', { type: 'wordcloud', words: ['Kaffee', ' kaffee! ', 'und'] });
    await answer(b, 'wordcloud', { type: 'wordcloud', words: ['Tee', 'KAFFEE'] });
    const open = await answer(a, 'open', { type: 'open', text: '  Mehr Pausen  ' });
    expect(open.mine).toMatchObject({ answer: { type: 'open', text: 'Mehr Pausen' }, openState: 'pending' });
    await answer(a, 'ranking', { type: 'ranking', order: ['o2', 'o1', 'o3'] });
    await answer(b, 'ranking', { type: 'ranking', order: ['o2', 'o3', 'o1'] });

    expect(await staffResults(mod, ids.single!)).toEqual({ responses: 3, results: { kind: 'choice', counts: { o1: 2, o2: 0, o3: 1 } } });
    expect((await staffResults(mod, ids.multiple!)).results).toEqual({ kind: 'choice', counts: { o1: 1, o2: 2, o3: 0, o4: 0 } });
    expect((await staffResults(mod, ids.rating!)).results).toEqual({ kind: 'rating', distribution: [0, 1, 0, 0, 1], mean: 3.5 });
    const words = (await staffResults(mod, ids.wordcloud!)).results;
    expect(words.kind === 'words' && words.words.map((w) => [w.text.toLowerCase(), w.count])).toEqual([['kaffee', 2], ['tee', 1]]);
    expect((await staffResults(mod, ids.ranking!)).results).toEqual({ kind: 'ranking', scores: { o1: 1, o2: 4, o3: 1 } });
    expect((await staffResults(mod, ids.open!)).results).toEqual({ kind: 'open', approved: 0, pending: 1 });

    // Review: the pending entry is not on the public wall until approved.
    const entry = (await mod.snapshot()).polls.entries.find((e) => e.pollId === ids.open)!;
    expect((await b.snapshot()).polls.entries).toEqual([]);
    expect((await mod.ok('polls:review', { pollId: ids.open!, entryIds: [entry.id, 'nope'], decision: 'approve' }))).toMatchObject({ changed: [entry.id], skipped: ['nope'] });
    await until(() => pollChanges(b).some((ch) => ch.type === 'polls:entries' && ch.entries.some((e) => e.id === entry.id)), 2000, 'entry on the wall');
    expect((await b.snapshot()).polls.entries.map((e) => e.text)).toEqual(['Mehr Pausen']);
    expect((await a.snapshot()).polls.mine.find((m) => m.pollId === ids.open)?.openState).toBe('approved');
    await mod.ok('polls:review', { pollId: ids.open!, entryIds: [entry.id], decision: 'reject' });
    await until(() => pollChanges(b).some((ch) => ch.type === 'polls:entriesRemove' && ch.ids.includes(entry.id)), 2000, 'entry off the wall');
    expect((await staffResults(mod, ids.open!)).results).toEqual({ kind: 'open', approved: 0, pending: 0 });

    // The coalesced tallies reach the attendees too.
    await until(() => pollChanges(c).some((ch) => ch.type === 'polls:tallies' && ch.polls[ids.single!]?.responses === 3), 2000, 'tallies delta');
    closeAll(mod, a, b, c);
  });

  it('a quiz: nickname, questions with timers, scoring, review, leaderboard with shared ranks', async () => {
    const { mod, stage, people } = await setup(3);
    const [a, b, c] = people as [Client, Client, Client];
    const q = (await mod.ok('polls:create', { definition: defs.quiz })).poll;
    await mod.ok('polls:open', { id: q.id });
    const early = await a.call('polls:answer', { pollId: q.id, answer: { type: 'quiz', questionId: 'q1', optionIds: ['a'] } });
    expect(!early.ok && early.error.code).toBe('nickname_required');
    await a.ok('polls:nickname', { pollId: q.id, nickname: 'Anna' });
    const taken = await b.call('polls:nickname', { pollId: q.id, nickname: 'anna' });
    expect(!taken.ok && taken.error.code).toBe('nickname_taken');
    await b.ok('polls:nickname', { pollId: q.id, nickname: 'Ben' });
    await c.ok('polls:nickname', { pollId: q.id, nickname: 'Cleo' });
    const ahead = await a.call('polls:answer', { pollId: q.id, answer: { type: 'quiz', questionId: 'q1', optionIds: ['a'] } });
    expect(!ahead.ok && ahead.error.code).toBe('invalid_state');

    const running = (await mod.ok('polls:quizNext', { id: q.id })).poll;
    expect(running.quiz).toMatchObject({ phase: 'question', index: 0, players: 3 });
    const pub = (await a.snapshot()).polls.polls[0]! as PublicPoll;
    expect(pub.quiz?.question).toMatchObject({ id: 'q1', correct: null, counts: null });
    expect(JSON.stringify(pub)).not.toContain('"correct":["a"]');
    const ra = await a.ok('polls:answer', { pollId: q.id, answer: { type: 'quiz', questionId: 'q1', optionIds: ['a'] } });
    expect(ra.quiz?.answers[0]).toMatchObject({ correct: null, points: 0 });
    await b.ok('polls:answer', { pollId: q.id, answer: { type: 'quiz', questionId: 'q1', optionIds: ['b'] } });
    const again = await a.call('polls:answer', { pollId: q.id, answer: { type: 'quiz', questionId: 'q1', optionIds: ['b'] } });
    expect(!again.ok && again.error.code).toBe('already_answered');

    // The question's timer (5 s) ends it: C answers too late.
    await eventually(async () => (await mod.snapshot()).polls.polls[0]!.quiz?.phase === 'review', 8000, 'question timer');
    const late = await c.call('polls:answer', { pollId: q.id, answer: { type: 'quiz', questionId: 'q1', optionIds: ['a'] } });
    expect(!late.ok && late.error.code).toBe('time_up');
    const review = (await stage.snapshot()).polls.polls[0]! as PublicPoll;
    expect(review.quiz?.question).toMatchObject({ correct: ['a'], counts: { a: 1, b: 1 }, answered: 2 });
    expect(review.quiz?.leaderboard[0]).toMatchObject({ rank: 1, nickname: 'Anna', correct: 1 });
    expect(review.quiz?.leaderboard.slice(1).map((e) => e.rank)).toEqual([2, 2]);
    const myA = (await a.snapshot()).polls.myQuizzes[0]!;
    expect(myA.answers[0]!.correct).toBe(true);
    expect(myA.score).toBeGreaterThanOrEqual(500);
    expect(myA.rank).toBe(1);

    await mod.ok('polls:quizNext', { id: q.id });
    await b.ok('polls:answer', { pollId: q.id, answer: { type: 'quiz', questionId: 'q2', optionIds: ['a', 'c'] } });
    const single = await c.call('polls:answer', { pollId: q.id, answer: { type: 'quiz', questionId: 'q2', optionIds: ['x'] } });
    expect(!single.ok && single.error.code).toBe('unknown_option');
    await mod.ok('polls:quizEndQuestion', { id: q.id });
    const done = (await mod.ok('polls:quizNext', { id: q.id })).poll;
    expect(done.status).toBe('closed');
    expect(done.quiz?.phase).toBe('finished');
    const res = await fetch(`${ctx.t.url}/api/events/${(await mod.snapshot()).event.id}/polls/${q.id}/leaderboard.csv`, { headers: { cookie: ctx.cookie } });
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv).toContain('Anna');
    expect(csv).toContain('Ben');
    closeAll(mod, stage, a, b, c);
  }, 20_000);
});

describe('visibility', () => {
  it('hidden results never reach an attendee socket (raw frames), the stage and staff see them; a reveal shows them', async () => {
    const { mod, stage, people } = await setup(2);
    const [a, b] = people as [Client, Client];
    const framesA = recordFrames(a);
    const framesStage = recordFrames(stage);
    const p = (await mod.ok('polls:create', { definition: { ...defs.single, options: [{ id: 'o1', text: 'Geheimoption' }, { id: 'o2', text: 'Zwei' }] }, settings: { results: 'hidden' } })).poll;
    await mod.ok('polls:open', { id: p.id });
    await a.ok('polls:answer', { pollId: p.id, answer: { type: 'single', optionId: 'o1' } });
    await b.ok('polls:answer', { pollId: p.id, answer: { type: 'single', optionId: 'o1' } });
    await until(() => pollChanges(stage).some((c) => c.type === 'polls:tallies' && c.polls[p.id]?.responses === 2), 2000, 'stage tallies');
    await until(() => pollChanges(a).some((c) => c.type === 'polls:tallies' && c.polls[p.id]?.responses === 2), 2000, 'attendee tallies');
    await mod.ok('polls:close', { id: p.id });
    await sleep(100);
    const snapA = await a.snapshot();
    expect(snapA.polls.polls[0]!.results).toBeNull();
    const raw = framesA.join('\n');
    expect(raw).not.toContain('"counts"');
    expect(raw).not.toMatch(/"o1":\s*2/);
    expect(framesStage.join('\n')).toContain('"counts":{"o1":2,"o2":0}');
    expect((await stage.snapshot()).polls.polls[0]!.results).toEqual({ kind: 'choice', counts: { o1: 2, o2: 0 } });

    await mod.ok('polls:reveal', { id: p.id, revealed: true });
    await until(() => pollChanges(a).some((c) => c.type === 'polls:upsert' && c.poll.results !== null), 2000, 'revealed');
    expect((await a.snapshot()).polls.polls[0]!.results).toEqual({ kind: 'choice', counts: { o1: 2, o2: 0 } });
    closeAll(mod, stage, a, b);
  });

  it('afterClose: nothing while open, results once closed', async () => {
    const { mod, people } = await setup(1);
    const [a] = people as [Client];
    const framesA = recordFrames(a);
    const p = (await mod.ok('polls:create', { definition: defs.rating, settings: { results: 'afterClose' } })).poll;
    await mod.ok('polls:open', { id: p.id });
    await a.ok('polls:answer', { pollId: p.id, answer: { type: 'rating', value: 4 } });
    await sleep(100);
    expect(framesA.join('\n')).not.toContain('"distribution"');
    await mod.ok('polls:close', { id: p.id });
    await until(() => framesA.join('\n').includes('"distribution":[0,0,0,1,0]'), 2000, 'results after close');
    a.close();
    mod.close();
  });
});

describe('one answer per attendee', () => {
  it('two tabs and a reconnect never count twice; without allowChange the second answer is refused', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    const mod = await connect(ctx.t, { code: ev.code, token: ev.tokens.moderator });
    const att = await joinAttendee(ctx.t, ev.code);
    const tab1 = await connect(ctx.t, { code: ev.code, token: att.token });
    const tab2 = await connect(ctx.t, { code: ev.code, token: att.token });
    const p = (await mod.ok('polls:create', { definition: defs.single })).poll;
    await mod.ok('polls:open', { id: p.id });
    const [r1, r2] = await Promise.all([
      tab1.call('polls:answer', { pollId: p.id, answer: { type: 'single', optionId: 'o1' } }),
      tab2.call('polls:answer', { pollId: p.id, answer: { type: 'single', optionId: 'o2' } }),
    ]);
    expect([r1.ok, r2.ok].sort()).toEqual([false, true]);
    const refused = (r1.ok ? r2 : r1) as { ok: false; error: { code: string } };
    expect(refused.error.code).toBe('already_answered');
    tab1.close();
    const tab3 = await connect(ctx.t, { code: ev.code, token: att.token });
    const r3 = await tab3.call('polls:answer', { pollId: p.id, answer: { type: 'single', optionId: 'o3' } });
    expect(!r3.ok && r3.error.code).toBe('already_answered');
    expect((await tab3.snapshot()).polls.mine).toHaveLength(1);
    expect((await staffResults(mod, p.id)).responses).toBe(1);
    expect(await ctx.t.server.db.selectFrom('poll_answers').selectAll().where('poll_id', '=', p.id).execute()).toHaveLength(1);
    closeAll(mod, tab2, tab3);
  });

  it('allowChange replaces the answer while open; the other tab gets polls:myAnswer', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    const mod = await connect(ctx.t, { code: ev.code, token: ev.tokens.moderator });
    const att = await joinAttendee(ctx.t, ev.code);
    const tab1 = await connect(ctx.t, { code: ev.code, token: att.token });
    const tab2 = await connect(ctx.t, { code: ev.code, token: att.token });
    const personal: unknown[] = [];
    tab2.socket.on('sync:personal', ({ changes }) => personal.push(...changes));
    const p = (await mod.ok('polls:create', { definition: defs.single, settings: { allowChange: true } })).poll;
    await mod.ok('polls:open', { id: p.id });
    await tab1.ok('polls:answer', { pollId: p.id, answer: { type: 'single', optionId: 'o1' } });
    await tab1.ok('polls:answer', { pollId: p.id, answer: { type: 'single', optionId: 'o2' } });
    await until(() => personal.length === 2, 2000, 'personal changes on tab 2');
    expect(personal[1]).toMatchObject({ type: 'polls:myAnswer', mine: { pollId: p.id, answer: { type: 'single', optionId: 'o2' } } });
    expect((await staffResults(mod, p.id)).results).toEqual({ kind: 'choice', counts: { o1: 0, o2: 1, o3: 0 } });
    await mod.ok('polls:close', { id: p.id });
    const closed = await tab1.call('polls:answer', { pollId: p.id, answer: { type: 'single', optionId: 'o3' } });
    expect(!closed.ok && closed.error.code).toBe('poll_closed');
    closeAll(mod, tab1, tab2);
  });
});

describe('bad input', () => {
  it('each case gets its code and changes nothing', async () => {
    const { mod, people } = await setup(1);
    const [a] = people as [Client];
    const mk = async (definition: object, open = true) => {
      const id = (await mod.ok('polls:create', { definition: definition as never })).poll.id;
      if (open) await mod.ok('polls:open', { id });
      return id;
    };
    const single = await mk(defs.single);
    const multiple = await mk(defs.multiple);
    const words = await mk({ ...defs.wordcloud, maxWords: 2 });
    const open = await mk(defs.open);
    const ranking = await mk(defs.ranking);
    const draft = await mk(defs.single, false);
    const closed = await mk(defs.single);
    await mod.ok('polls:close', { id: closed });
    const before = await mod.snapshot();
    const cases: Array<[string, unknown, string]> = [
      ['unknown poll', { pollId: 'nope', answer: { type: 'single', optionId: 'o1' } }, 'not_found'],
      ['draft poll', { pollId: draft, answer: { type: 'single', optionId: 'o1' } }, 'not_found'],
      ['closed poll', { pollId: closed, answer: { type: 'single', optionId: 'o1' } }, 'poll_closed'],
      ['unknown option', { pollId: single, answer: { type: 'single', optionId: 'o9' } }, 'unknown_option'],
      ['wrong type', { pollId: single, answer: { type: 'rating', value: 3 } }, 'invalid_payload'],
      ['too many selections', { pollId: multiple, answer: { type: 'multiple', optionIds: ['o1', 'o2', 'o3'] } }, 'too_many_selections'],
      ['too many words', { pollId: words, answer: { type: 'wordcloud', words: ['a', 'b', 'c'] } }, 'too_many_selections'],
      ['empty word', { pollId: words, answer: { type: 'wordcloud', words: ['  ', 'x'] } }, 'empty_answer'],
      ['over-long word', { pollId: words, answer: { type: 'wordcloud', words: ['x'.repeat(41)] } }, 'too_long'],
      ['empty text', { pollId: open, answer: { type: 'open', text: '   ' } }, 'empty_answer'],
      ['over-long text', { pollId: open, answer: { type: 'open', text: 'x'.repeat(301) } }, 'too_long'],
      ['ranking with a missing item', { pollId: ranking, answer: { type: 'ranking', order: ['o1', 'o2'] } }, 'not_a_ranking'],
      ['ranking with a repeat', { pollId: ranking, answer: { type: 'ranking', order: ['o1', 'o1', 'o2'] } }, 'not_a_ranking'],
      ['ranking with an unknown item', { pollId: ranking, answer: { type: 'ranking', order: ['o1', 'o2', 'x'] } }, 'unknown_option'],
      ['malformed payload', { pollId: single, answer: { type: 'single' } }, 'invalid_payload'],
      ['not an object', 'hallo', 'invalid_payload'],
    ];
    for (const [what, payload, code] of cases) {
      const res = await a.send('polls:answer', payload);
      expect(res, what).toMatchObject({ ok: false, error: { code } });
      expect(typeof res.error.message, what).toBe('string');
    }
    const forbidden = await a.send('polls:open', { id: draft });
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await sleep(80);
    const after = await mod.snapshot();
    expect(after.polls.polls).toEqual(before.polls.polls);
    expect(await ctx.t.server.db.selectFrom('poll_answers').selectAll().execute()).toSatisfy((rows: unknown[]) => rows.every((r) => (r as { poll_id: string }).poll_id !== single));
    closeAll(mod, a);
  });
});

describe('timers', () => {
  it('an open poll with a timer closes itself; answers after that are refused; the timer survives a restart of the module', async () => {
    const { mod, people } = await setup(1);
    const [a] = people as [Client];
    const p = (await mod.ok('polls:create', { definition: defs.single, settings: { timerSec: 10 } })).poll;
    const opened = (await mod.ok('polls:open', { id: p.id })).poll;
    expect(Date.parse(opened.closesAt!) - Date.parse(opened.openedAt!)).toBe(10_000);
    // Shorten the wait: move the deadline in the database and re-arm as a restart would.
    const soon = new Date(Date.now() + 300).toISOString();
    await ctx.t.server.db.updateTable('polls').set({ closes_at: soon }).where('id', '=', p.id).execute();
    const polls = ctx.t.server.kernel.modules.find((m) => m.name === 'polls')!;
    polls.forgetEvent!((await mod.snapshot()).event.id);
    await polls.start!();
    await eventually(async () => (await mod.snapshot()).polls.polls[0]!.status === 'closed', 3000, 'auto-close');
    const res = await a.call('polls:answer', { pollId: p.id, answer: { type: 'single', optionId: 'o1' } });
    expect(!res.ok && res.error.code).toBe('poll_closed');
    expect((await mod.snapshot()).polls.polls[0]!.closedAt).toBe(soon);
    closeAll(mod, a);
  });
});

describe('exports', () => {
  it('CSV and JSON per poll and per event; names only for named polls; organizer or moderator token only', async () => {
    const { ev, mod, people } = await setup(2);
    const [a, b] = people as [Client, Client];
    const named = (await mod.ok('polls:create', { definition: defs.single, settings: { identity: 'named' } })).poll;
    const anon = (await mod.ok('polls:create', { definition: defs.open })).poll;
    for (const p of [named, anon]) await mod.ok('polls:open', { id: p.id });
    await a.ok('polls:answer', { pollId: named.id, answer: { type: 'single', optionId: 'o2' } });
    await b.ok('polls:answer', { pollId: named.id, answer: { type: 'single', optionId: 'o2' } });
    await a.ok('polls:answer', { pollId: anon.id, answer: { type: 'open', text: '=HYPERLINK("x")' } });
    const get = (path: string, headers: Record<string, string> = { cookie: ctx.cookie }) => fetch(`${ctx.t.url}/api/events/${ev.id}${path}`, { headers });

    const all = await get('/polls.csv');
    expect(all.status).toBe(200);
    expect(all.headers.get('content-type')).toContain('text/csv');
    const csv = await all.text();
    expect(csv).toContain('Person 1');
    expect(csv).toContain("'=HYPERLINK");
    const lines = csv.split('\r\n').filter((l) => l.includes(anon.id) && l.includes(',answer,'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('Person');

    const json = (await (await get(`/polls/${named.id}.json`, { authorization: `Bearer ${ev.tokens.moderator}` })).json()) as {
      event: Record<string, unknown>;
      polls: Array<{ responses: number; results: unknown; answers: Array<{ name?: string; answeredAt: string }> }>;
    };
    expect(Object.keys(json.event).sort()).toEqual(['code', 'id', 'title']);
    expect(json.polls[0]!.responses).toBe(2);
    expect(json.polls[0]!.results).toEqual({ kind: 'choice', counts: { o1: 0, o2: 2, o3: 0 } });
    expect(json.polls[0]!.answers.map((x) => x.name).sort()).toEqual(['Person 1', 'Person 2']);
    const anonJson = (await (await get(`/polls/${anon.id}.json`)).json()) as { polls: Array<{ answers: object[] }> };
    expect(anonJson.polls[0]!.answers[0]).not.toHaveProperty('name');
    expect((await get(`/polls/${anon.id}.csv`)).status).toBe(200);
    expect((await get('/polls.json')).status).toBe(200);
    expect((await get('/polls/nope.csv')).status).toBe(404);
    expect((await get('/polls.csv', { authorization: `Bearer ${ev.tokens.stage}` })).status).toBe(401);
    expect((await get('/polls.csv', {})).status).toBe(401);
    expect((await get(`/polls/${named.id}/leaderboard.csv`)).status).toBe(404);
    closeAll(mod, a, b);
  });
});

describe('answered vs present', () => {
  it('staff see how many attendees are here (snapshot and polls:present with the tallies); others get null', async () => {
    const { mod, stage, people } = await setup(3);
    const [a, b, c] = people as [Client, Client, Client];
    const p = (await mod.ok('polls:create', { definition: defs.single })).poll;
    await mod.ok('polls:open', { id: p.id });
    await eventually(async () => (await mod.snapshot()).polls.present === 3, 3000, 'three present');
    expect((await a.snapshot()).polls.present).toBeNull();
    expect((await stage.snapshot()).polls.present).toBeNull();
    await a.ok('polls:answer', { pollId: p.id, answer: { type: 'single', optionId: 'o1' } });
    await until(() => pollChanges(mod).some((ch) => ch.type === 'polls:present' && ch.count === 3), 2000, 'polls:present');
    c.close();
    await until(() => pollChanges(mod).some((ch) => ch.type === 'polls:present' && ch.count === 2), 2000, 'one left');
    expect(pollChanges(a).some((ch) => ch.type === 'polls:present')).toBe(false);
    expect((await mod.snapshot()).polls.polls[0]!.responses).toBe(1);
    closeAll(mod, stage, a, b);
  });
});
