/**
 * Snapshots are built and serialised once per (event, view, seq) and kept small (issue 12, "Snapshots
 * amplify"): 150 requests of one seq build the shared part once (the /metrics counter), a commit in
 * between gives a new part, personal parts (own questions, votes, poll answers, help of my group) are
 * never shared between identities, and older answered questions come in pages, each exactly once.
 * Prints the snapshot bytes for 1,000 questions of the longest allowed text and the time of 150 snapshots.
 */
import { describe, expect, it } from 'vitest';
import { ANSWERED_PAGE, newestAnsweredFirst, type AnsweredCursor, type ModQuestion, type Question } from '../../shared/qa/index.js';
import { assembleSnapshot } from '../../shared/snapshot.js';
import type { Snapshot } from '../../shared/socket.js';
import { connect, createEvent, joinAttendee, serverWithOrganizer, sleep, type Client } from './helpers.js';

const ctx = serverWithOrganizer({
  limits: { question: { capacity: 100_000, perMs: 1000 }, command: { capacity: 100_000, perMs: 1000 } },
});

async function builds(): Promise<number> {
  const metric = await ctx.t.server.kernel.metrics.registry.getSingleMetric('plenum_snapshot_shared_builds_total')!.get();
  return metric.values[0]?.value ?? 0;
}

/** A snapshot ack as it travelled: its size on the wire (shared bytes + personal JSON) and the assembled snapshot. */
async function rawSnapshot(c: Client): Promise<{ bytes: number; sharedBytes: number; snap: Snapshot }> {
  const res = await c.ok('sync:snapshot', {});
  const sharedBytes = (res.shared as Uint8Array).byteLength;
  return { bytes: sharedBytes + Buffer.byteLength(JSON.stringify(res.snapshot)), sharedBytes, snap: assembleSnapshot(res) };
}

/** Waits until nothing commits any more (presence flushes after connects): two reads 150 ms apart agree. */
async function settledSeq(c: Client): Promise<number> {
  let seq = (await c.snapshot()).seq;
  for (let i = 0; i < 40; i++) {
    await sleep(150);
    const next = (await c.snapshot()).seq;
    if (next === seq) return seq;
    seq = next;
  }
  throw new Error('the event never settled');
}

const longText = (i: number) => {
  const head = `Frage ${i}: Wie geht es mit dem Projekt weiter, und wer entscheidet darüber? `;
  return (head + 'Ausführlicher Zusammenhang mit Umlauten äöü und Satzzeichen, „Anführungszeichen“ und mehr. '.repeat(30)).slice(0, 2000);
};

