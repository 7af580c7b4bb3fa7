/**
 * The stage end to end over real sockets: every command, role refusals, item checks, follow, items that
 * disappear, the speaker's "done", the overlay auto-hide, catch-up after a reconnect.
 */
import { describe, expect, it } from 'vitest';
import type { Delta } from '../../shared/socket.js';
import type { OnAirItem } from '../../shared/stage/schemas.js';
import { api, connect, createEvent, serverWithOrganizer, sleep, until, type Client } from './helpers.js';
import { defs } from './polls-helpers.js';
import { lastScreen, question, stageChanges, stageSetup, untilScreen, type StageSetup } from './stage-helpers.js';

// Many questions from one attendee per test: lift the 3-a-minute limit (limits have their own tests).
const ctx = serverWithOrganizer({ limits: { question: { capacity: 1000, perMs: 1000 } } });
const OFF = { item: null, since: null, autoHideS: null, by: null };

async function ask(s: StageSetup, text: string): Promise<string> {
  return (await s.att.ok('qa:ask', { text })).question.id;
}

/** The delta a client got whose changes include one of this type (the latest). */
function deltaWith(c: Client, type: string): Delta | undefined {
  return [...c.deltas].reverse().find((d) => d.changes.some((ch) => ch.type === type));
}

async function startedRound(s: StageSetup): Promise<string> {
  const round = (await s.fac.ok('breakouts:plan', { size: 2, people: [s.attendeeId] })).rounds[0]!;
  await s.fac.ok('breakouts:start', { roundId: round.id, durationSec: 600 });
  return round.id;
}

describe('stage commands', () => {
  it('show, clear, enqueue, reorder, next, dequeue: staff and the stage room get the changes, attendees nothing', async () => {
    const s = await stageSetup(ctx.t, ctx.cookie);
    const q1 = await ask(s, 'Erste Frage');
    const q2 = await ask(s, 'Zweite Frage');

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
    expect(cleared).toEqual({ ok: true, room: OFF, overlay: OFF });
    await untilScreen(s.overlay, 'overlay', (st) => st !== undefined && st.item === null, 'overlay cleared');

    await sleep(100);
    expect(stageChanges(s.att)).toEqual([]);
    // The queue is for staff only; the stage room gets the screens.
    expect(stageChanges(s.stage).some((c) => c.type === 'stage:queue')).toBe(false);
    expect(stageChanges(s.mod).some((c) => c.type === 'stage:queue')).toBe(true);
    // Every audience's seq stays contiguous (attendees get empty deltas).
    for (const c of [s.att, s.stage, s.mod]) {
      const seqs = c.deltas.map((d) => d.seq);
      expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    }
    s.closeAll();
  });

  it('the organizer may do what moderators do; the queue holds at most 50', async () => {
    const s = await stageSetup(ctx.t, ctx.cookie);
    const org = await connect(ctx.t, { code: s.ev.code, cookie: ctx.cookie });
    const ids = [];
    for (let i = 0; i < 50; i++) ids.push(await ask(s, `Frage ${i}`));
    for (const id of ids) await org.ok('stage:enqueue', { item: question(id) });
    const full = await org.call('stage:enqueue', { item: { kind: 'join' } });
    expect(!full.ok && full.error.code).toBe('stage_queue_full');
    expect((await org.ok('stage:show', { screen: 'overlay', item: { kind: 'join' } })).overlay.by).toBe('organizer');
    expect((await s.mod.snapshot()).stage.queue).toHaveLength(50);
    org.close();
    s.closeAll();
  }, 30_000);
});

