/**
 * Cluster mode end to end (`npm run test:cluster`): three Plenum processes on one PostgreSQL schema and one
 * Redis, real socket.io clients spread over them. Cross-node fan-out with one gap-free seq per event, vote
 * and poll convergence, a breakout round timer that every node arms and that closes the round exactly
 * once, and SIGKILL of one node under load: its clients move to another node, resync, and every
 * acknowledged write is there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Delta } from '../../shared/socket.js';
import {
  Mirror, ORGANIZER, api, connect, cookieFrom, createEvent, joinAttendee, sleep, until, type Client, type TestEvent, type TestServer,
} from '../integration/helpers.js';
import { defs } from '../integration/polls-helpers.js';
import { Cluster, type Node } from './nodes.js';

const cluster = new Cluster();
let nodes: Node[] = [];
let cookie = '';
const open: Client[] = [];
const at = (n: Node) => ({ url: n.url }) as TestServer;

beforeAll(async () => {
  nodes = await cluster.start(3);
}, 90_000);

afterAll(async () => {
  for (const c of open) c.close();
  await cluster.cleanup();
});

async function client(n: Node, code: string, token: string): Promise<Client> {
  const c = await connect(at(n), { code, token });
  open.push(c);
  return c;
}

async function mirrored(c: Client): Promise<Mirror> {
  const m = new Mirror(c);
  await m.sync();
  return m;
}

/** n attendees, spread round-robin over the nodes, each with a mirror. */
async function attendees(ev: TestEvent, n: number, over: readonly Node[] = nodes) {
  return Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const node = over[i % over.length]!;
      const { token, attendeeId } = await joinAttendee(at(node), ev.code, `Person ${i + 1}`);
      const c = await client(node, ev.code, token);
      return { node, token, attendeeId, client: c, mirror: await mirrored(c) };
    }),
  );
}

/** Every seq a client saw, ascending and without repeats, must be contiguous: no seq taken twice or skipped. */
function expectGapFree(deltas: readonly Delta[]) {
  const seqs = [...new Set(deltas.map((d) => d.seq))].sort((a, b) => a - b);
  for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBe(seqs[i - 1]! + 1);
  // One seq, one delta per audience: a client never gets two different deltas with the same seq.
  expect(seqs.length).toBe(deltas.length);
}

const votesOf = (m: Mirror) => Object.fromEntries([...m.questions.values()].map((q) => [q.id, q.votes]));

