/** Q&A end to end over real sockets: asking, moderation, fan-out, votes across tabs, roles. */
import { describe, expect, it } from 'vitest';
import { ModQuestionResult, Question, QuestionResult } from '../../shared/qa/schemas.js';
import { commands, type CommandName } from '../../shared/socket.js';
import { Snapshot } from '../../shared/socket.js';
import { connect, createEvent, joinAttendee, serverWithOrganizer, sleep, stable, until, type Client } from './helpers.js';

const ctx = serverWithOrganizer();

function lastChanges(c: Client) {
  return c.deltas.flatMap((d) => d.changes);
}

describe('ask → moderate → everyone sees it', () => {
  it('with pre-moderation: the moderator sees the question in the queue, approves, all attendees get the delta', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie, { settings: { qa: { premoderation: true } } });
    const alice = await joinAttendee(ctx.t, ev.code, 'Alice');
    const bob = await joinAttendee(ctx.t, ev.code, 'Bob');
    const a = await connect(ctx.t, { code: ev.code, token: alice.token });
    const b = await connect(ctx.t, { code: ev.code, token: bob.token });
    const stage = await connect(ctx.t, { code: ev.code, token: ev.tokens.stage });
    const mod = await connect(ctx.t, { code: ev.code, token: ev.tokens.moderator });
    const org = await connect(ctx.t, { code: ev.code, cookie: ctx.cookie });
    // Staff hear who came online (one presence delta; the public gets only the new count); count from after it.
    for (let tries = 0; ; tries++) {
      const people = (await mod.snapshot()).people.people;
      if (people.filter((p) => p.online).length === 2) break;
      if (tries > 100) throw new Error('attendees never showed as online');
      await sleep(20);
    }
    // Attendees get public deltas with their next tick (ATTENDEE_TICK_MS, 100 ms): let the presence count land first.
    await sleep(250);
    for (const c of [a, b, stage, mod, org]) c.deltas.length = 0;

    const snapA = Snapshot.parse(await a.snapshot());
    expect(snapA.me).toEqual({ role: 'attendee', id: alice.attendeeId, name: 'Alice', attributes: {} });
    expect(snapA.event.settings.qa.blockedWords).toEqual([]);
    expect((await mod.snapshot()).event.settings.qa.blockedWords.length).toBeGreaterThan(0);
    expect((await org.snapshot()).me.role).toBe('organizer');
    expect((await stage.snapshot()).me).toMatchObject({ role: 'stage', id: 'stage' });

    const asked = await a.ok('qa:ask', { text: 'Wann erscheint die nächste Version?' });
    QuestionResult.parse(asked);
    expect(asked.question).toMatchObject({ state: 'pending', authorName: 'Alice', votes: 0 });
    const id = asked.question.id;

    // Moderators get the whole question; the public only the pending count.
    await until(() => mod.deltas.length === 1 && b.deltas.length === 1, 2000, 'first deltas');
    expect(mod.deltas[0]!.changes).toContainEqual({ type: 'question:upsert', question: expect.objectContaining({ id, state: 'pending', authorId: alice.attendeeId }) });
    expect(b.deltas[0]).toEqual({ seq: mod.deltas[0]!.seq, changes: [{ type: 'qa:pendingCount', count: 1 }] });
    await until(() => a.own.length === 1, 2000, 'qa:own');
    expect(a.own[0]).toMatchObject({ id, state: 'pending' });
    expect(b.own).toEqual([]);
    const modSnap = await mod.snapshot();
    expect(modSnap.qa.questions.map((q) => [q.id, q.state])).toEqual([[id, 'pending']]);
    expect(modSnap.qa.pendingCount).toBe(1);
    const bSnap = await b.snapshot();
    expect(bSnap.qa.questions).toEqual([]);
    expect(bSnap.qa.pendingCount).toBe(1);
    expect((await a.snapshot()).qa.own.map((q) => q.state)).toEqual(['pending']);

    const approved = await mod.ok('qa:approve', { id, text: 'Wann erscheint die nächste Version von Plenum?' });
    ModQuestionResult.parse(approved);
    expect(approved.question).toMatchObject({ state: 'live', text: 'Wann erscheint die nächste Version von Plenum?' });

    for (const c of [a, b, stage, org]) {
      await until(() => c.deltas.length === 2, 2000, 'approval delta');
      const upsert = c.deltas[1]!.changes.find((ch) => ch.type === 'question:upsert');
      expect(upsert).toBeDefined();
      expect(upsert && 'question' in upsert && upsert.question).toMatchObject({ id, state: 'live', text: 'Wann erscheint die nächste Version von Plenum?' });
    }
    expect(b.deltas[1]!.seq).toBe(mod.deltas[1]!.seq);
    expect(b.deltas[1]!.changes).toContainEqual({ type: 'qa:pendingCount', count: 0 });
    // The public never sees moderator-only fields.
    const pubQ = b.deltas[1]!.changes.find((ch) => ch.type === 'question:upsert') as { question: object };
    expect(Question.strict().safeParse(pubQ.question).success).toBe(true);
    expect((await b.snapshot()).qa.questions.map((q) => q.id)).toEqual([id]);

    for (const c of [a, b, stage, mod, org]) c.close();
  });

  it('without pre-moderation a question goes live at once, unless a blocked word sends it to review', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie, { settings: { qa: { premoderation: false } } });
    const att = await joinAttendee(ctx.t, ev.code, 'Eve');
    const a = await connect(ctx.t, { code: ev.code, token: att.token });
    const mod = await connect(ctx.t, { code: ev.code, token: ev.tokens.moderator });
    expect((await a.ok('qa:ask', { text: 'Eine normale Frage' })).question.state).toBe('live');
    const flagged = await a.ok('qa:ask', { text: 'Das ist doch Scheiße!' });
    expect(flagged.question.state).toBe('pending');
    const modView = (await mod.snapshot()).qa.questions.find((q) => q.id === flagged.question.id);
    expect(modView && 'flaggedWords' in modView && modView.flaggedWords).toEqual(['scheiße', 'scheisse']);
    // Moderators change the list at run time.
    const changed = await mod.ok('event:settings', { qa: { blockedWords: ['brokkoli'] } });
    expect(changed.event.settings.qa.blockedWords).toEqual(['brokkoli']);
    expect(changed.event.settings.qa.premoderation).toBe(false);
    await until(() => a.deltas.some((d) => d.changes.some((c) => c.type === 'event:update')), 2000, 'event:update');
    const upd = a.deltas.flatMap((d) => d.changes).find((c) => c.type === 'event:update');
    expect(upd && 'event' in upd && upd.event.settings.qa.blockedWords).toEqual([]);
    expect((await a.ok('qa:ask', { text: 'Ich mag keinen Brokkoli' })).question.state).toBe('pending');
    a.close();
    mod.close();
  });

  it('settings are enforced: closed, too long, anonymous not allowed', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie, { settings: { qa: { maxQuestionLength: 40, anonymousAllowed: false } } });
    const att = await joinAttendee(ctx.t, ev.code, 'Kim');
    const a = await connect(ctx.t, { code: ev.code, token: att.token });
    const mod = await connect(ctx.t, { code: ev.code, token: ev.tokens.moderator });
    const long = await a.call('qa:ask', { text: 'x'.repeat(41) });
    expect(!long.ok && long.error.code).toBe('too_long');
    const anon = await a.call('qa:ask', { text: 'Anonym?', anonymous: true });
    expect(!anon.ok && anon.error.code).toBe('forbidden');
    await mod.ok('event:settings', { qa: { open: false } });
    const closed = await a.call('qa:ask', { text: 'Noch offen?' });
    expect(!closed.ok && closed.error.code).toBe('closed');
    expect((await mod.snapshot()).qa.questions).toEqual([]);
    a.close();
    mod.close();
  });

  it('authors edit their own questions while not answered and withdraw them; anonymity hides the name', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    const att = await joinAttendee(ctx.t, ev.code, 'Mia');
    const other = await joinAttendee(ctx.t, ev.code, 'Noah');
    const a = await connect(ctx.t, { code: ev.code, token: att.token });
    const o = await connect(ctx.t, { code: ev.code, token: other.token });
    const mod = await connect(ctx.t, { code: ev.code, token: ev.tokens.moderator });

    const q = (await a.ok('qa:ask', { text: 'Erste Fassung', anonymous: true })).question;
    expect(q.authorName).toBeNull();
    const modQ = (await mod.snapshot()).qa.questions[0]!;
    expect(modQ).toMatchObject({ anonymous: true, authorName: null });

    const notMine = await o.call('qa:editOwn', { id: q.id, text: 'Gekapert' });
    expect(!notMine.ok && notMine.error.code).toBe('forbidden');
    expect((await a.ok('qa:editOwn', { id: q.id, text: 'Zweite Fassung' })).question.text).toBe('Zweite Fassung');
    await mod.ok('qa:answer', { id: q.id });
    const late = await a.call('qa:editOwn', { id: q.id, text: 'Zu spät' });
    expect(!late.ok && late.error.code).toBe('invalid_state');
    // Deleting (qa:withdraw) stays possible after the answer: tests/integration/privacy.test.ts.

    const q2 = (await a.ok('qa:ask', { text: 'Zurückziehen' })).question;
    await a.ok('qa:withdraw', { id: q2.id });
    const snapO = await o.snapshot();
    expect(snapO.qa.questions.map((x) => x.id)).toEqual([q.id]);
    expect((await mod.snapshot()).qa.questions.map((x) => x.id)).toEqual([q.id]);
    expect((await a.snapshot()).qa.own.map((x) => x.id)).toEqual([q.id]);
    const missing = await a.call('qa:withdraw', { id: 'does-not-exist' });
    expect(!missing.ok && missing.error.code).toBe('not_found');
    for (const c of [a, o, mod]) c.close();
  });

  it('highlight, queue, answer, restore, star, label, reply, delete, bulk', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    const att = await joinAttendee(ctx.t, ev.code, 'Ida');
    const a = await connect(ctx.t, { code: ev.code, token: att.token });
    const mod = await connect(ctx.t, { code: ev.code, token: ev.tokens.moderator });
    const ids: string[] = [];
    for (const text of ['Eins', 'Zwei', 'Drei']) ids.push((await a.ok('qa:ask', { text })).question.id);
    const [q1, q2, q3] = ids as [string, string, string];

    expect(await mod.ok('qa:highlight', { id: q1 })).toEqual({ ok: true, id: q1 });
    await mod.ok('qa:highlight', { id: q2 });
    expect(await mod.ok('qa:queue', { ids: [q3, q1] })).toEqual({ ok: true, ids: [q3, q1] });
    let snap = await a.snapshot();
    expect(snap.qa.highlightedId).toBe(q2);
    expect(snap.qa.queue).toEqual([q3, q1]);
    const dup = await mod.call('qa:queue', { ids: [q1, q1] });
    expect(!dup.ok && dup.error.code).toBe('invalid_payload');

    await mod.ok('qa:answer', { id: q2 });
    await mod.ok('qa:reject', { id: q3 });
    snap = await a.snapshot();
    expect(snap.qa.highlightedId).toBeNull();
    expect(snap.qa.queue).toEqual([q1]);
    expect(snap.qa.questions.map((q) => [q.id, q.state])).toEqual([[q1, 'live'], [q2, 'answered']]);
    const notLive = await mod.call('qa:highlight', { id: q2 });
    expect(!notLive.ok && notLive.error.code).toBe('invalid_state');
    const answeredVote = await a.call('qa:vote', { id: q2, up: true });
    expect(!answeredVote.ok && answeredVote.error.code).toBe('invalid_state');

    expect((await mod.ok('qa:restore', { id: q2 })).question.state).toBe('live');
    expect((await mod.ok('qa:star', { id: q1, starred: true })).question.starred).toBe(true);
    expect((await mod.ok('qa:label', { id: q1, labels: ['Technik', 'technik'] })).question.labels).toEqual(['Technik']);
    expect((await mod.ok('qa:reply', { id: q1, text: 'Gute Frage' })).question.reply).toBe('Gute Frage');
    expect((await mod.ok('qa:edit', { id: q1, text: 'Eins (korrigiert)' })).question.text).toBe('Eins (korrigiert)');
    await until(() => a.own.some((q) => q.id === q1 && q.reply === 'Gute Frage'), 2000, 'reply reaches the author');

    const bulk = await mod.ok('qa:bulk', { ids: [q1, q2, q3, 'nope'], action: 'answer' });
    expect(bulk.changed.sort()).toEqual([q1, q2].sort());
    expect(bulk.skipped.sort()).toEqual([q3, 'nope'].sort());

    const b = await connect(ctx.t, { code: ev.code, token: (await joinAttendee(ctx.t, ev.code)).token });
    await a.ok('qa:vote', { id: (await b.ok('qa:ask', { text: 'Vier' })).question.id, up: true });
    b.close();
    await mod.ok('qa:delete', { id: q1 });
    snap = await mod.snapshot();
    expect(snap.qa.questions.map((q) => q.id)).not.toContain(q1);
    expect(await ctx.t.server.db.selectFrom('questions').select('id').where('id', '=', q1).execute()).toEqual([]);
    const gone = await mod.call('qa:delete', { id: q1 });
    expect(!gone.ok && gone.error.code).toBe('not_found');
    a.close();
    mod.close();
  });
});