describe('roles', () => {
  it('facilitators: rounds and the join screen only; they take off air only what they could show', async () => {
    const s = await stageSetup(ctx.t, ctx.cookie);
    const q = await ask(s, 'Eine Frage');
    const roundId = await startedRound(s);
    expect(await s.fac.call('stage:show', { screen: 'room', item: question(q) })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await s.fac.call('stage:enqueue', { item: question(q) })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await s.fac.ok('stage:show', { screen: 'room', item: { kind: 'round', roundId } })).room.by).toBe('facilitator');
    expect((await s.fac.ok('stage:enqueue', { item: { kind: 'join' } })).queue).toHaveLength(1);
    await s.mod.ok('stage:show', { screen: 'overlay', item: question(q) });
    expect(await s.fac.call('stage:clear', { screen: 'both' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await s.fac.ok('stage:clear', { screen: 'room' })).room.item).toBeNull();
    // A question the moderator queued: the facilitator may neither take it out nor put it on air with next.
    const entry = (await s.mod.ok('stage:enqueue', { item: question(q) })).queue[1]!;
    expect(await s.fac.call('stage:dequeue', { id: entry.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await s.mod.ok('stage:reorder', { ids: [entry.id] });
    expect(await s.fac.call('stage:next', { screen: 'room' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await s.mod.snapshot()).stage.queue.map((e) => e.item.kind)).toEqual(['question', 'join']);
    s.closeAll();
  });

  it('stage, speaker and attendees are refused every on-air command, and nothing changes', async () => {
    const s = await stageSetup(ctx.t, ctx.cookie);
    const q = await ask(s, 'Frage');
    await sleep(60);
    const before = await s.mod.snapshot();
    const payloads = {
      'stage:show': { screen: 'both', item: question(q) },
      'stage:clear': { screen: 'both' },
      'stage:enqueue': { item: question(q) },
      'stage:dequeue': { id: 'x' },
      'stage:reorder': { ids: [] },
      'stage:next': { screen: 'room' },
    };
    for (const c of [s.stage, s.speaker, s.att]) {
      for (const [name, payload] of Object.entries(payloads)) {
        expect(await c.send(name, payload), name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
    for (const c of [s.stage, s.att, s.mod, s.fac]) {
      expect(await c.send('stage:speakerDone', { questionId: q })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const after = await s.mod.snapshot();
    expect(after.seq).toBe(before.seq);
    expect(after.stage).toEqual(before.stage);
    s.closeAll();
  });
});

describe('what may go on air', () => {
  it('questions: live and answered yes; pending, rejected, deleted, another event’s no', async () => {
    const s = await stageSetup(ctx.t, ctx.cookie, { qa: { premoderation: true } });
    const pending = await ask(s, 'Wartet noch');
    const live = await ask(s, 'Freigegeben');
    const rejected = await ask(s, 'Abgelehnt');
    const deleted = await ask(s, 'Gelöscht');
    await s.mod.ok('qa:approve', { id: live });
    await s.mod.ok('qa:reject', { id: rejected });
    await s.mod.ok('qa:delete', { id: deleted });
    const other = await stageSetup(ctx.t, ctx.cookie);
    const foreign = await ask(other, 'Andere Veranstaltung');
    await other.mod.ok('qa:approve', { id: foreign }).catch(() => undefined);

    const codeOf = async (questionId: string) => {
      const res = await s.mod.call('stage:show', { screen: 'room', item: question(questionId) });
      return res.ok ? 'ok' : res.error.code;
    };
    expect(await codeOf(live)).toBe('ok');
    expect(await codeOf(pending)).toBe('stage_item_invalid');
    expect(await codeOf(rejected)).toBe('stage_item_invalid');
    expect(await codeOf(deleted)).toBe('stage_item_not_found');
    expect(await codeOf(foreign)).toBe('stage_item_not_found');
    const enq = await s.mod.call('stage:enqueue', { item: question(pending) });
    expect(!enq.ok && enq.error.code).toBe('stage_item_invalid');
    await s.mod.ok('qa:answer', { id: live });
    expect(await codeOf(live)).toBe('ok');
    s.closeAll();
    other.closeAll();
  });

  it('polls: not drafts; a leaderboard only of a quiz; rounds: started ones of this event', async () => {
    const s = await stageSetup(ctx.t, ctx.cookie);
    const poll = (await s.mod.ok('polls:create', { definition: defs.single })).poll;
    const quiz = (await s.mod.ok('polls:create', { definition: defs.quiz })).poll;
    const show = async (item: OnAirItem) => {
      const res = await s.mod.call('stage:show', { screen: 'room', item });
      return res.ok ? 'ok' : res.error.code;
    };
    expect(await show({ kind: 'poll', pollId: poll.id })).toBe('stage_item_invalid');
    await s.mod.ok('polls:open', { id: poll.id });
    await s.mod.ok('polls:open', { id: quiz.id });
    expect(await show({ kind: 'poll', pollId: poll.id })).toBe('ok');
    expect(await show({ kind: 'leaderboard', pollId: poll.id })).toBe('stage_item_invalid');
    expect(await show({ kind: 'leaderboard', pollId: quiz.id })).toBe('ok');
    expect(await show({ kind: 'poll', pollId: 'no-such-poll' })).toBe('stage_item_not_found');

    const draft = (await s.fac.ok('breakouts:plan', { size: 2, people: [s.attendeeId] })).rounds[0]!;
    expect(await show({ kind: 'round', roundId: draft.id })).toBe('stage_item_invalid');
    await s.fac.ok('breakouts:start', { roundId: draft.id, durationSec: 600 });
    expect(await show({ kind: 'round', roundId: draft.id })).toBe('ok');
    expect(await show({ kind: 'round', roundId: 'no-such-round' })).toBe('stage_item_not_found');
    expect(await show({ kind: 'join' })).toBe('ok');
    s.closeAll();
  });
});

describe('follow', () => {
  it('qa:highlight puts the question on both screens in the same delta; a cleared highlight takes it off', async () => {
    const s = await stageSetup(ctx.t, ctx.cookie, { stage: { overlayAutoHideS: 600 } });
    const q = await ask(s, 'Folgt dem Highlight');
    await s.mod.ok('qa:highlight', { id: q });
    await untilScreen(s.overlay, 'overlay', (st) => st?.item?.kind === 'question', 'overlay follows');
    // One delta, one seq: the highlight and the screens together.
    const d = deltaWith(s.stage, 'qa:highlight')!;
    expect(d.changes.filter((c) => c.type === 'stage:screen').map((c) => c.type === 'stage:screen' && [c.screen, c.state.by])).toEqual([
      ['room', 'follow'],
      ['overlay', 'follow'],
    ]);
    expect(lastScreen(s.stage, 'overlay')?.autoHideS).toBe(600);
    // Attendees get it with their next tick (the stage room at once).
    const attDelta = await until(() => s.att.deltas.find((x) => x.seq === d.seq), 2000, 'the attendee delta');
    expect(attDelta.changes.map((c) => c.type)).toEqual(['qa:highlight']);

    await s.mod.ok('qa:highlight', { id: null });
    await untilScreen(s.stage, 'room', (st) => st?.item === null, 'room clears');
    expect((await s.stage.snapshot()).stage).toEqual({ room: OFF, overlay: OFF, queue: [] });
    s.closeAll();
  });

  it('only the screens whose follow is on; another item on air stays when the highlight is cleared', async () => {
    const s = await stageSetup(ctx.t, ctx.cookie, { stage: { follow: { room: true, overlay: false } } });
    const q1 = await ask(s, 'Eins');
    const q2 = await ask(s, 'Zwei');
    await s.mod.ok('qa:highlight', { id: q1 });
    let snap = await s.mod.snapshot();
    expect(snap.stage.room.item).toEqual(question(q1));
    expect(snap.stage.overlay.item).toBeNull();
    await s.mod.ok('stage:show', { screen: 'room', item: question(q2) });
    await s.mod.ok('qa:highlight', { id: null });
    snap = await s.mod.snapshot();
    expect(snap.stage.room).toMatchObject({ item: question(q2), by: 'moderator' });

    await s.mod.ok('event:settings', { stage: { follow: { room: false, overlay: false } } });
    await s.mod.ok('qa:highlight', { id: q1 });
    expect((await s.mod.snapshot()).stage.room.item).toEqual(question(q2));
    s.closeAll();
  });

  it('answering the highlighted question (qa:answer) clears the screens that followed it', async () => {
    const s = await stageSetup(ctx.t, ctx.cookie);
    const q = await ask(s, 'Wird beantwortet');
    await s.mod.ok('qa:highlight', { id: q });
    await s.mod.ok('qa:answer', { id: q });
    const snap = await s.stage.snapshot();
    expect(snap.stage.room.item).toBeNull();
    expect(snap.stage.overlay.item).toBeNull();
    s.closeAll();
  });

  it('polls:present follows; presenting nothing takes the poll off air', async () => {
    const s = await stageSetup(ctx.t, ctx.cookie);
    const poll = (await s.mod.ok('polls:create', { definition: defs.rating })).poll;
    await s.mod.ok('polls:open', { id: poll.id });
    await s.mod.ok('polls:present', { id: poll.id });
    await untilScreen(s.overlay, 'room', (st) => st?.item?.kind === 'poll', 'poll follows');
    expect((await s.mod.snapshot()).stage.overlay).toMatchObject({ item: { kind: 'poll', pollId: poll.id }, by: 'follow' });
    await s.mod.ok('polls:present', { id: null });
    const snap = await s.mod.snapshot();
    expect([snap.stage.room.item, snap.stage.overlay.item]).toEqual([null, null]);
    s.closeAll();
  });

  it('breakouts:showResults follows once; hiding the results takes the round off air', async () => {
    const s = await stageSetup(ctx.t, ctx.cookie);
    const roundId = await startedRound(s);
    await s.fac.ok('breakouts:showResults', { roundId, show: true });
    expect((await s.mod.snapshot()).stage.room).toMatchObject({ item: { kind: 'round', roundId }, by: 'follow' });
    await s.mod.ok('stage:show', { screen: 'both', item: { kind: 'join' } });
    // Later updates of the round (a message) do not put it back.
    await s.fac.ok('breakouts:message', { roundId, text: 'Noch fünf Minuten' });
    expect((await s.mod.snapshot()).stage.room.item).toEqual({ kind: 'join' });
    await s.fac.ok('stage:show', { screen: 'room', item: { kind: 'round', roundId } });
    await s.fac.ok('breakouts:showResults', { roundId, show: false });
    const snap = await s.mod.snapshot();
    expect(snap.stage.room.item).toBeNull();
    expect(snap.stage.overlay.item).toEqual({ kind: 'join' });
    s.closeAll();
  });
});

describe('items that disappear', () => {
  it('a question deleted, rejected or merged away leaves every screen and the queue in the same commit', async () => {
    const s = await stageSetup(ctx.t, ctx.cookie, { stage: { follow: { room: false, overlay: false } } });
    for (const how of ['qa:delete', 'qa:reject', 'qa:merge'] as const) {
      const q = await ask(s, `Verschwindet (${how})`);
      const keep = await ask(s, `Bleibt (${how})`);
      await s.mod.ok('stage:show', { screen: 'both', item: question(q) });
      await s.mod.ok('stage:enqueue', { item: question(q) });
      await s.mod.ok('stage:enqueue', { item: question(keep) });
      if (how === 'qa:merge') await s.mod.ok('qa:merge', { keepId: keep, mergeId: q });
      else await s.mod.ok(how, { id: q });
      const d = deltaWith(s.mod, 'stage:queue')!;
      expect(d.changes.some((c) => c.type === 'question:upsert' || c.type === 'question:remove'), how).toBe(true);
      const snap = await s.mod.snapshot();
      expect(snap.stage.room.item, how).toBeNull();
      expect(snap.stage.overlay.item, how).toBeNull();
      expect(snap.stage.queue.map((e) => e.item), how).toEqual([question(keep)]);
      await untilScreen(s.overlay, 'overlay', (st) => st?.item === null, `${how}: overlay clears`);
      await s.mod.ok('stage:dequeue', { id: snap.stage.queue[0]!.id });
    }
    s.closeAll();
  });

  it('a withdrawn question, a deleted poll and a poll reset to a draft leave the screens', async () => {
    const s = await stageSetup(ctx.t, ctx.cookie);
    const q = await ask(s, 'Ziehe ich zurück');
    await s.mod.ok('stage:show', { screen: 'overlay', item: question(q) });
    await s.att.ok('qa:withdraw', { id: q });
    expect((await s.mod.snapshot()).stage.overlay.item).toBeNull();

    const quiz = (await s.mod.ok('polls:create', { definition: defs.quiz })).poll;
    await s.mod.ok('polls:open', { id: quiz.id });
    await s.mod.ok('stage:show', { screen: 'room', item: { kind: 'leaderboard', pollId: quiz.id } });
    await s.mod.ok('stage:enqueue', { item: { kind: 'poll', pollId: quiz.id } });
    await s.mod.ok('polls:delete', { id: quiz.id });
    const snap = await s.mod.snapshot();
    expect(snap.stage.room.item).toBeNull();
    expect(snap.stage.queue).toEqual([]);

    // A poll reset to a draft is no longer visible to the stage: it leaves the screens too.
    const poll = (await s.mod.ok('polls:create', { definition: defs.single })).poll;
    await s.mod.ok('polls:open', { id: poll.id });
    await s.mod.ok('polls:close', { id: poll.id });
    await s.mod.ok('stage:show', { screen: 'both', item: { kind: 'poll', pollId: poll.id } });
    await s.mod.ok('polls:reset', { id: poll.id });
    const reset = await s.mod.snapshot();
    expect([reset.stage.room.item, reset.stage.overlay.item]).toEqual([null, null]);
    s.closeAll();
  });
});

describe('speaker', () => {
  it('stage:speakerDone is refused unless the event allows it', async () => {
    const s = await stageSetup(ctx.t, ctx.cookie);
    const q = await ask(s, 'Für die Rednerin');
    await s.mod.ok('qa:highlight', { id: q });
    const res = await s.speaker.call('stage:speakerDone', { questionId: q });
    expect(!res.ok && res.error.code).toBe('speaker_answer_disabled');
    s.closeAll();
  });

  it('marks a highlighted, queued or on-air question answered exactly as qa:answer; others are refused', async () => {
    const s = await stageSetup(ctx.t, ctx.cookie, { stage: { speakerMayAnswer: true, follow: { room: false, overlay: false } } });
    const [hl, queued, onAir, other] = [await ask(s, 'Hervorgehoben'), await ask(s, 'In der Warteschlange'), await ask(s, 'Auf dem Schirm'), await ask(s, 'Sonstige')];
    await s.mod.ok('qa:highlight', { id: hl });
    await s.mod.ok('qa:queue', { ids: [queued] });
    await s.mod.ok('stage:show', { screen: 'room', item: question(onAir) });

    // The speaker sees the public questions with the highlight and the speakers' queue.
    const snap = await s.speaker.snapshot();
    expect(snap.me.role).toBe('speaker');
    expect(snap.qa.highlightedId).toBe(hl);
    expect(snap.qa.queue).toEqual([queued]);
    expect(snap.stage.room.item).toEqual(question(onAir));
    expect(snap.stage.queue).toEqual([]);

    const refused = await s.speaker.call('stage:speakerDone', { questionId: other });
    expect(!refused.ok && refused.error.code).toBe('stage_item_invalid');
    const unknown = await s.speaker.call('stage:speakerDone', { questionId: 'no-such-question' });
    expect(!unknown.ok && unknown.error.code).toBe('stage_item_not_found');

    for (const id of [hl, queued, onAir]) {
      expect(await s.speaker.ok('stage:speakerDone', { questionId: id })).toEqual({ ok: true, questionId: id });
      // Every audience gets the answered question under one seq, as after qa:answer.
      const answeredIn = (c: Client) =>
        c.deltas.find((d) => d.changes.some((ch) => ch.type === 'question:upsert' && ch.question.id === id && ch.question.state === 'answered'));
      const seqs = await Promise.all([s.att, s.mod, s.speaker].map((c) => until(() => answeredIn(c), 3000, 'answered question')));
      expect(new Set(seqs.map((d) => d.seq)).size).toBe(1);
    }
    const again = await s.speaker.call('stage:speakerDone', { questionId: onAir });
    expect(!again.ok && again.error.code).toBe('invalid_state');
    const after = await s.mod.snapshot();
    expect(after.qa.questions.filter((q) => q.state === 'answered').map((q) => q.id).sort()).toEqual([hl, queued, onAir].sort());
    expect(after.qa.highlightedId).toBeNull();
    expect(after.qa.queue).toEqual([]);
    // An answered question stays on air until someone takes it off.
    expect(after.stage.room.item).toEqual(question(onAir));
    s.closeAll();
  });

  it('done on the highlighted question: the screens that followed the highlight clear in the same commit', async () => {
    const s = await stageSetup(ctx.t, ctx.cookie, { stage: { speakerMayAnswer: true } });
    const q = await ask(s, 'Wird live beantwortet');
    await s.mod.ok('qa:highlight', { id: q });
    await untilScreen(s.overlay, 'overlay', (st) => st?.item?.kind === 'question', 'overlay follows');
    await s.speaker.ok('stage:speakerDone', { questionId: q });
    await untilScreen(s.overlay, 'overlay', (st) => st?.item === null, 'overlay clears');
    const d = deltaWith(s.stage, 'stage:screen')!;
    expect(d.changes.map((c) => c.type)).toEqual(expect.arrayContaining(['question:upsert', 'qa:highlight', 'stage:screen']));
    expect((await s.speaker.snapshot()).stage.room.item).toBeNull();
    s.closeAll();
  });

  it('the speaker sees poll results like the stage (snapshot and deltas agree)', async () => {
    const s = await stageSetup(ctx.t, ctx.cookie);
    const poll = (await s.mod.ok('polls:create', { definition: defs.single, settings: { results: 'hidden' } })).poll;
    await s.mod.ok('polls:open', { id: poll.id });
    await s.att.ok('polls:answer', { pollId: poll.id, answer: { type: 'single', optionId: 'o1' } });
    await sleep(300); // the tallies window
    const [forSpeaker, forStage, forAttendee] = await Promise.all([s.speaker.snapshot(), s.stage.snapshot(), s.att.snapshot()]);
    expect(forAttendee.polls.polls[0]!.results).toBeNull();
    expect(forSpeaker.polls.polls[0]!.results).not.toBeNull();
    expect(forSpeaker.polls).toEqual(forStage.polls);
    s.closeAll();
  });
});

describe('overlay auto-hide', () => {
  it('the server takes the overlay off air once, when its time is up; the room screen stays', async () => {
    const s = await stageSetup(ctx.t, ctx.cookie, { stage: { overlayAutoHideS: 3 } });
    const shownAt = Date.now();
    const res = await s.mod.ok('stage:show', { screen: 'both', item: { kind: 'join' } });
    expect(res.overlay.autoHideS).toBe(3);
    expect(res.room.autoHideS).toBeNull();
    await untilScreen(s.overlay, 'overlay', (st) => st?.item === null, 'overlay hides', 8000);
    expect(Date.now() - shownAt).toBeGreaterThanOrEqual(2900);
    await untilScreen(s.mod, 'overlay', (st) => st?.item === null, 'moderator preview agrees');
    await sleep(500);
    const hides = stageChanges(s.overlay).filter((c) => c.type === 'stage:screen' && c.screen === 'overlay' && c.state.item === null);
    expect(hides).toHaveLength(1);
    const snap = await s.mod.snapshot();
    expect(snap.stage.overlay).toEqual(OFF);
    expect(snap.stage.room.item).toEqual({ kind: 'join' });
    s.closeAll();
  }, 20_000);

  it('showing again restarts the time; null keeps it on air; a replaced item is not hidden by the old timer', async () => {
    const s = await stageSetup(ctx.t, ctx.cookie);
    await s.mod.ok('stage:show', { screen: 'overlay', item: { kind: 'join' }, autoHideS: 3 });
    await sleep(2000);
    await s.mod.ok('stage:show', { screen: 'overlay', item: { kind: 'join' }, autoHideS: null });
    await sleep(2000);
    expect((await s.mod.snapshot()).stage.overlay.item).toEqual({ kind: 'join' });
    const q = await ask(s, 'Kurz zeigen');
    await s.mod.ok('stage:show', { screen: 'overlay', item: question(q), autoHideS: 3 });
    await untilScreen(s.overlay, 'overlay', (st) => st?.item === null, 'overlay hides', 8000);
    s.closeAll();
  }, 20_000);
});

describe('overlay auto-hide after follow', () => {
  it('a highlight followed onto the overlay hides after the event default; the room screen keeps it', async () => {
    const s = await stageSetup(ctx.t, ctx.cookie, { stage: { overlayAutoHideS: 3 } });
    const q = await ask(s, 'Kurz im Stream');
    await s.mod.ok('qa:highlight', { id: q });
    await untilScreen(s.overlay, 'overlay', (st) => st?.item?.kind === 'question', 'overlay follows');
    expect(lastScreen(s.overlay, 'overlay')?.autoHideS).toBe(3);
    await untilScreen(s.overlay, 'overlay', (st) => st?.item === null, 'overlay hides', 8000);
    const snap = await s.mod.snapshot();
    expect(snap.stage.room).toMatchObject({ item: question(q), by: 'follow', autoHideS: null });
    expect(snap.qa.highlightedId).toBe(q);
    s.closeAll();
  }, 20_000);
});

describe('catch-up', () => {
  it('a stage socket that was away gets what is on air from the snapshot after reconnecting', async () => {
    const s = await stageSetup(ctx.t, ctx.cookie);
    s.stage.close();
    const q = await ask(s, 'Während der Pause');
    await s.mod.ok('stage:show', { screen: 'room', item: question(q) });
    await s.mod.ok('stage:show', { screen: 'overlay', item: { kind: 'join' }, autoHideS: 60 });
    const back = await connect(ctx.t, { code: s.ev.code, token: s.ev.tokens.stage });
    const snap = await back.snapshot();
    expect(snap.stage.room).toMatchObject({ item: question(q), by: 'moderator' });
    expect(snap.stage.overlay).toMatchObject({ item: { kind: 'join' }, autoHideS: 60 });
    expect(snap.stage.queue).toEqual([]);
    expect(snap.stage).toEqual({ ...(await s.mod.snapshot()).stage, queue: [] });
    back.close();
    s.closeAll();
  });
});

describe('isolation between events', () => {
  it('an event’s stage sockets get nothing of another event', async () => {
    const a = await stageSetup(ctx.t, ctx.cookie);
    const b = await createEvent(ctx.t, ctx.cookie);
    const bMod = await connect(ctx.t, { code: b.code, token: b.tokens.moderator });
    await bMod.ok('stage:show', { screen: 'both', item: { kind: 'join' } });
    await sleep(150);
    expect(stageChanges(a.stage)).toEqual([]);
    bMod.close();
    a.closeAll();
  });
});

describe('REST', () => {
  it('the speaker link is in the event’s links, rotates like the others, and settings.stage patches', async () => {
    const s = await stageSetup(ctx.t, ctx.cookie);
    expect(s.ev.links.links.speaker).toMatch(new RegExp(`/e/${s.ev.code}/speaker\\?token=`));
    const patched = await api(ctx.t.url, `/api/events/${s.ev.id}`, {
      method: 'PATCH', cookie: ctx.cookie, body: { settings: { stage: { speakerMayAnswer: true, overlayAutoHideS: 20, follow: { room: false } } } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.settings.stage).toMatchObject({ speakerMayAnswer: true, overlayAutoHideS: 20, follow: { room: false, overlay: true } });
    for (const stage of [{ overlayAutoHideS: 1 }, { meetingUrl: 'http://zoom.example/j/1' }, { theme: { accent: 'red' } }, { theme: { logoUrl: 'javascript:alert(1)' } }]) {
      const bad = await api(ctx.t.url, `/api/events/${s.ev.id}`, { method: 'PATCH', cookie: ctx.cookie, body: { settings: { stage } } });
      expect(bad.status, JSON.stringify(stage)).toBe(400);
    }
    const themed = await api(ctx.t.url, `/api/events/${s.ev.id}`, {
      method: 'PATCH', cookie: ctx.cookie, body: { settings: { stage: { theme: { accent: '#112233', logoUrl: '/logo.png' }, meetingUrl: 'https://meet.jit.si/plenum' } } },
    });
    expect(themed.body.settings.stage.theme).toEqual({ background: null, text: null, accent: '#112233', logoUrl: '/logo.png' });
    const replaced = await api(ctx.t.url, `/api/events/${s.ev.id}`, { method: 'PATCH', cookie: ctx.cookie, body: { settings: { stage: { theme: { text: '#ffffff' } } } } });
    // theme is replaced as a whole; fields not named in the patch keep their value.
    expect(replaced.body.settings.stage).toMatchObject({ theme: { accent: null, text: '#ffffff' }, meetingUrl: 'https://meet.jit.si/plenum', speakerMayAnswer: true });
    // The default auto-hide applies to the next overlay show.
    expect((await s.mod.ok('stage:show', { screen: 'overlay', item: { kind: 'join' } })).overlay.autoHideS).toBe(20);

    const rotated = await api(ctx.t.url, `/api/events/${s.ev.id}/links/speaker/rotate`, { method: 'POST', cookie: ctx.cookie });
    expect(rotated.status).toBe(200);
    await until(() => s.speaker.revoked.length > 0, 3000, 'speaker revoked');
    expect(s.speaker.revoked).toEqual(['link_rotated']);
    expect(s.stage.revoked).toEqual([]);
    s.closeAll();
  });
});
