/**
 * Ballot stuffing (issue 12, docs/security.md): a burst of new identities voting for one question is
 * flagged to moderators (staff delta and staff snapshot), never to attendees or the stage; long-present
 * attendees voting the same never are. The server's clock is injected so "long-present" needs no waiting.
 */
import { describe, expect, it } from 'vitest';
import type { VoteAlert } from '../../shared/qa/schemas.js';
import { connect, createEvent, joinAttendee, Mirror, serverWithOrganizer, sleep, until, type Client, type TestEvent } from './helpers.js';

let offsetMs = 0;
const ctx = serverWithOrganizer({ now: () => new Date(Date.now() + offsetMs) });

/** Everything a socket receives, as text (to check that no vote alert ever reaches it). */
function recordAll(c: Client): string[] {
  const seen: string[] = [];
  c.socket.onAny((name: string, ...args: unknown[]) => seen.push(`${name} ${JSON.stringify(args)}`));
  return seen;
}

async function watchers(ev: TestEvent) {
  const moderator = await connect(ctx.t, { code: ev.code, token: ev.tokens.moderator });
  const mod = new Mirror(moderator);
  await mod.sync();
  const watcher = await joinAttendee(ctx.t, ev.code, 'Zuschauerin');
  const attendee = await connect(ctx.t, { code: ev.code, token: watcher.token });
  const att = new Mirror(attendee);
  await att.sync();
  const stage = await connect(ctx.t, { code: ev.code, token: ev.tokens.stage });
  const logs = { attendee: recordAll(attendee), stage: recordAll(stage) };
  return { moderator, mod, attendee, att, stage, logs, close: () => [moderator, attendee, stage].forEach((c) => c.close()) };
}

async function askLive(ev: TestEvent, text: string): Promise<string> {
  const author = await joinAttendee(ctx.t, ev.code, 'Autorin');
  const c = await connect(ctx.t, { code: ev.code, token: author.token });
  const id = (await c.ok('qa:ask', { text })).question.id;
  c.close();
  return id;
}

/** n identities, joined now (server clock), each on its own socket. */
async function voters(ev: TestEvent, n: number): Promise<Client[]> {
  const out: Client[] = [];
  for (let i = 0; i < n; i++) {
    const { token } = await joinAttendee(ctx.t, ev.code);
    out.push(await connect(ctx.t, { code: ev.code, token }));
  }
  return out;
}

async function allVote(cs: Client[], id: string): Promise<void> {
  const acks = await Promise.all(cs.map((c) => c.ok('qa:vote', { id, up: true })));
  expect(acks.every((a) => a.voted)).toBe(true);
}

const alertOf = (m: Mirror, id: string): VoteAlert | null | undefined => (m.questions.get(id) as { voteAlert?: VoteAlert | null } | undefined)?.voteAlert;