describe('votes across tabs', () => {
  it('two tabs of one attendee cannot vote twice; the other tab gets qa:myVote', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    const att = await joinAttendee(ctx.t, ev.code, 'Tab');
    const tab1 = await connect(ctx.t, { code: ev.code, token: att.token });
    const tab2 = await connect(ctx.t, { code: ev.code, token: att.token });
    const author = await connect(ctx.t, { code: ev.code, token: (await joinAttendee(ctx.t, ev.code)).token });
    const id = (await author.ok('qa:ask', { text: 'Abstimmen bitte' })).question.id;

    const [r1, r2] = await Promise.all([tab1.ok('qa:vote', { id, up: true }), tab2.ok('qa:vote', { id, up: true })]);
    expect([r1.voted, r2.voted]).toEqual([true, true]);
    await until(() => tab2.myVotes.length + tab1.myVotes.length >= 1, 2000, 'qa:myVote');
    expect([...tab1.myVotes, ...tab2.myVotes]).toEqual([{ id, voted: true }]);

    await sleep(150);
    const snap = await tab1.snapshot();
    expect(snap.qa.questions.find((q) => q.id === id)?.votes).toBe(1);
    expect(snap.qa.myVotes).toEqual([id]);
    expect((await tab2.snapshot()).qa.myVotes).toEqual([id]);
    const rows = await ctx.t.server.db.selectFrom('votes').selectAll().where('question_id', '=', id).execute();
    expect(rows).toHaveLength(1);

    expect((await tab2.ok('qa:vote', { id, up: false })).voted).toBe(false);
    await until(() => tab1.myVotes.some((v) => !v.voted), 2000, 'unvote reaches tab 1');
    await sleep(150);
    expect((await author.snapshot()).qa.questions.find((q) => q.id === id)?.votes).toBe(0);
    expect((await tab2.ok('qa:vote', { id, up: false })).voted).toBe(false);
    await sleep(150);
    expect((await author.snapshot()).qa.questions.find((q) => q.id === id)?.votes).toBe(0);
    for (const c of [tab1, tab2, author]) c.close();
  });
});

