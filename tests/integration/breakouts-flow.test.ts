/**
 * A whole breakout round over real sockets with 50 attendees: plan (mix, size 5), move, swap, lock and
 * reshuffle, start, broadcast, help, concurrent result edits, reconnect, close with a countdown, and a
 * second round that avoids the pairs of the first. Every audience's delta-built state must equal a
 * fresh snapshot at the end.
 */
import { describe, expect, it } from 'vitest';
import type { RoundView } from '../../shared/breakouts/schemas.js';
import { Mirror, connect, createEvent, joinAttendee, serverWithOrganizer, sleep, snapshotView, until } from './helpers.js';

const ctx = serverWithOrganizer();

const N = 50;

function pairsOf(round: RoundView): Set<string> {
  const out = new Set<string>();
  for (const g of round.groups) {
    const ids = g.members.map((m) => m.id).sort();
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) out.add(`${ids[i]}|${ids[j]}`);
  }
  return out;
}

const groupOf = (round: RoundView, id: string) => round.groups.filter((g) => g.members.some((m) => m.id === id));
const members = (round: RoundView) => round.groups.map((g) => g.members.map((m) => m.id));

describe('a full breakout round with 50 real clients', () => {
  it('plan → arrange → start → message, help, results, reconnect → close → second round', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie, { settings: { breakouts: { closingSec: 5 } } });
    const fac = await connect(ctx.t, { code: ev.code, token: ev.tokens.facilitator });
    const facM = new Mirror(fac);
    await facM.sync();
    const stage = await connect(ctx.t, { code: ev.code, token: ev.tokens.stage });
    const stageM = new Mirror(stage);
    await stageM.sync();

    const people = await Promise.all(Array.from({ length: N }, (_, i) => joinAttendee(ctx.t, ev.code, `Person ${i + 1}`)));
    const clients = await Promise.all(people.map((p) => connect(ctx.t, { code: ev.code, token: p.token })));
    const mirrors = clients.map((c) => new Mirror(c));
    await Promise.all(mirrors.map((m) => m.sync()));
    const idOf = new Map(people.map((p, i) => [p.attendeeId, i]));

    // Staff see everyone come online (presence deltas).
    await until(() => [...facM.people.values()].filter((p) => p.online).length === N, 5000, 'all online for staff');

    // Plan: 10 groups of 5, a draft only staff see.
    const planned = await fac.ok('breakouts:plan', { size: 5, mode: 'mix', durationSec: 600, seed: 42, videoTemplate: 'https://meet.jit.si/plenum-{event}-{round}-{group}' });
    expect(planned.rounds).toHaveLength(1);
    let round = planned.rounds[0]!;
    const roundId = round.id;
    expect(round.status).toBe('draft');
    expect(round.groups.map((g) => g.members.length)).toEqual(Array(10).fill(5));
    expect(new Set(round.groups.flatMap((g) => g.members.map((m) => m.id))).size).toBe(N);
    expect(round.groups[3]!.videoUrl).toBe(`https://meet.jit.si/plenum-${ev.code}-1-4`);
    expect(round.groups[0]!.name).toBe('Gruppe 1');
    expect(round.report).toMatchObject({ people: N, groups: 10, sizeSpread: 0, violations: [] });
    await until(() => facM.rounds.get(roundId)?.status === 'draft', 2000, 'draft reaches the facilitator');
    await sleep(50);
    expect(mirrors[0]!.rounds.size).toBe(0);
    expect(stageM.rounds.size).toBe(0);

    // Move one person from group 1 to group 2, swap two people of groups 3 and 4.
    const mover = round.groups[0]!.members[0]!.id;
    round = (await fac.ok('breakouts:move', { roundId, personId: mover, toGroup: 1 })).round;
    expect(round.groups[0]!.members).toHaveLength(4);
    expect(groupOf(round, mover).map((g) => g.index)).toEqual([1]);
    const [s1, s2] = [round.groups[2]!.members[1]!.id, round.groups[3]!.members[2]!.id];
    round = (await fac.ok('breakouts:swap', { roundId, a: s1, b: s2 })).round;
    expect(groupOf(round, s1)[0]!.index).toBe(3);
    expect(groupOf(round, s2)[0]!.index).toBe(2);

    // Lock the mover (now in group 2) and someone in group 5, then reshuffle: they stay, others move.
    const pinned = round.groups[4]!.members[0]!.id;
    await fac.ok('breakouts:lock', { roundId, personId: mover, locked: true });
    round = (await fac.ok('breakouts:lock', { roundId, personId: pinned, locked: true })).round;
    expect(round.locked?.sort()).toEqual([mover, pinned].sort());
    const beforeShuffle = JSON.stringify(members(round));
    round = (await fac.ok('breakouts:reshuffle', { roundId, seed: 7 })).round;
    expect(JSON.stringify(members(round))).not.toBe(beforeShuffle);
    expect(groupOf(round, mover)[0]!.index).toBe(1);
    expect(groupOf(round, pinned)[0]!.index).toBe(4);
    expect(round.groups.map((g) => g.members.length)).toEqual(Array(10).fill(5));
    expect(new Set(round.groups.flatMap((g) => g.members.map((m) => m.id))).size).toBe(N);

    // Start: every attendee sees exactly one group with them, the same members and the same endsAt.
    round = (await fac.ok('breakouts:start', { roundId, durationSec: 300 })).round;
    expect(round.status).toBe('running');
    await until(() => mirrors.every((m) => m.rounds.get(roundId)?.status === 'running'), 5000, 'round reaches every attendee');
    for (const [i, m] of mirrors.entries()) {
      const seen = m.rounds.get(roundId)!;
      const mine = groupOf(seen, people[i]!.attendeeId);
      expect(mine, `attendee ${i}`).toHaveLength(1);
      expect(mine[0]!.members).toEqual(groupOf(round, people[i]!.attendeeId)[0]!.members);
      expect(seen.endsAt).toBe(round.endsAt);
      expect(seen.locked).toBeUndefined();
      expect(seen.report).toBeUndefined();
    }
    expect(stageM.rounds.get(roundId)?.status).toBe('running');

    // A broadcast reaches everyone.
    await fac.ok('breakouts:message', { roundId, text: 'Noch 5 Minuten!' });
    await until(() => mirrors.every((m) => m.rounds.get(roundId)?.messages.some((x) => x.text === 'Noch 5 Minuten!')), 5000, 'broadcast');

    // A help request reaches the facilitator and the asker's group.
    const asker = clients[7]!;
    const askerGroup = groupOf(round, people[7]!.attendeeId)[0]!;
    const help = (await asker.ok('breakouts:help', { roundId })).request;
    expect(help).toMatchObject({ groupIndex: askerGroup.index, groupName: askerGroup.name, name: 'Person 8', resolvedAt: null });
    await until(() => facM.help.get(help.id), 2000, 'help reaches the facilitator');
    // The asker's group sees it too (help is coming); people of other groups do not.
    await until(() => mirrors[7]!.help.get(help.id), 2000, 'the asker sees the request');
    const otherGroup = people.findIndex((p) => groupOf(round, p.attendeeId)[0]!.index !== askerGroup.index);
    expect(mirrors[otherGroup]!.help.size).toBe(0);
    await fac.ok('breakouts:resolveHelp', { id: help.id });
    await until(() => facM.help.get(help.id)?.resolvedAt, 2000, 'resolved');

    // Two members type at once from the same base: both edits survive.
    const g0 = round.groups[0]!;
    const [w1, w2] = g0.members.map((m) => clients[idOf.get(m.id)!]!);
    const base = await w1!.ok('breakouts:editResult', { roundId, index: 0, baseVersion: 0, text: 'Ergebnisse:\n' });
    const [e1, e2] = await Promise.all([
      w1!.ok('breakouts:editResult', { roundId, index: 0, baseVersion: base.version, text: 'Ergebnisse:\n- Idee von A\n' }),
      w2!.ok('breakouts:editResult', { roundId, index: 0, baseVersion: base.version, text: 'Ergebnisse:\n- Idee von B\n' }),
    ]);
    const final = e1.version > e2.version ? e1 : e2;
    expect(final.version).toBe(base.version + 2);
    expect(final.text).toContain('Idee von A');
    expect(final.text).toContain('Idee von B');
    await until(() => mirrors[idOf.get(g0.members[2]!.id)!]!.rounds.get(roundId)?.groups[0]!.result === final.text, 2000, 'result reaches the group');
    // Someone of another group may not edit this result.
    const outsider = round.groups[1]!.members[0]!.id;
    const refused = await clients[idOf.get(outsider)!]!.call('breakouts:editResult', { roundId, index: 0, baseVersion: final.version, text: 'übernommen' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // Disconnect and come back: the snapshot puts them back in their group with the right time left.
    const back = people[13]!;
    clients[13]!.close();
    await sleep(100);
    const again = await connect(ctx.t, { code: ev.code, token: back.token });
    const snap = await again.snapshot();
    const r = snap.breakouts.rounds.find((x) => x.id === roundId)!;
    expect(groupOf(r, back.attendeeId)[0]!.members).toEqual(groupOf(round, back.attendeeId)[0]!.members);
    expect(r.endsAt).toBe(round.endsAt);
    const left = Date.parse(r.endsAt!) - Date.parse(snap.serverTime);
    expect(left).toBeGreaterThan(250_000);
    expect(left).toBeLessThanOrEqual(300_000);
    clients[13] = again;
    mirrors[13] = new Mirror(again);
    await mirrors[13].sync();

    // Close with a 1 s countdown: closing, then closed.
    const closing = (await fac.ok('breakouts:close', { roundId, countdownSec: 1 })).round;
    expect(closing.status).toBe('closing');
    await until(() => mirrors.every((m) => m.rounds.get(roundId)?.status === 'closing' || m.rounds.get(roundId)?.status === 'closed'), 3000, 'closing');
    await until(() => mirrors.every((m) => m.rounds.get(roundId)?.status === 'closed'), 4000, 'closed');
    expect(facM.rounds.get(roundId)?.closedAt).toBe(closing.closingEndsAt);

    // Second round, mix: no pair of the first round meets again.
    const second = (await fac.ok('breakouts:plan', { size: 5, mode: 'mix', seed: 9 })).rounds[0]!;
    expect(second.number).toBe(2);
    const firstPairs = pairsOf(facM.rounds.get(roundId)!);
    const again2 = [...pairsOf(second)].filter((p) => firstPairs.has(p));
    expect(again2).toEqual([]);
    expect(second.report?.repeatedPairs).toBe(0);

    await sleep(100);
    const all = [fac, stage, ...clients];
    const allMirrors = [facM, stageM, ...mirrors];
    for (const [i, m] of allMirrors.entries()) {
      const s = await all[i]!.snapshot();
      expect(m.seq).toBe(s.seq);
      expect(m.view()).toEqual(snapshotView(s));
    }
    for (const c of all) c.close();
  }, 60_000);
});
