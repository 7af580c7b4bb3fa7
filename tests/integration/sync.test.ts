/** The sync model: snapshot + contiguous deltas converge; gaps and reconnects resync; votes coalesce. */
import { describe, expect, it } from 'vitest';
import type { Delta } from '../../shared/socket.js';
import {
  Mirror, connect, createEvent, expectContiguous, joinAttendee, rng, serverWithOrganizer, sleep, snapshotView, until, type Client,
} from './helpers.js';

const ctx = serverWithOrganizer();

describe('deltas reproduce the snapshot', () => {
  it('after a random mix of commands, every audience’s delta-built state equals a fresh snapshot', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie, { settings: { qa: { premoderation: true } } });
    const mod = await connect(ctx.t, { code: ev.code, token: ev.tokens.moderator });
    const people: Client[] = [];
    for (let i = 0; i < 6; i++) people.push(await connect(ctx.t, { code: ev.code, token: (await joinAttendee(ctx.t, ev.code, `P${i}`)).token }));
    const stage = await connect(ctx.t, { code: ev.code, token: ev.tokens.stage });
    const mirrors = [new Mirror(mod), new Mirror(stage), ...people.map((p) => new Mirror(p))];
    await Promise.all(mirrors.map((m) => m.sync()));

    const random = rng(20260301);
    const pick = <T>(xs: T[]): T | undefined => xs[Math.floor(random() * xs.length)];
    const ids: string[] = [];
    const succeeded = new Map<string, number>();
    const count = <T extends { ok: boolean }>(name: string, res: T): T => {
      if (res.ok) succeeded.set(name, (succeeded.get(name) ?? 0) + 1);
      return res;
    };
    // Live questions are what most moderator commands need; pick among them more often.
    const inState = (...states: string[]) => [...mirrors[0]!.questions.values()].filter((q) => states.includes(q.state)).map((q) => q.id);
    const liveIds = () => inState('live');
    for (let step = 0; step < 200; step++) {
      const r = random();
      const live = liveIds();
      const id = random() < 0.6 && live.length ? pick(live) : pick(ids);
      const who = pick(people)!;
      if (r < 0.15 || !id) {
        const res = count('ask', await who.call('qa:ask', { text: `Frage ${step}${random() < 0.1 ? ' penner' : ''}`, anonymous: random() < 0.3 }));
        if (res.ok) ids.push(res.question.id);
      } else if (r < 0.4) {
        const res = count('vote', await who.call('qa:vote', { id, up: random() < 0.75 }));
        if (res.ok) mirrors[2 + people.indexOf(who)]!.voted(res.id, res.voted);
      } else if (r < 0.5) count('approve', await mod.call('qa:approve', { id: pick(inState('pending', 'rejected')) ?? id }));
      else if (r < 0.54) count('reject', await mod.call('qa:reject', { id }));
      else if (r < 0.58) count('answer', await mod.call('qa:answer', { id }));
      else if (r < 0.62) count('restore', await mod.call('qa:restore', { id: pick(inState('answered', 'rejected')) ?? id }));
      else if (r < 0.66) count('highlight', await mod.call('qa:highlight', { id: random() < 0.2 ? null : id }));
      else if (r < 0.71) count('queue', await mod.call('qa:queue', { ids: [...new Set([pick(live) ?? id, pick(live) ?? id, pick(live) ?? id])] }));
      else if (r < 0.74) count('star', await mod.call('qa:star', { id, starred: random() < 0.5 }));
      else if (r < 0.77) count('reply', await mod.call('qa:reply', { id, text: random() < 0.7 ? `Antwort ${step}` : null }));
      else if (r < 0.8) count('label', await mod.call('qa:label', { id, labels: ['A', 'B'].slice(0, Math.floor(random() * 3)) }));
      else if (r < 0.83) count('edit', await mod.call('qa:edit', { id, text: `Bearbeitet ${step}` }));
      else if (r < 0.87) {
        // The author edits (only their own succeeds).
        for (const p of people) count('editOwn', await p.call('qa:editOwn', { id, text: `Selbst ${step}` }));
      } else if (r < 0.9) for (const p of people) count('withdraw', await p.call('qa:withdraw', { id }));
      else if (r < 0.92) count('delete', await mod.call('qa:delete', { id }));
      else if (r < 0.95) count('bulk', await mod.call('qa:bulk', { ids: ids.slice(-4), action: pick(['approve', 'reject', 'answer'] as const)! }));
      else count('settings', await mod.call('event:settings', { qa: { premoderation: random() < 0.5 } }));
    }
    const kinds = ['ask', 'vote', 'approve', 'reject', 'answer', 'restore', 'highlight', 'queue', 'star', 'reply', 'label', 'edit', 'editOwn', 'withdraw', 'delete', 'bulk', 'settings'];
    for (const kind of kinds) expect(succeeded.get(kind) ?? 0, `successful ${kind} commands`).toBeGreaterThan(0);
    await sleep(250); // let the last vote flush go out

    const clients = [mod, stage, ...people];
    for (const [i, m] of mirrors.entries()) {
      const snap = await clients[i]!.snapshot();
      expect(m.seq).toBe(snap.seq);
      expect(m.view()).toEqual(snapshotView(snap));
      expect(m.resyncs).toBe(0);
    }
    expectContiguous(mod.deltas);
    expectContiguous(people[0]!.deltas);
    expect(mod.deltas.map((d) => d.seq)).toEqual(people[0]!.deltas.map((d) => d.seq));
    expect(mirrors[0]!.questions.size).toBeGreaterThan(3);
    for (const c of clients) c.close();
  });
});