describe('cluster: 3 nodes on PostgreSQL + Redis', () => {
  it('the first-run setup link: one node prints it, any node accepts it, once', async () => {
    const linkLine = /the link works once\): (\S+)/;
    const printed = nodes.filter((n) => linkLine.test(n.output()));
    expect(printed).toHaveLength(1);
    const link = linkLine.exec(printed[0]!.output())![1]!;
    const token = new URL(link).searchParams.get('token');
    const others = nodes.filter((n) => n !== printed[0]);
    const res = await api(others[0]!.url, '/api/setup', { body: { token, ...ORGANIZER } });
    expect(res.status).toBe(201);
    cookie = cookieFrom(res);
    const again = await api(others[1]!.url, '/api/setup', { body: { token, email: 'zweite@example.org', password: 'noch-ein-passwort' } });
    expect(again.status).toBe(403);
    // The session is in the database: every node knows it.
    for (const n of nodes) expect((await api(n.url, '/api/auth/me', { cookie })).status).toBe(200);
  });

  it('cross-node fan-out: one gap-free seq per event; every client on every node converges', async () => {
    const ev = await createEvent(at(nodes[0]!), cookie);
    const mods = await Promise.all(nodes.map((n) => client(n, ev.code, ev.tokens.moderator)));
    const modMirrors = await Promise.all(mods.map(mirrored));
    const people = await attendees(ev, 9);
    // Everyone asks at once, on three nodes: the event's commits queue on its advisory lock.
    const asked = await Promise.all(people.map((p, i) => p.client.ok('qa:ask', { text: `Frage ${i + 1} aus ${p.node.name}` })));
    const ids = asked.map((a) => a.question.id);
    await Promise.all(ids.slice(0, 6).map((id, i) => mods[i % 3]!.ok('qa:star', { id, starred: true })));
    const all = [...modMirrors, ...people.map((p) => p.mirror)];
    await until(() => all.every((m) => ids.every((id) => m.questions.has(id))), 10_000, 'every question everywhere');
    await until(() => modMirrors.every((m) => ids.slice(0, 6).every((id) => (m.questions.get(id) as { starred?: boolean })?.starred)), 10_000, 'stars everywhere');
    // Staff on all three nodes agree with each other and with a fresh snapshot from any node.
    const fresh = await mirrored(await client(nodes[2]!, ev.code, ev.tokens.moderator));
    for (const m of modMirrors) expect(m.view().questions).toEqual(fresh.view().questions);
    // Attendees get public deltas with their 100 ms tick: they reach the same seq a moment after staff.
    // (At least: a presence change may land after the fresh snapshot.)
    await until(() => people.every((p) => p.mirror.seq >= fresh.seq), 10_000, 'attendees at the fresh seq');
    for (const c of mods) expectGapFree(c.deltas);
    // Presence is cluster-wide: staff on every node count the attendees of all three, and list them online.
    await until(() => modMirrors.every((m) => m.present === 9), 10_000, 'every moderator counts 9 attendees online');
    for (const m of [...modMirrors, fresh]) {
      await until(() => people.every((p) => m.people.get(p.attendeeId)?.online), 10_000, 'everyone online in every staff list');
    }
    expect(fresh.present).toBe(9);
    // The database's seq is where every staff client ends up; a presence flush may still be on its way
    // (CI met 17 against 18), so wait until the fresh client has it and no newer one came meanwhile.
    const dbSeq = async () => Number((await cluster.query<{ seq: number }>('SELECT seq FROM events WHERE id = $1', [ev.id]))[0]!.seq);
    let settled = false;
    for (const end = Date.now() + 10_000; !settled && Date.now() < end; ) {
      const seq = await dbSeq();
      await until(() => [fresh, ...modMirrors].every((m) => m.seq >= seq), 10_000, `staff at the database seq ${seq}`);
      settled = [fresh, ...modMirrors].every((m) => m.seq === seq) && (await dbSeq()) === seq;
    }
    expect(settled).toBe(true);
  });

  it('votes and poll answers from three nodes converge to the same counts on every node', async () => {
    const ev = await createEvent(at(nodes[1]!), cookie);
    const mods = await Promise.all(nodes.map((n) => client(n, ev.code, ev.tokens.moderator)));
    const modMirrors = await Promise.all(mods.map(mirrored));
    const people = await attendees(ev, 24);
    const ids = (await Promise.all(people.slice(0, 3).map((p, i) => p.client.ok('qa:ask', { text: `Abstimmungsfrage ${i + 1}` })))).map((a) => a.question.id);
    // Every attendee votes for every question (their own included: it counts like any other).
    const acked: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
    await Promise.all(
      people.flatMap((p) => ids.map(async (id) => {
        const r = await p.client.ok('qa:vote', { id, up: true });
        if (r.voted) acked[id]!++;
      })),
    );
    expect(Object.values(acked)).toEqual([24, 24, 24]);
    const all = [...modMirrors, ...people.map((p) => p.mirror)];
    await until(() => all.every((m) => ids.every((id) => m.questions.get(id)?.votes === 24)), 10_000, 'every count 24 on every client');
    for (const m of all) expect(votesOf(m)).toEqual(acked);

    const poll = (await mods[0]!.ok('polls:create', { definition: defs.single })).poll;
    await mods[1]!.ok('polls:open', { id: poll.id });
    const chosen = people.map((_, i) => `o${(i % 3) + 1}`);
    await Promise.all(people.map((p, i) => p.client.ok('polls:answer', { pollId: poll.id, answer: { type: 'single', optionId: chosen[i]! } })));
    const expected = { o1: 8, o2: 8, o3: 8 };
    const countsOf = (m: Mirror) => {
      const view = (m.state as unknown as { polls: { polls: Record<string, { responses: number; results: { kind: string; counts?: Record<string, number> } | null }> } }).polls.polls[poll.id];
      return view ? { responses: view.responses, counts: view.results?.counts } : null;
    };
    await until(() => modMirrors.every((m) => countsOf(m)?.responses === 24), 10_000, 'every moderator sees 24 responses');
    for (const m of modMirrors) expect(countsOf(m)).toEqual({ responses: 24, counts: expected });
    // And a snapshot from each node says the same (the state each node keeps in memory was reloaded).
    for (const n of nodes) {
      const snap = await (await client(n, ev.code, ev.tokens.moderator)).snapshot();
      const p = snap.polls.polls.find((x) => x.id === poll.id) as { responses: number; results: { counts: Record<string, number> } };
      expect({ responses: p.responses, counts: p.results.counts }).toEqual({ responses: 24, counts: expected });
    }
  });

  it('a breakout round timer, armed on every node, closes the round exactly once', async () => {
    const ev = await createEvent(at(nodes[0]!), cookie, { settings: { breakouts: { closingSec: 1 } } });
    const facs = await Promise.all(nodes.map((n) => client(n, ev.code, ev.tokens.facilitator)));
    const people = await attendees(ev, 6);
    const round = (await facs[0]!.ok('breakouts:plan', { size: 2, durationSec: 30, people: people.map((p) => p.attendeeId) })).rounds[0]!;
    const statuses = facs.map((f) => {
      const seen: string[] = [];
      f.socket.on('sync:delta', (d: Delta) => {
        for (const ch of d.changes) if (ch.type === 'breakouts:round' && ch.round.id === round.id && ch.round.status !== 'draft') seen.push(ch.round.status);
      });
      return seen;
    });
    await facs[1]!.ok('breakouts:start', { roundId: round.id });
    // Ends in 5 s: long enough for every node's re-arm sweep (every 2 s) to arm it, so all three fire.
    await facs[2]!.ok('breakouts:extend', { roundId: round.id, seconds: -25 });
    await until(() => people.every((p) => p.mirror.rounds.get(round.id)?.status === 'closed'), 15_000, 'closed everywhere');
    await sleep(1500); // a second close would have arrived by now
    for (const seen of statuses) expect(seen).toEqual(['running', 'running', 'closing', 'closed']);
    for (const f of facs) expectGapFree(f.deltas);
    const [row] = await cluster.query<{ status: string }>('SELECT status FROM breakout_rounds WHERE id = $1', [round.id]);
    expect(row!.status).toBe('closed');
  });

  it('revocation reaches every node: a rotated link and a deleted event drop their sockets everywhere', async () => {
    const ev = await createEvent(at(nodes[0]!), cookie);
    const mods = await Promise.all(nodes.map((n) => client(n, ev.code, ev.tokens.moderator)));
    const facs = await Promise.all(nodes.map((n) => client(n, ev.code, ev.tokens.facilitator)));
    // Plain clients, no mirrors: a mirror would ask a dropped socket for a snapshot.
    const people = await Promise.all(nodes.map(async (n) => ({ client: await client(n, ev.code, (await joinAttendee(at(n), ev.code)).token) })));
    const rotated = await api(nodes[1]!.url, `/api/events/${ev.id}/links/moderator/rotate`, { method: 'POST', cookie });
    expect(rotated.status, rotated.text).toBe(200);
    for (const m of mods) await until(() => m.revoked.includes('link_rotated') && m.socket.disconnected, 5000, 'moderator dropped on every node');
    // The old link is refused on every node; the other links keep working.
    for (const n of nodes) await expect(connect(at(n), { code: ev.code, token: ev.tokens.moderator })).rejects.toThrow();
    expect(facs.every((f) => f.socket.connected)).toBe(true);
    const deleted = await api(nodes[2]!.url, `/api/events/${ev.id}`, { method: 'DELETE', cookie });
    expect(deleted.status, deleted.text).toBe(204);
    for (const c of [...facs, ...people.map((p) => p.client)]) await until(() => c.revoked.includes('event_deleted') && c.socket.disconnected, 5000, 'everyone dropped on every node');
  });

  it('SIGKILL of one node under load: its clients reconnect to another node, resync, and no acknowledged write is lost', async () => {
    const ev = await createEvent(at(nodes[0]!), cookie);
    const victim = nodes[2]!;
    const survivors = nodes.filter((n) => n !== victim);
    const mod = await client(survivors[0]!, ev.code, ev.tokens.moderator);
    const modMirror = await mirrored(mod);
    const people = await attendees(ev, 12);
    const target = (await people[0]!.client.ok('qa:ask', { text: 'Worüber alle abstimmen' })).question.id;
    const ackedQuestions: string[] = [];
    const ackedVoters = new Set<string>();
    let stop = false;
    // Load: every attendee asks now and then and votes once; the victim dies in the middle of it.
    const load = people.map(async (p, i) => {
      let k = 0;
      while (!stop && k < 3) {
        try {
          const r = await p.client.call('qa:ask', { text: `Last ${i + 1}.${k + 1} von ${p.node.name}` }, 3000);
          if (r.ok) ackedQuestions.push(r.question.id);
          if (k === 0) {
            const v = await p.client.call('qa:vote', { id: target, up: true }, 3000);
            if (v.ok && v.voted) ackedVoters.add(p.attendeeId);
          }
        } catch {
          /* no ack: the node died; nothing was promised */
        }
        k++;
        await sleep(20 + (i % 5) * 10);
      }
    });
    await sleep(60);
    await victim.kill('SIGKILL');
    stop = true;
    await Promise.all(load);

    // The load balancer sends the victim's clients to a surviving node; they take a fresh snapshot.
    const moved = people.filter((p) => p.node === victim);
    expect(moved.length).toBe(4);
    for (const p of moved) await until(() => p.client.socket.disconnected, 5000, 'the dead node dropped its sockets');
    // The dead node's attendees go offline for the others once it has been silent too long.
    await until(() => modMirror.present === 8, 15_000, 'the dead node\'s attendees offline');
    const back = await Promise.all(moved.map(async (p) => ({ p, mirror: await mirrored(await client(survivors[0]!, ev.code, p.token)) })));
    await until(() => ackedQuestions.every((id) => modMirror.questions.has(id)), 10_000, 'every acknowledged question at the moderator');
    for (const { p, mirror } of back) {
      for (const id of ackedQuestions) expect(mirror.questions.has(id)).toBe(true);
      if (ackedVoters.has(p.attendeeId)) expect(mirror.myVotes.has(target)).toBe(true);
    }
    const [{ n }] = (await cluster.query<{ n: string }>('SELECT count(*) AS n FROM votes WHERE question_id = $1', [target])) as [{ n: string }];
    expect(Number(n)).toBeGreaterThanOrEqual(ackedVoters.size);
    await until(() => modMirror.questions.get(target)?.votes === Number(n), 10_000, 'the moderator sees every committed vote');
    for (const { mirror } of back) await until(() => mirror.questions.get(target)?.votes === Number(n), 10_000, 'moved clients see every committed vote');
    // The survivors still serve the event: a write through each reaches the moved clients.
    await until(() => modMirror.present === 12, 10_000, 'the moved attendees online again');
    const late = await people.find((p) => p.node !== victim)!.client.ok('qa:ask', { text: 'Nach dem Ausfall' });
    for (const { mirror } of back) await until(() => mirror.questions.has(late.question.id), 10_000, 'a new question after the failure');
  });
});