describe('vote alert (ballot stuffing)', () => {
  it('30 fresh identities from one address upvoting one question within seconds: moderators get the flag, attendees and the stage do not', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    const w = await watchers(ev);
    const id = await askLive(ev, 'Warum ist der Himmel blau?');
    const bots = await voters(ev, 30);
    await allVote(bots, id);

    const alert = await until(() => alertOf(w.mod, id), 5000, 'the moderator sees the alert');
    expect(alert.newVoters).toBe(30);
    expect(alert.sharedAddress).toBe(30); // every test identity joined from 127.0.0.1
    expect(Date.parse(alert.since)).toBeLessThanOrEqual(Date.now() + offsetMs);
    // In the staff snapshot too (a moderator who connects later).
    const later = await connect(ctx.t, { code: ev.code, token: ev.tokens.moderator });
    expect((await later.snapshot()).qa.questions.find((q) => q.id === id)).toMatchObject({ voteAlert: alert, votes: 30 });
    later.close();

    await until(() => w.att.questions.get(id)?.votes === 30, 3000, 'attendees see the votes');
    await sleep(300);
    const attSnap = await w.attendee.snapshot();
    const stageSnap = await w.stage.snapshot();
    for (const text of [...w.logs.attendee, ...w.logs.stage, JSON.stringify(attSnap), JSON.stringify(stageSnap)]) {
      // The settings carry `voteAlert: true` (public defaults); an alert itself has `newVoters`.
      expect(text).not.toMatch(/newVoters|question:voteAlert|"voteAlert":(null|\{)/);
    }
    expect(attSnap.event.settings.qa).toMatchObject({ voteAlert: true, voteAlertVotes: 25 });
    for (const c of bots) c.close();
    w.close();
  });

  it('30 long-present attendees voting the same way within seconds raise nothing', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    const w = await watchers(ev);
    const id = await askLive(ev, 'Wann gibt es Mittagessen?');
    const regulars = await voters(ev, 30);
    offsetMs += 10 * 60_000; // they joined ten minutes ago (T = 5 min)
    try {
      await allVote(regulars, id);
      await until(() => w.mod.questions.get(id)?.votes === 30, 3000, 'the moderator sees the votes');
      await sleep(300);
      expect(alertOf(w.mod, id) ?? null).toBeNull();
      expect(w.mod.state.qa.questions[id]).toBeDefined();
      const snap = await w.moderator.snapshot();
      expect(snap.qa.questions.find((q) => q.id === id)).toMatchObject({ votes: 30, voteAlert: null });
    } finally {
      offsetMs -= 10 * 60_000;
    }
    for (const c of regulars) c.close();
    w.close();
  });

  it('dismiss clears the flag and the same burst does not raise it again; a new burst does', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    const w = await watchers(ev);
    const id = await askLive(ev, 'Gibt es die Folien?');
    const first = await voters(ev, 26);
    await allVote(first.slice(0, 25), id);
    await until(() => alertOf(w.mod, id), 5000, 'alert');

    // Attendees may not dismiss.
    const refused = await w.attendee.call('qa:dismissVoteAlert', { id });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('forbidden');

    const dismissed = await w.moderator.ok('qa:dismissVoteAlert', { id });
    expect(dismissed.question.voteAlert).toBeNull();
    await until(() => alertOf(w.mod, id) === null, 3000, 'the alert is cleared');
    offsetMs += 1000; // the next votes come after the dismissal
    try {
      await allVote(first.slice(25), id); // one more of the same burst
      await until(() => w.mod.questions.get(id)?.votes === 26, 3000, 'vote counted');
      await sleep(300);
      expect(alertOf(w.mod, id)).toBeNull();
      // A new burst of 25 fresh identities raises it again, counting only the votes after the dismissal.
      const second = await voters(ev, 25);
      await allVote(second, id);
      const again = await until(() => alertOf(w.mod, id), 5000, 'a new burst raises it again');
      expect(again.newVoters).toBe(26);
      for (const c of second) c.close();
    } finally {
      offsetMs -= 1000;
    }
    for (const c of first) c.close();
    w.close();
  });

  it('discount removes the flagged votes: attendees see the count drop, the voters learn their vote is gone', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    const w = await watchers(ev);
    const id = await askLive(ev, 'Wer hat an der Uhr gedreht?');
    // Three long-present attendees vote first; their votes stay.
    const regulars = await voters(ev, 3);
    offsetMs += 10 * 60_000;
    try {
      await allVote(regulars, id);
      const bots = await voters(ev, 30);
      await allVote(bots, id);
      await until(() => alertOf(w.mod, id), 5000, 'alert');
      await until(() => w.att.questions.get(id)?.votes === 33, 3000, 'attendees see 33');

      const res = await w.moderator.ok('qa:discountVotes', { id });
      expect(res.removed).toBe(30);
      expect(res.question).toMatchObject({ votes: 3, voteAlert: null });
      await until(() => w.att.questions.get(id)?.votes === 3, 3000, 'attendees see the count drop');
      await until(() => w.mod.questions.get(id)?.votes === 3 && alertOf(w.mod, id) === null, 3000, 'moderators too');
      await until(() => bots.every((b) => b.myVotes.some((v) => v.id === id && !v.voted)), 3000, 'every flagged voter learns the vote is gone');
      expect(regulars.every((r) => r.myVotes.length === 0)).toBe(true);
      const rows = await ctx.t.server.db.selectFrom('votes').select('attendee_id').where('question_id', '=', id).execute();
      expect(rows).toHaveLength(3);
      const snap = await bots[0]!.snapshot();
      expect(snap.qa.myVotes).not.toContain(id);
      expect(snap.qa.questions.find((q) => q.id === id)?.votes).toBe(3);
      // Nothing left to discount.
      const twice = await w.moderator.call('qa:discountVotes', { id });
      expect(twice.ok ? 'ok' : twice.error.code).toBe('invalid_state');
      for (const c of bots) c.close();
    } finally {
      offsetMs -= 10 * 60_000;
    }
    for (const c of regulars) c.close();
    w.close();
  });

  it('the thresholds are the event’s qa settings: off means no alert, a lower N flags a smaller burst', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie, { settings: { qa: { voteAlert: false } } });
    const w = await watchers(ev);
    const id = await askLive(ev, 'Ist das aus?');
    const bots = await voters(ev, 26);
    await allVote(bots.slice(0, 25), id);
    await until(() => w.mod.questions.get(id)?.votes === 25, 3000, 'votes');
    await sleep(300);
    expect(alertOf(w.mod, id) ?? null).toBeNull();
    await w.moderator.ok('event:settings', { qa: { voteAlert: true, voteAlertVotes: 3, voteAlertWindowSeconds: 30, voteAlertNewMinutes: 2 } });
    await allVote(bots.slice(25), id);
    expect((await until(() => alertOf(w.mod, id), 5000, 'alert with N = 3')).newVoters).toBe(26);
    // Attendees see the defaults, not the event's thresholds.
    expect((await w.attendee.snapshot()).event.settings.qa).toMatchObject({ voteAlert: true, voteAlertVotes: 25, voteAlertWindowSeconds: 60, voteAlertNewMinutes: 5 });
    expect((await w.moderator.snapshot()).event.settings.qa).toMatchObject({ voteAlertVotes: 3, voteAlertWindowSeconds: 30, voteAlertNewMinutes: 2 });
    for (const c of bots) c.close();
    w.close();
  });
});