describe('roles', () => {
  const payloads: Record<CommandName, (id: string) => unknown> = {
    'sync:snapshot': () => ({}),
    'attendee:rename': () => ({ name: 'X' }),
    'qa:ask': () => ({ text: 'Frage' }),
    'qa:editOwn': (id) => ({ id, text: 'Neu' }),
    'qa:withdraw': (id) => ({ id }),
    'qa:vote': (id) => ({ id, up: true }),
    'qa:approve': (id) => ({ id }),
    'qa:reject': (id) => ({ id }),
    'qa:answer': (id) => ({ id }),
    'qa:restore': (id) => ({ id }),
    'qa:highlight': (id) => ({ id }),
    'qa:queue': (id) => ({ ids: [id] }),
    'qa:star': (id) => ({ id, starred: true }),
    'qa:label': (id) => ({ id, labels: ['x'] }),
    'qa:reply': (id) => ({ id, text: 'r' }),
    'qa:edit': (id) => ({ id, text: 'e' }),
    'qa:delete': (id) => ({ id }),
    'qa:bulk': (id) => ({ ids: [id], action: 'reject' }),
    'qa:answeredPage': (id) => ({ before: { at: '9999-12-31T00:00:00.000Z', id } }),
    'qa:merge': (id) => ({ keepId: id, mergeId: id }),
    'qa:dismissVoteAlert': (id) => ({ id }),
    'qa:discountVotes': (id) => ({ id }),
    'chat:import': () => ({ messageId: 'm1' }),
    'chat:retry': () => ({}),
    'event:settings': () => ({ qa: { open: false, blockedWords: [] } }),
    'attendee:profile': () => ({ attributes: {} }),
    'breakouts:plan': () => ({ size: 2 }),
    'breakouts:planSettings': () => ({
      settings: { shape: 'size', count: '4', mode: 'mix', spread: '', capacity: '', rounds: '1', minutes: '15', names: '', topics: '', videoTemplate: '', apart: [], together: [], includeAbsent: true },
    }),
    'breakouts:reshuffle': () => ({ roundId: 'r' }),
    'breakouts:move': () => ({ roundId: 'r', personId: 'p', toGroup: 0 }),
    'breakouts:swap': () => ({ roundId: 'r', a: 'p', b: 'q' }),
    'breakouts:lock': () => ({ roundId: 'r', personId: 'p', locked: true }),
    'breakouts:group': () => ({ roundId: 'r', index: 0, name: 'X' }),
    'breakouts:start': () => ({ roundId: 'r' }),
    'breakouts:extend': () => ({ roundId: 'r', seconds: 60 }),
    'breakouts:message': () => ({ roundId: 'r', text: 'Hallo' }),
    'breakouts:close': () => ({ roundId: 'r' }),
    'breakouts:discard': () => ({ roundId: 'r' }),
    'breakouts:showResults': () => ({ roundId: 'r', show: true }),
    'breakouts:resolveHelp': () => ({ id: 'h' }),
    'breakouts:help': () => ({ roundId: 'r' }),
    'breakouts:choose': () => ({ roundId: 'r', index: 0 }),
    'breakouts:editResult': () => ({ roundId: 'r', index: 0, baseVersion: 0, text: 'x' }),
    'polls:create': () => ({ definition: { type: 'single', question: 'F?', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }] } }),
    'polls:update': (id) => ({ id, settings: { allowChange: true } }),
    'polls:duplicate': (id) => ({ id }),
    'polls:reorder': (id) => ({ ids: [id] }),
    'polls:delete': (id) => ({ id }),
    'polls:import': () => ({ format: 'text', source: 'Frage?\n- A\n- B', dryRun: false }),
    'polls:open': (id) => ({ id }),
    'polls:close': (id) => ({ id }),
    'polls:reopen': (id) => ({ id }),
    'polls:reset': (id) => ({ id }),
    'polls:reveal': (id) => ({ id, revealed: true }),
    'polls:present': (id) => ({ id }),
    'polls:review': (id) => ({ pollId: id, entryIds: [id], decision: 'approve' }),
    'polls:quizNext': (id) => ({ id }),
    'polls:quizEndQuestion': (id) => ({ id }),
    'polls:answer': (id) => ({ pollId: id, answer: { type: 'single', optionId: 'a' } }),
    'polls:nickname': (id) => ({ pollId: id, nickname: 'Nick' }),
    'polls:retract': (id) => ({ pollId: id }),
    'stage:show': (id) => ({ screen: 'both', item: { kind: 'question', questionId: id } }),
    'stage:clear': () => ({ screen: 'both' }),
    'stage:enqueue': (id) => ({ item: { kind: 'question', questionId: id } }),
    'stage:dequeue': (id) => ({ id }),
    'stage:reorder': (id) => ({ ids: [id] }),
    'stage:next': () => ({ screen: 'room' }),
    'stage:speakerDone': (id) => ({ questionId: id }),
  };

  it('an attendee sending any moderator command gets forbidden and nothing changes', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie, { settings: { qa: { premoderation: true } } });
    const att = await joinAttendee(ctx.t, ev.code, 'Troll');
    const a = await connect(ctx.t, { code: ev.code, token: att.token });
    const mod = await connect(ctx.t, { code: ev.code, token: ev.tokens.moderator });
    const pending = (await a.ok('qa:ask', { text: 'Wartet' })).question.id;
    const live = (await a.ok('qa:ask', { text: 'Läuft' })).question.id;
    await mod.ok('qa:approve', { id: live });
    await sleep(60); // the attendee's presence flush (20 ms in tests) is a delta of its own
    const before = await mod.snapshot();
    const deltasBefore = mod.deltas.length;

    const modOnly = (Object.keys(commands) as CommandName[]).filter((n) => !(commands[n].roles as readonly string[]).includes('attendee'));
    expect(modOnly.length).toBeGreaterThanOrEqual(13);
    for (const name of modOnly) {
      for (const id of [pending, live]) {
        const res = await a.send(name, payloads[name](id));
        expect(res, name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
    await sleep(150);
    expect(stable(await mod.snapshot())).toEqual(stable(before));
    expect(mod.deltas.length).toBe(deltasBefore);
    a.close();
    mod.close();
  });

  it('link roles and organizers may not send attendee commands; stage, speaker and facilitator may not moderate', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    const att = await joinAttendee(ctx.t, ev.code);
    const a = await connect(ctx.t, { code: ev.code, token: att.token });
    const id = (await a.ok('qa:ask', { text: 'Hallo' })).question.id;
    const clients = {
      moderator: await connect(ctx.t, { code: ev.code, token: ev.tokens.moderator }),
      organizer: await connect(ctx.t, { code: ev.code, cookie: ctx.cookie }),
      stage: await connect(ctx.t, { code: ev.code, token: ev.tokens.stage }),
      facilitator: await connect(ctx.t, { code: ev.code, token: ev.tokens.facilitator }),
      speaker: await connect(ctx.t, { code: ev.code, token: ev.tokens.speaker }),
    };
    // The speaker link may send exactly one command; the dispatch refuses the rest from the roles table.
    expect((Object.keys(commands) as CommandName[]).filter((n) => (commands[n].roles as readonly string[]).includes('speaker'))).toEqual(['sync:snapshot', 'stage:speakerDone']);
    for (const [role, c] of Object.entries(clients)) {
      for (const name of Object.keys(commands) as CommandName[]) {
        const allowed = (commands[name].roles as readonly string[]).includes(role);
        if (allowed) continue;
        const res = await c.send(name, payloads[name](id));
        expect(res, `${role} ${name}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
    expect((await clients.organizer.ok('qa:star', { id, starred: true })).question.starred).toBe(true);
    a.close();
    for (const c of Object.values(clients)) c.close();
  });

  it('attendee:rename changes the name for new questions', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    const att = await joinAttendee(ctx.t, ev.code);
    const a = await connect(ctx.t, { code: ev.code, token: att.token });
    expect((await a.snapshot()).me.name).toBeNull();
    expect(await a.ok('attendee:rename', { name: '  Lou  ' })).toEqual({ ok: true, name: 'Lou' });
    expect((await a.snapshot()).me.name).toBe('Lou');
    expect((await a.ok('qa:ask', { text: 'Mit Namen' })).question.authorName).toBe('Lou');
    expect(await a.ok('attendee:rename', { name: '' })).toEqual({ ok: true, name: null });
    a.close();
  });
});

export { lastChanges };