describe('resync', () => {
  it('a client that was away reconnects and converges on a fresh snapshot', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    const mod = await connect(ctx.t, { code: ev.code, token: ev.tokens.moderator });
    const att = await joinAttendee(ctx.t, ev.code, 'Away');
    const asker = await connect(ctx.t, { code: ev.code, token: (await joinAttendee(ctx.t, ev.code)).token });
    const first = await connect(ctx.t, { code: ev.code, token: att.token });
    const m1 = new Mirror(first);
    await m1.sync();
    const q1 = (await asker.ok('qa:ask', { text: 'Vorher' })).question.id;
    await until(() => m1.questions.has(q1), 2000, 'q1 seen');
    const seqBefore = m1.seq;
    first.close();

    const q2 = (await asker.ok('qa:ask', { text: 'Währenddessen' })).question.id;
    await mod.ok('qa:highlight', { id: q2 });
    await mod.ok('qa:answer', { id: q1 });
    await asker.ok('qa:ask', { text: 'Auch währenddessen' });

    const second = await connect(ctx.t, { code: ev.code, token: att.token });
    const m2 = new Mirror(second);
    await m2.sync();
    // Four commands while away, plus presence deltas (staff learn who left and came back).
    expect(m2.seq).toBeGreaterThanOrEqual(seqBefore + 4);
    // Attendees get public deltas with their tick (≤ 100 ms after staff).
    const staffSeq = (await mod.snapshot()).seq;
    await until(() => m2.seq >= staffSeq, 2000, 'attendee caught up');
    // Not toBe: on PostgreSQL the presence change of this reconnect may commit after the staff snapshot.
    expect(m2.seq).toBeGreaterThanOrEqual(staffSeq);
    expect(m2.highlightedId).toBe(q2);
    expect(m2.questions.get(q1)?.state).toBe('answered');
    expect(m2.questions.size).toBe(3);

    // And it keeps up from there.
    await mod.ok('qa:reject', { id: q2 });
    await until(() => !m2.questions.has(q2), 2000, 'q2 removed');
    expect(m2.highlightedId).toBeNull();
    expect(m2.view()).toEqual(snapshotView(await second.snapshot()));
    for (const c of [mod, asker, second]) c.close();
  });

  it('a client that misses a delta notices the gap, asks for a snapshot and converges', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    const mod = await connect(ctx.t, { code: ev.code, token: ev.tokens.moderator });
    const asker = await connect(ctx.t, { code: ev.code, token: (await joinAttendee(ctx.t, ev.code)).token });
    const viewer = await connect(ctx.t, { code: ev.code, token: (await joinAttendee(ctx.t, ev.code)).token });

    class LossyMirror extends Mirror {
      dropSeq = -1;
      override onDelta(d: Delta): void {
        if (d.seq === this.dropSeq) return;
        super.onDelta(d);
      }
    }
    const m = new LossyMirror(viewer);
    await m.sync();
    m.dropSeq = m.seq + 2;
    const ids: string[] = [];
    for (const text of ['A', 'B', 'C']) ids.push((await asker.ok('qa:ask', { text })).question.id);
    await mod.ok('qa:highlight', { id: ids[1]! });
    await until(() => m.resyncs === 1 && m.highlightedId === ids[1], 2000, 'resync after gap');
    expect(m.questions.has(ids[1]!)).toBe(true); // the lost delta's question came back with the snapshot
    await sleep(50);
    expect(m.view()).toEqual(snapshotView(await viewer.snapshot()));
    for (const c of [mod, asker, viewer]) c.close();
  });
});

