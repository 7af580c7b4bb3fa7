/**
 * POST /api/events/:id/questions (idempotency, auth, bad input, review queue) and qa:merge (votes move, a
 * voter of both counts once, the merged question leaves the public list, its author sees where it went,
 * the export keeps "merged into", roles and states).
 */
import { describe, expect, it } from 'vitest';
import type { ModQuestion } from '../../shared/qa/schemas.js';
import { api, connect, createEvent, joinAttendee, serverWithOrganizer, sleep, until } from './helpers.js';

const ctx = serverWithOrganizer({ voteFlushMs: 20 });

describe('REST import of questions', () => {
  it('puts a question into the review queue once per idempotency key, with source api and its label', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    const mod = await connect(ctx.t, { code: ev.code, token: ev.tokens.moderator });
    await mod.snapshot();
    const path = `/api/events/${ev.id}/questions`;
    const auth = { authorization: `Bearer ${ev.tokens.moderator}` };
    const body = { text: 'Kommt die Aufzeichnung online?', authorName: 'Zoom: Kim', label: 'Zoom', idempotencyKey: 'zoom-msg-1' };

    const first = await api<{ question: ModQuestion; created: boolean }>(ctx.t.url, path, { headers: auth, body });
    expect(first.status, first.text).toBe(201);
    expect(first.body.question).toMatchObject({ state: 'pending', source: 'api', sourceLabel: 'Zoom', authorName: 'Zoom: Kim', text: body.text });
    const again = await api<{ question: ModQuestion; created: boolean }>(ctx.t.url, path, { headers: auth, body: { ...body, text: 'anders' } });
    expect(again.status).toBe(200);
    expect(again.body.question.id).toBe(first.body.question.id);
    expect(again.body.created).toBe(false);

    await until(() => mod.deltas.some((d) => d.changes.some((c) => c.type === 'question:upsert' && c.question.id === first.body.question.id)), 2000, 'import reaches moderators');
    const rows = await ctx.t.server.db.selectFrom('questions').selectAll().where('event_id', '=', ev.id).execute();
    expect(rows).toHaveLength(1);

    // The organizer's session works too; other keys make other questions.
    const viaCookie = await api(ctx.t.url, path, { cookie: ctx.cookie, body: { text: 'Noch eine', idempotencyKey: 'k2' } });
    expect(viaCookie.status).toBe(201);
    const csv = await api(ctx.t.url, `/api/events/${ev.id}/questions.csv`, { headers: auth });
    expect(csv.text).toContain(',pending,Kommt die Aufzeichnung online?,Zoom: Kim,no,0,,no,,');
    expect(csv.text.split('\r\n')[1]).toMatch(/,api,$/);
    mod.close();
  });

  it('refuses missing or wrong tokens and bad input, and changes nothing', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    const other = await createEvent(ctx.t, ctx.cookie);
    const path = `/api/events/${ev.id}/questions`;
    const body = { text: 'Frage', idempotencyKey: 'x' };
    expect((await api(ctx.t.url, path, { body })).status).toBe(401);
    expect((await api(ctx.t.url, path, { body, headers: { authorization: `Bearer ${ev.tokens.stage}` } })).status).toBe(401);
    expect((await api(ctx.t.url, path, { body, headers: { authorization: `Bearer ${other.tokens.moderator}` } })).status).toBe(401);
    const auth = { authorization: `Bearer ${ev.tokens.moderator}` };
    for (const bad of [{ text: 'ohne Schlüssel' }, { text: '', idempotencyKey: 'k' }, { text: 'x'.repeat(2001), idempotencyKey: 'k' }, { idempotencyKey: 'k' }, 'text']) {
      const res = await api<{ error: { code: string } }>(ctx.t.url, path, { headers: auth, body: bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.code).toBe('invalid_payload');
    }
    expect(await ctx.t.server.db.selectFrom('questions').selectAll().where('event_id', '=', ev.id).execute()).toHaveLength(0);
  });
});

