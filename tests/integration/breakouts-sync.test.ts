/**
 * Deltas reproduce the snapshot for breakouts too: a long random mix of every breakouts command (and
 * renames, profiles, reconnects) from a facilitator and attendees, then every audience's delta-built
 * state must equal a fresh snapshot, with contiguous seqs and no resync.
 */
import { describe, expect, it } from 'vitest';
import {
  Mirror, connect, createEvent, expectContiguous, joinAttendee, rng, serverWithOrganizer, sleep, snapshotView, until, type Client,
} from './helpers.js';

// Consistency, not plan quality, is tested here: a short search keeps the many plans quick.
const ctx = serverWithOrganizer({ planTimeLimitMs: 50 });

describe('breakouts: deltas reproduce the snapshot', () => {
  it('after a random mix of breakouts commands, every audience converges', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie, { settings: { attendeeFields: [{ key: 'team', label: 'Team' }], breakouts: { closingSec: 0 } } });
    const fac = await connect(ctx.t, { code: ev.code, token: ev.tokens.facilitator });
    const stage = await connect(ctx.t, { code: ev.code, token: ev.tokens.stage });
    const people = await Promise.all(Array.from({ length: 8 }, (_, i) => joinAttendee(ctx.t, ev.code, `Z${i}`)));
    const clients: Client[] = await Promise.all(people.map((p) => connect(ctx.t, { code: ev.code, token: p.token })));
    const facM = new Mirror(fac);
    const stageM = new Mirror(stage);
    const mirrors = clients.map((c) => new Mirror(c));
    await Promise.all([facM, stageM, ...mirrors].map((m) => m.sync()));
    await until(() => [...facM.people.values()].filter((p) => p.online).length === 8, 3000, 'online');

    const random = rng(20260402);
    const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(random() * xs.length)];
    const ok = new Map<string, number>();
    const count = (name: string, res: { ok: boolean }) => {
      if (res.ok) ok.set(name, (ok.get(name) ?? 0) + 1);
      return res;
    };
    const rounds = () => [...facM.rounds.values()];
    const inState = (...states: string[]) => rounds().filter((r) => states.includes(r.status));
    const person = () => pick(people)!.attendeeId;

    let step = 0;
    const reconnect = async (i: number) => {
      // Drop and come back (presence, and late joining while a round runs).
      clients[i]!.close();
      await sleep(5);
      clients[i] = await connect(ctx.t, { code: ev.code, token: people[i]!.token });
      mirrors[i] = new Mirror(clients[i]!);
      await mirrors[i]!.sync();
      ok.set('reconnect', (ok.get('reconnect') ?? 0) + 1);
    };
    /** Things anyone may do at any time (most of them fail in some states, which is part of the test). */
    const anytime = async () => {
      const i = Math.floor(random() * people.length);
      const r = random();
      const any = pick(rounds());
      if (r < 0.3) count('rename', await clients[i]!.call('attendee:rename', { name: `Z${i}-${step}` }));
      else if (r < 0.55) count('profile', await clients[i]!.call('attendee:profile', { attributes: { team: pick(['Rot', 'Blau', ''])! } }));
      else if (r < 0.7 && any) {
        const started = pick(inState('running', 'closing', 'closed')) ?? any;
        count('showResults', await fac.call('breakouts:showResults', { roundId: started.id, show: random() < 0.5 }));
      }
      else if (r < 0.85 && any) count('group', await fac.call('breakouts:group', { roundId: any.id, index: 0, name: `Tisch ${step}`, topic: random() < 0.5 ? 'Thema' : '' }));
      else await reconnect(i);
    };

    // Cycles of plan → arrange → start → work in groups → close, each step chosen at random.
    for (let cycle = 0; cycle < 8; cycle++) {
      const mode = pick(['random', 'mix', 'self', 'self', 'mix'] as const)!;
      count('plan', await fac.call('breakouts:plan', { size: pick([2, 3])!, mode, rounds: pick([1, 1, 2])!, seed: cycle }));
      for (let k = 0; k < 6; k++, step++) {
        const draft = pick(inState('draft'));
        if (!draft) break;
        const r = random();
        if (r < 0.25) count('move', await fac.call('breakouts:move', { roundId: draft.id, personId: person(), toGroup: Math.floor(random() * draft.groups.length) }));
        else if (r < 0.45) count('swap', await fac.call('breakouts:swap', { roundId: draft.id, a: person(), b: person() }));
        else if (r < 0.6) count('lock', await fac.call('breakouts:lock', { roundId: draft.id, personId: person(), locked: random() < 0.7 }));
        else if (r < 0.75) count('reshuffle', await fac.call('breakouts:reshuffle', { roundId: draft.id, seed: step }));
        else if (r < 0.9 && inState('draft').length > 1) count('discard', await fac.call('breakouts:discard', { roundId: draft.id }));
        else await anytime();
      }
      const draft = pick(inState('draft'));
      if (!draft) continue;
      count('start', await fac.call('breakouts:start', { roundId: draft.id, durationSec: 600 }));
      for (let k = 0; k < 20; k++, step++) {
        const active = pick(inState('running', 'closing'));
        if (!active) break;
        const i = Math.floor(random() * people.length);
        const who = clients[i]!;
        const r = random();
        if (r < 0.1) count('move', await fac.call('breakouts:move', { roundId: active.id, personId: person(), toGroup: Math.floor(random() * active.groups.length) }));
        else if (r < 0.15) count('extend', await fac.call('breakouts:extend', { roundId: active.id, seconds: pick([60, -30])! }));
        else if (r < 0.22) count('message', await fac.call('breakouts:message', { roundId: active.id, text: `Hinweis ${step}` }));
        else if (r < 0.32) {
          const res = await who.call('breakouts:help', { roundId: active.id });
          count('help', res);
          if (res.ok && random() < 0.6) count('resolveHelp', await fac.call('breakouts:resolveHelp', { id: res.request.id }));
        } else if (r < 0.62) {
          // Edit from what this attendee's mirror shows (often stale).
          const seen = mirrors[i]!.rounds.get(active.id);
          const g = seen?.groups.find((x) => x.members.some((m) => m.id === people[i]!.attendeeId)) ?? seen?.groups[0];
          count('editResult', await who.call('breakouts:editResult', { roundId: active.id, index: g?.index ?? 0, baseVersion: g?.resultVersion ?? 0, text: `${g?.result ?? ''}Zeile ${step}\n` }));
        } else if (r < 0.75) count('choose', await who.call('breakouts:choose', { roundId: active.id, index: Math.floor(random() * active.groups.length) }));
        else if (r < 0.8) count('lock', await fac.call('breakouts:lock', { roundId: active.id, personId: person(), locked: random() < 0.5 }));
        else await anytime();
      }
      const active = pick(inState('running', 'closing'));
      if (active) count('close', await fac.call('breakouts:close', { roundId: active.id, countdownSec: 0 }));
      if (random() < 0.5) await anytime();
    }
    const kinds = ['plan', 'move', 'swap', 'lock', 'reshuffle', 'group', 'start', 'extend', 'message', 'close', 'discard', 'showResults', 'help', 'resolveHelp', 'editResult', 'choose', 'rename', 'profile', 'reconnect'];
    for (const kind of kinds) expect(ok.get(kind) ?? 0, `successful ${kind}`).toBeGreaterThan(0);

    await sleep(150); // the last presence flush
    const all = [fac, stage, ...clients];
    for (const [k, m] of [facM, stageM, ...mirrors].entries()) {
      const snap = await all[k]!.snapshot();
      expect(m.seq).toBe(snap.seq);
      expect(m.view()).toEqual(snapshotView(snap));
      expect(m.resyncs).toBe(0);
    }
    expectContiguous(fac.deltas);
    expectContiguous(stage.deltas);
    expect(fac.deltas.map((d) => d.seq)).toEqual(stage.deltas.map((d) => d.seq));
    expect(facM.rounds.size).toBeGreaterThan(1);
    for (const c of all) c.close();
  }, 60_000);
});