describe('vote coalescing', () => {
  it('many votes within 100 ms reach everyone as a few question:votes deltas, not one per vote', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie);
    const asker = await connect(ctx.t, { code: ev.code, token: (await joinAttendee(ctx.t, ev.code)).token });
    const id = (await asker.ok('qa:ask', { text: 'Beliebt?' })).question.id;
    const id2 = (await asker.ok('qa:ask', { text: 'Auch beliebt?' })).question.id;
    const voters: Client[] = [];
    for (let i = 0; i < 40; i++) voters.push(await connect(ctx.t, { code: ev.code, token: (await joinAttendee(ctx.t, ev.code)).token }));
    const mod = await connect(ctx.t, { code: ev.code, token: ev.tokens.moderator });
    const observer = voters[0]!;
    const modStart = mod.deltas.length;
    const obsStart = observer.deltas.length;

    const started = Date.now();
    const acks = await Promise.all(voters.flatMap((v, i) => [v.ok('qa:vote', { id, up: true }), ...(i % 2 ? [v.ok('qa:vote', { id: id2, up: true })] : [])]));
    const elapsed = Date.now() - started;
    expect(acks).toHaveLength(60);
    expect(acks.every((a) => a.voted)).toBe(true);

    await sleep(250);
    const voteDeltas = observer.deltas.slice(obsStart).filter((d) => d.changes.some((c) => c.type === 'question:votes'));
    // 60 votes took `elapsed` ms; at one flush per 100 ms that is at most elapsed/100 + 1 deltas.
    expect(voteDeltas.length).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 1);
    expect(voteDeltas.length).toBeLessThan(10);
    const last = voteDeltas.at(-1)!.changes[0] as { type: 'question:votes'; counts: Record<string, number> };
    expect(last.type).toBe('question:votes');
    const merged = Object.assign({}, ...voteDeltas.map((d) => (d.changes[0] as typeof last).counts));
    expect(merged).toEqual({ [id]: 40, [id2]: 20 });
    // Moderators get the very same counts under the same seqs (40 fresh identities voting for one question
    // also raise the staff-only vote alert in those deltas, docs/security.md).
    const votesOnly = (ds: typeof voteDeltas) => ds.map((d) => ({ seq: d.seq, changes: d.changes.filter((c) => c.type === 'question:votes') }));
    const modVoteDeltas = mod.deltas.slice(modStart).filter((d) => d.changes.some((c) => c.type === 'question:votes'));
    expect(votesOnly(modVoteDeltas)).toEqual(votesOnly(voteDeltas));
    expect(modVoteDeltas.flatMap((d) => d.changes).filter((c) => c.type === 'question:voteAlert').map((c) => (c as { id: string }).id)).toContain(id);
    expect(voteDeltas.flatMap((d) => d.changes).every((c) => c.type === 'question:votes')).toBe(true);
    expectContiguous(observer.deltas);
    const snap = await observer.snapshot();
    expect(snap.qa.questions.find((q) => q.id === id)?.votes).toBe(40);
    expect(snap.seq).toBe(observer.deltas.at(-1)!.seq);
    for (const c of [asker, mod, ...voters]) c.close();
  });
});