describe('qa:merge', () => {
  it('moves votes (a voter of both counts once), hides the merged one, tells its author, exports merged_into', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    const mod = await connect(ctx.t, { code: ev.code, token: ev.tokens.moderator });
    const [a, b, c] = await Promise.all(['Ada', 'Ben', 'Cem'].map((n) => joinAttendee(ctx.t, ev.code, n)));
    const ca = await connect(ctx.t, { code: ev.code, token: a!.token });
    const cb = await connect(ctx.t, { code: ev.code, token: b!.token });
    const cc = await connect(ctx.t, { code: ev.code, token: c!.token });
    const keep = (await ca.ok('qa:ask', { text: 'Gibt es eine Aufzeichnung?' })).question.id;
    const dup = (await cb.ok('qa:ask', { text: 'Wird die Session aufgezeichnet?' })).question.id;
    await ca.ok('qa:vote', { id: dup, up: true });
    await cc.ok('qa:vote', { id: keep, up: true });
    await cc.ok('qa:vote', { id: dup, up: true });
    await cb.ok('qa:vote', { id: dup, up: true });
    await sleep(60);

    const out = await mod.ok('qa:merge', { keepId: keep, mergeId: dup });
    // Kept: Cem (voted both, once) + Ada + Ben moved = 3.
    expect(out.kept.votes).toBe(3);
    expect(out.merged).toMatchObject({ state: 'merged', mergedInto: keep, votes: 0 });
    const votes = await ctx.t.server.db.selectFrom('votes').selectAll().where('question_id', 'in', [keep, dup]).execute();
    expect(votes.filter((v) => v.question_id === keep).map((v) => v.attendee_id).sort()).toEqual([a!.attendeeId, b!.attendeeId, c!.attendeeId].sort());
    expect(votes.filter((v) => v.question_id === dup)).toHaveLength(0);

    const pubSnap = await cc.snapshot();
    expect(pubSnap.qa.questions.map((q) => q.id)).toEqual([keep]);
    expect(pubSnap.qa.questions[0]!.votes).toBe(3);
    expect(pubSnap.qa.myVotes).toEqual([keep]);
    await until(() => cb.own.find((q) => q.id === dup && q.state === 'merged' && q.mergedInto === keep), 2000, 'author learns where it went');
    expect((await cb.snapshot()).qa.own.find((q) => q.id === dup)).toMatchObject({ state: 'merged', mergedInto: keep });
    expect(await ca.call('qa:vote', { id: dup, up: true })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });

    const csv = await api(ctx.t.url, `/api/events/${ev.id}/questions.csv`, { headers: { authorization: `Bearer ${ev.tokens.moderator}` } });
    expect(csv.text.split('\r\n').find((l) => l.startsWith(dup))).toMatch(new RegExp(`^${dup},merged,.*,plenum,${keep}$`));

    // Rules: not twice, not into itself, not an answered one away, only moderators.
    expect(await mod.call('qa:merge', { keepId: keep, mergeId: dup })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect(await mod.call('qa:merge', { keepId: keep, mergeId: keep })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect(await mod.call('qa:merge', { keepId: keep, mergeId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const third = (await cc.ok('qa:ask', { text: 'Aufzeichnung?' })).question.id;
    await mod.ok('qa:answer', { id: third });
    expect(await mod.call('qa:merge', { keepId: keep, mergeId: third })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect(await ca.send('qa:merge', { keepId: keep, mergeId: third })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await mod.send('qa:merge', { keepId: keep })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    for (const cl of [mod, ca, cb, cc]) cl.close();
  });

  it('merges an imported (REST) question into a Plenum one: pending into live', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    const mod = await connect(ctx.t, { code: ev.code, token: ev.tokens.moderator });
    const att = await joinAttendee(ctx.t, ev.code, 'Ada');
    const ca = await connect(ctx.t, { code: ev.code, token: att.token });
    const keep = (await ca.ok('qa:ask', { text: 'Wie teuer ist das?' })).question.id;
    const imported = await api<{ question: ModQuestion }>(ctx.t.url, `/api/events/${ev.id}/questions`, {
      headers: { authorization: `Bearer ${ev.tokens.moderator}` },
      body: { text: 'Was kostet das?', idempotencyKey: 'm1' },
    });
    const out = await mod.ok('qa:merge', { keepId: keep, mergeId: imported.body.question.id });
    expect(out.merged).toMatchObject({ state: 'merged', source: 'api', mergedInto: keep });
    expect((await mod.snapshot()).qa.pendingCount).toBe(0);
    mod.close();
    ca.close();
  });
});