describe('snapshots: once per event, view and seq; answered questions paged', () => {
  it('1,000 questions: 150 snapshots of one seq build once, a commit builds anew, pages return every answered question once', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    const mod = await connect(ctx.t, { code: ev.code, token: ev.tokens.moderator });
    await mod.ok('event:settings', { qa: { maxQuestionLength: 2000 } });
    const author = await connect(ctx.t, { code: ev.code, token: (await joinAttendee(ctx.t, ev.code, 'A'.repeat(60))).token });
    const ids: string[] = [];
    for (let b = 0; b < 1000; b += 50) {
      const batch = await Promise.all(Array.from({ length: 50 }, (_, k) => author.ok('qa:ask', { text: longText(b + k) })));
      ids.push(...batch.map((r) => r.question.id));
    }
    // Sizes as a reader sees them (the author's own part would list all 1,000 again).
    const reader = await connect(ctx.t, { code: ev.code, token: (await joinAttendee(ctx.t, ev.code, 'Leserin')).token });
    const before = await rawSnapshot(reader);
    expect(before.snap.qa.questions).toHaveLength(1000);

    // 950 answered, 50 live: the snapshot carries the live ones and the newest 50 answered.
    for (let i = 0; i < 950; i += 475) await mod.ok('qa:bulk', { ids: ids.slice(i, i + 475), action: 'answer' });
    const after = await rawSnapshot(reader);
    expect(after.snap.qa.questions.filter((q) => q.state === 'live')).toHaveLength(50);
    expect(after.snap.qa.questions.filter((q) => q.state === 'answered')).toHaveLength(ANSWERED_PAGE);
    expect(after.snap.qa.answeredOlder).toBe(900);
    const modAfter = await rawSnapshot(mod);
    expect(modAfter.snap.qa.questions).toHaveLength(100);
    expect(modAfter.snap.qa.answeredOlder).toBe(900);

    // 150 requests from 30 identities (5 each, within the real limit of 10 per 10 s) at one seq.
    const people = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => connect(ctx.t, { code: ev.code, token: (await joinAttendee(ctx.t, ev.code, `P${i}`)).token })),
    );
    const seq = await settledSeq(mod);
    const built = await builds();
    const t0 = performance.now();
    const acks = await Promise.all(people.flatMap((p) => Array.from({ length: 5 }, () => p.ok('sync:snapshot', {}))));
    const ms = performance.now() - t0;
    expect(new Set(acks.map((a) => a.snapshot.seq))).toEqual(new Set([seq]));
    expect((await builds()) - built).toBe(1);
    // Every ack carries the same bytes (one serialisation), and each its own `me`.
    expect(new Set(acks.map((a) => Buffer.from(a.shared as Uint8Array).toString('base64'))).size).toBe(1);
    expect(new Set(acks.map((a) => a.snapshot.me.id)).size).toBe(30);

    // A commit between two requests: a new seq, built once more, with the change.
    const asked = (await people[0]!.ok('qa:ask', { text: 'Eine neue Frage nach dem Snapshot' })).question;
    const next = await people[1]!.snapshot();
    expect(next.seq).toBeGreaterThan(seq);
    expect(next.qa.questions.some((q) => q.id === asked.id)).toBe(true);
    expect((await builds()) - built).toBe(2);

    // Pages: every answered question exactly once, newest first, attendee view and moderator view.
    for (const [who, snap] of [['attendee', next], ['moderator', await mod.snapshot()]] as const) {
      const c = who === 'attendee' ? people[1]! : mod;
      const held = snap.qa.questions.filter((q) => q.state === 'answered') as Question[];
      const seen: Question[] = [...held].sort(newestAnsweredFirst);
      let cursor: AnsweredCursor = { at: seen.at(-1)!.answeredAt!, id: seen.at(-1)!.id };
      let older = snap.qa.answeredOlder;
      while (older > 0) {
        const page = await c.ok('qa:answeredPage', { before: cursor });
        expect(page.questions.length).toBe(Math.min(ANSWERED_PAGE, older));
        expect(page.older).toBe(older - page.questions.length);
        if (who === 'moderator') expect((page.questions[0] as ModQuestion).authorId).toBeTruthy();
        else expect('authorId' in page.questions[0]!).toBe(false);
        seen.push(...page.questions);
        older = page.older;
        const last = page.questions.at(-1)!;
        cursor = { at: last.answeredAt!, id: last.id };
      }
      expect(seen).toHaveLength(950);
      expect(new Set(seen.map((q) => q.id))).toEqual(new Set(ids.slice(0, 950)));
      expect(seen.map((q) => q.id)).toEqual([...seen].sort(newestAnsweredFirst).map((q) => q.id));
      expect((await c.ok('qa:answeredPage', { before: cursor })).questions).toEqual([]);
    }

    // What the server no longer does per request: serialise the whole snapshot (the way protocol 2 did).
    const s0 = performance.now();
    for (let i = 0; i < 20; i++) JSON.stringify(modAfter.snap);
    const stringifyMs = (performance.now() - s0) / 20;
    console.log(
      `snapshot of 1,000 questions of 2,000 characters: ${(before.bytes / 1024).toFixed(0)} KB all in it; ` +
        `with 950 answered ${(after.bytes / 1024).toFixed(0)} KB (50 live + newest 50 answered; moderators ${(modAfter.bytes / 1024).toFixed(0)} KB); ` +
        `150 snapshots of one seq from 30 identities: ${ms.toFixed(0)} ms, shared part built and serialised once ` +
        `(one JSON.stringify of the moderators' snapshot takes ${stringifyMs.toFixed(2)} ms; of all 1,000 questions ${(before.bytes / 1024 / 1024).toFixed(1)} MB)`,
    );
    for (const c of [mod, author, reader, ...people]) c.close();
  }, 180_000);

  it('personal parts are never shared: own questions, votes, poll answers, help of my group', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    const mod = await connect(ctx.t, { code: ev.code, token: ev.tokens.moderator });
    const fac = await connect(ctx.t, { code: ev.code, token: ev.tokens.facilitator });
    const joined = await Promise.all(['Ada', 'Bo', 'Cy', 'Di'].map((n) => joinAttendee(ctx.t, ev.code, n)));
    const [a, b, c, d] = await Promise.all(joined.map((j) => connect(ctx.t, { code: ev.code, token: j.token })));
    const qa = (await a!.ok('qa:ask', { text: 'Frage von Ada' })).question;
    const qb = (await b!.ok('qa:ask', { text: 'Frage von Bo' })).question;
    await a!.ok('qa:vote', { id: qb.id, up: true });
    const poll = (await mod.ok('polls:create', { definition: { type: 'single', question: 'Welche?', options: [{ id: 'o1', text: 'Eins' }, { id: 'o2', text: 'Zwei' }] } })).poll;
    await mod.ok('polls:open', { id: poll.id });
    await a!.ok('polls:answer', { pollId: poll.id, answer: { type: 'single', optionId: 'o1' } });
    const [ida, idb] = [joined[0]!.attendeeId, joined[1]!.attendeeId];
    const round = (await fac.ok('breakouts:plan', { size: 2, people: joined.map((j) => j.attendeeId), constraints: { apart: [[ida, idb]], together: [] } })).rounds[0]!;
    await fac.ok('breakouts:start', { roundId: round.id });
    const help = (await a!.ok('breakouts:help', { roundId: round.id })).request;
    await sleep(100);

    const built = await builds();
    const [sa, sb, sc, sd] = await Promise.all([a!, b!, c!, d!].map((x) => x.snapshot()));
    // One seq, one shared part for all four (and none was built for another view meanwhile).
    expect(new Set([sa, sb, sc, sd].map((s) => s!.seq)).size).toBe(1);
    expect((await builds()) - built).toBe(1);

    expect(sa!.me.name).toBe('Ada');
    expect(sb!.me.name).toBe('Bo');
    expect(sa!.qa.own.map((q) => q.id)).toEqual([qa.id]);
    expect(sb!.qa.own.map((q) => q.id)).toEqual([qb.id]);
    expect(sc!.qa.own).toEqual([]);
    expect(sa!.qa.myVotes).toEqual([qb.id]);
    expect(sb!.qa.myVotes).toEqual([]);
    expect(sa!.polls.mine.map((m) => m.pollId)).toEqual([poll.id]);
    expect(sb!.polls.mine).toEqual([]);
    // The round (groups and members) is the same for everyone; help requests only reach the asker's group.
    const started = sa!.breakouts.rounds.find((r) => r.id === round.id)!;
    expect(sb!.breakouts.rounds.find((r) => r.id === round.id)).toEqual(started);
    const groupOfA = started.groups.find((g) => g.members.some((m) => m.id === ida))!;
    expect(groupOfA.members.some((m) => m.id === idb)).toBe(false);
    const byId = new Map([sa, sb, sc, sd].map((s) => [s!.me.id, s!]));
    for (const [id, s] of byId) {
      const inGroup = groupOfA.members.some((m) => m.id === id);
      expect(s.breakouts.help.map((h) => h.id), `help in the snapshot of ${s.me.name}`).toEqual(inGroup ? [help.id] : []);
    }
    for (const x of [mod, fac, a!, b!, c!, d!]) x.close();
  }, 60_000);
});
