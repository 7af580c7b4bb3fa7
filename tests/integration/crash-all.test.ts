/**
 * Suite 4 of issue 12, crash and restart: a driver makes acknowledged writes of every kind (questions,
 * approvals, votes, poll answers, group moves, result edits) from 40 attendees and several staff sockets
 * against a real server process, which is killed with SIGKILL at three seeded random points while writes
 * are in flight, and restarted on the same data. After each kill the database must hold every
 * acknowledged write, nothing that was refused, and for writes whose ack was lost in flight either the
 * whole write or nothing (vote count = vote rows, one answer per poll, one group per person, a result
 * edit's text with its version).
 *
 * CRASH_WRITES sets the number of writes (`npm test`: 1,500; `npm run test:fuzz`: 5,000); CRASH_SEED replays.
 */
import { testDatabaseUrl } from './database.js';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { io as ioClient, type Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/version.js';
import { ORGANIZER, api, cookieFrom, createEvent, joinAttendee, rng, sleep, type TestEvent, type TestServer } from './helpers.js';
import { serverProcesses, type ServerProcess } from './process.js';

const TOTAL = Number(process.env.CRASH_WRITES ?? 1500);
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const ATTENDEES = 40;
const POLLS = 5;
const GROUPS = 6;

type Kind = 'ask' | 'approve' | 'vote' | 'answer' | 'move' | 'result';
type State = 'sent' | 'acked' | 'refused' | 'lost';
interface Write {
  kind: Kind;
  /** What identifies its effect: question text, `question|attendee`, `poll|attendee`, person, group index. */
  key: string;
  /** What it sets: the option, the target group, the result text. */
  value: string;
  state: State;
  /** The segment (between two kills) it was sent in. */
  segment: number;
  /** Result edits: the version the ack reported. */
  version?: number;
}

/** One socket of the driver; its unanswered writes are lost when the connection dies. */
class Conn {
  socket!: Socket;
  readonly pending = new Set<Write>();
  /** Called right after a write left: the kill point fires here, so that write is certainly in flight. */
  static afterEmit: (() => void) | undefined;
  constructor(private readonly auth: { code: string; token?: string }, private readonly cookie?: string) {}

  async open(url: string): Promise<void> {
    this.socket = ioClient(url, {
      transports: ['websocket'], reconnection: false, forceNew: true,
      auth: { protocol: PROTOCOL_VERSION, ...this.auth },
      extraHeaders: this.cookie ? { cookie: this.cookie } : undefined,
    });
    this.socket.on('disconnect', () => {
      for (const w of this.pending) w.state = 'lost';
      this.pending.clear();
    });
    await new Promise<void>((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  /** Sends a write; resolves with the ack, or null when the connection died first. */
  write(log: Write[], w: Write, name: string, payload: unknown): Promise<any> {
    log.push(w);
    this.pending.add(w);
    return new Promise((resolve) => {
      if (!this.socket.connected) {
        w.state = 'lost';
        this.pending.delete(w);
        return resolve(null);
      }
      const onGone = () => resolve(null);
      this.socket.once('disconnect', onGone);
      this.socket.emit(name, payload, (res: any) => {
        this.socket.off('disconnect', onGone);
        if (w.state !== 'sent') return resolve(null);
        this.pending.delete(w);
        w.state = res?.ok ? 'acked' : 'refused';
        resolve(res);
      });
      Conn.afterEmit?.();
    });
  }

  close(): void {
    this.socket?.close();
  }
}

const processes = serverProcesses('plenum-crash-all-');

// Reads the SQLite file after each kill; the cluster suite kills nodes on PostgreSQL (tests/cluster).
describe.skipIf(testDatabaseUrl !== null)('crash and restart under writes of every kind (issue 12, suite 4)', () => {
  it(`${TOTAL} writes, SIGKILL at 3 random points: every acknowledged write survives, nothing is half-applied`, async () => {
    const random = rng(SEED);
    const log: Write[] = [];
    let server: ServerProcess = await processes.start();
    const t = { url: server.url } as TestServer;
    const setup = /\/setup\?token=([\w-]+)/.exec(server.output());
    const cookie = cookieFrom(await api(t.url, '/api/setup', { body: { token: setup![1], ...ORGANIZER } }));
    const ev: TestEvent = await createEvent(t, cookie, { title: 'Absturz', settings: { qa: { premoderation: true } } });
    const people: Array<{ attendeeId: string; token: string }> = [];
    for (let i = 0; i < ATTENDEES; i++) people.push(await joinAttendee(t, ev.code, `Person ${i}`));

    const organizer = new Conn({ code: ev.code }, cookie);
    await organizer.open(t.url);
    const pollIds: string[] = [];
    for (let p = 0; p < POLLS; p++) {
      const created = await emit(organizer, 'polls:create', { definition: { type: 'single', question: `Frage ${p}?`, options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }] } });
      pollIds.push(created.poll.id);
      await emit(organizer, 'polls:open', { id: created.poll.id });
    }
    const planned = await emit(organizer, 'breakouts:plan', { groups: GROUPS, durationSec: 4 * 3600, people: people.map((p) => p.attendeeId) });
    const roundId: string = planned.rounds[0].id;
    await emit(organizer, 'breakouts:start', { roundId });
    organizer.close();

    // The kill points: after this many writes were sent in total (seeded, printed, in the middle 80 %).
    const kills = [0, 1, 2].map(() => Math.floor(TOTAL * (0.1 + 0.8 * random()))).sort((a, b) => a - b);
    console.log(`crash suite: seed ${SEED} (CRASH_SEED=${SEED} replays), ${TOTAL} writes, SIGKILL after ${kills.join(', ')} writes sent`);

    const attendeeConns = people.map((p) => new Conn({ code: ev.code, token: p.token }));
    const moderators = [0, 1].map(() => new Conn({ code: ev.code, token: ev.tokens.moderator }));
    const facilitators = [0, 1, 2].map(() => new Conn({ code: ev.code, token: ev.tokens.facilitator }));
    const all = [...attendeeConns, ...moderators, ...facilitators];

    // What the driver knows between segments (re-read from the database after each restart).
    const asked = new Map<number, number>();
    const toApprove: string[] = [];
    const approved: string[] = [];
    const voted = new Set<string>();
    const answered = new Set<string>();
    const groupOf = new Map<string, number>();
    const resultVersion = new Map<number, number>();
    const busyPeople = new Set<string>();
    const busyGroups = new Set<number>();
    let sent = 0;
    let segment = 0;
    const lostPerKill: number[] = [];
    const checked: Record<string, number> = {};

    const dbPath = join(processes.dataDir, 'plenum.db');
    const readDb = () => {
      const db = new Database(dbPath);
      try {
        return verify(db, log, ev.id, roundId, checked);
      } finally {
        db.close();
      }
    };
    const rebaseline = (state: ReturnType<typeof verify>) => {
      groupOf.clear();
      for (const [person, group] of state.groups) groupOf.set(person, group);
      for (const [index, version] of state.versions) resultVersion.set(index, version);
      approved.splice(0, approved.length, ...state.approvedIds);
      toApprove.splice(0, toApprove.length, ...state.pendingIds);
    };
    rebaseline(readDb());

    async function attendeeLoop(i: number, until: () => boolean): Promise<void> {
      const conn = attendeeConns[i]!;
      const me = people[i]!.attendeeId;
      while (until() && conn.socket.connected) {
        const roll = random();
        if ((asked.get(i) ?? 0) < 3 && roll < 0.15) {
          asked.set(i, (asked.get(i) ?? 0) + 1);
          const text = `Frage ${segment}-${i}-${sent}: wird das gespeichert?`;
          sent++;
          const res = await conn.write(log, { kind: 'ask', key: text, value: '', state: 'sent', segment }, 'qa:ask', { text });
          if (res?.ok) toApprove.push(res.question.id);
        } else if (roll < 0.4) {
          const poll = pollIds.find((p) => !answered.has(`${p}|${me}`));
          if (!poll) {
            await sleep(20);
            continue;
          }
          answered.add(`${poll}|${me}`);
          const option = random() < 0.5 ? 'a' : 'b';
          sent++;
          await conn.write(log, { kind: 'answer', key: `${poll}|${me}`, value: option, state: 'sent', segment }, 'polls:answer', { pollId: poll, answer: { type: 'single', optionId: option } });
        } else {
          const q = approved.find((id) => !voted.has(`${id}|${me}`));
          if (!q) {
            await sleep(50);
            continue;
          }
          voted.add(`${q}|${me}`);
          sent++;
          await conn.write(log, { kind: 'vote', key: `${q}|${me}`, value: 'up', state: 'sent', segment }, 'qa:vote', { id: q, up: true });
        }
        // Under the per-attendee limits (20 votes per 10 s, 100 messages per 10 s).
        await sleep(600);
      }
    }

    async function moderatorLoop(conn: Conn, until: () => boolean): Promise<void> {
      while (until() && conn.socket.connected) {
        const id = toApprove.shift();
        if (!id) {
          await sleep(50);
          continue;
        }
        sent++;
        const res = await conn.write(log, { kind: 'approve', key: id, value: '', state: 'sent', segment }, 'qa:approve', { id });
        if (res?.ok) approved.push(id);
        await sleep(120);
      }
    }

    async function facilitatorLoop(conn: Conn, n: number, until: () => boolean): Promise<void> {
      while (until() && conn.socket.connected) {
        if (n === 0) {
          const index = Math.floor(random() * GROUPS);
          if (busyGroups.has(index)) {
            await sleep(20);
            continue;
          }
          busyGroups.add(index);
          const base = resultVersion.get(index) ?? 0;
          const text = `Ergebnis ${segment}-${sent} der Gruppe ${index}`;
          sent++;
          const edit: Write = { kind: 'result', key: String(index), value: text, state: 'sent', segment };
          const res = await conn.write(log, edit, 'breakouts:editResult', { roundId, index, baseVersion: base, text });
          if (res?.ok) {
            resultVersion.set(index, res.version);
            edit.version = res.version;
          }
          busyGroups.delete(index);
        } else {
          const person = people[Math.floor(random() * ATTENDEES)]!.attendeeId;
          if (busyPeople.has(person)) {
            await sleep(20);
            continue;
          }
          busyPeople.add(person);
          const toGroup = Math.floor(random() * GROUPS);
          sent++;
          const res = await conn.write(log, { kind: 'move', key: person, value: String(toGroup), state: 'sent', segment }, 'breakouts:move', { roundId, personId: person, toGroup });
          if (res?.ok) groupOf.set(person, toGroup);
          busyPeople.delete(person);
        }
        await sleep(120);
      }
    }

    async function runSegment(stopAt: number, kill: boolean): Promise<void> {
      await Promise.all(all.map((c) => c.open(server.url)));
      const until = () => sent < stopAt;
      // Armed before the loops start: their first writes go out synchronously, and two kill points can be
      // fewer writes apart than there are sockets.
      if (kill) {
        Conn.afterEmit = () => {
          if (sent < stopAt) return;
          Conn.afterEmit = undefined;
          void server.kill('SIGKILL');
        };
      }
      const loops = [
        ...attendeeConns.map((_, i) => attendeeLoop(i, until)),
        ...moderators.map((c) => moderatorLoop(c, until)),
        ...facilitators.map((c, n) => facilitatorLoop(c, n, until)),
      ];
      if (kill) {
        let last = sent;
        let still = Date.now();
        while (sent < stopAt) {
          await sleep(5);
          if (sent !== last) [last, still] = [sent, Date.now()];
          if (Date.now() - still > 15_000) throw new Error(`the driver stopped at ${sent} writes:\n${server.output().slice(-2000)}`);
        }
        // Writes are in flight on dozens of sockets right now. A hook left armed would kill the next server.
        Conn.afterEmit = undefined;
        await server.kill('SIGKILL');
        await Promise.all(loops);
        lostPerKill.push(log.filter((w) => w.state === 'lost' && w.segment === segment).length);
      } else {
        await Promise.all(loops);
        await sleep(200);
        await server.kill('SIGTERM');
      }
      for (const c of all) c.close();
      rebaseline(readDb());
      segment++;
      asked.clear();
      if (kill) server = await processes.start();
    }

    for (const k of kills) await runSegment(k, true);
    await runSegment(TOTAL, false);

    const byState = (s: State) => log.filter((w) => w.state === s).length;
    const byKind = [...groupBy(log, (w) => w.kind)].map(([k, ws]) => `${k}=${ws.length}`).join(' ');
    console.log(
      `crash suite: ${log.length} writes (${byKind}); acked ${byState('acked')}, refused ${byState('refused')}, ack lost in flight ${byState('lost')} ` +
      `(per kill: ${lostPerKill.join(', ')}); every acknowledged write found after each restart; last check: ${Object.entries(checked).map(([k, n]) => `${k}=${n}`).join(' ')}`,
    );
    expect(byState('acked')).toBeGreaterThan(log.length / 2);
  }, 40_000 + TOTAL * 60);
});

function groupBy<T, K>(xs: readonly T[], key: (x: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const x of xs) out.set(key(x), [...(out.get(key(x)) ?? []), x]);
  return out;
}

async function emit(conn: Conn, name: string, payload: unknown): Promise<any> {
  const res = await new Promise<any>((resolve) => conn.socket.emit(name, payload, resolve));
  if (!res?.ok) throw new Error(`${name}: ${JSON.stringify(res)}`);
  return res;
}

/**
 * Checks the database against the write log (throws on the first contradiction) and returns what the
 * driver needs to go on: each person's group, each group's result version, approved and pending questions.
 */
function verify(db: Database.Database, log: Write[], eventId: string, roundId: string, checked: Record<string, number>) {
  for (const k of Object.keys(checked)) delete checked[k];
  const count = (k: string) => (checked[k] = (checked[k] ?? 0) + 1);
  const questions = db.prepare('select id, text, state, votes from questions where event_id = ?').all(eventId) as Array<{ id: string; text: string; state: string; votes: number }>;
  const byText = new Map(questions.map((q) => [q.text, q]));
  const byId = new Map(questions.map((q) => [q.id, q]));
  const votes = new Set((db.prepare('select question_id || \'|\' || attendee_id as k from votes').all() as Array<{ k: string }>).map((r) => r.k));
  const answers = db.prepare('select poll_id || \'|\' || attendee_id as k, answer from poll_answers where event_id = ?').all(eventId) as Array<{ k: string; answer: string }>;
  const answerOf = new Map(answers.map((a) => [a.k, (JSON.parse(a.answer) as { optionId: string }).optionId]));
  const members = db.prepare('select attendee_id as a, group_index as g from breakout_members where round_id = ?').all(roundId) as Array<{ a: string; g: number }>;
  const groups = db.prepare('select group_index as g, result, result_version as v from breakout_groups where round_id = ?').all(roundId) as Array<{ g: number; result: string; v: number }>;

  // Nothing half-applied, whatever was in flight.
  for (const q of questions) {
    const rows = (db.prepare('select count(*) as n from votes where question_id = ?').get(q.id) as { n: number }).n;
    expect(q.votes, `vote count of ${q.id} = its vote rows`).toBe(rows);
  }
  expect(answers.length, 'one answer per attendee and poll').toBe(new Set(answers.map((a) => a.k)).size);
  expect(members.length, 'nobody in two groups of the round').toBe(new Set(members.map((m) => m.a)).size);

  for (const w of log) {
    if (w.state === 'sent') throw new Error(`write ${w.kind} ${w.key} neither answered nor lost`);
    const must = w.state === 'acked';
    const mustNot = w.state === 'refused';
    let applied: boolean | undefined;
    switch (w.kind) {
      case 'ask': {
        const there = (applied = byText.has(w.key));
        if (must) expect(there, `acknowledged question "${w.key}"`).toBe(true);
        if (mustNot) expect(there, `refused question "${w.key}"`).toBe(false);
        break;
      }
      case 'approve': {
        const q = byId.get(w.key);
        if (must) expect(q && q.state !== 'pending', `acknowledged approval of ${w.key}`).toBe(true);
        break;
      }
      case 'vote': {
        const there = (applied = votes.has(w.key));
        if (must) expect(there, `acknowledged vote ${w.key}`).toBe(true);
        if (mustNot) expect(there, `refused vote ${w.key}`).toBe(false);
        break;
      }
      case 'answer': {
        const got = answerOf.get(w.key);
        applied = got !== undefined;
        if (must) expect(got, `acknowledged answer ${w.key}`).toBe(w.value);
        if (mustNot) expect(got, `refused answer ${w.key}`).toBeUndefined();
        if (w.state === 'lost' && got !== undefined) expect(got, `answer ${w.key} in flight: all or nothing`).toBe(w.value);
        break;
      }
      default:
        break;
    }
    count(`${w.kind}:${w.state}${w.state === 'lost' && applied !== undefined ? (applied ? '(applied)' : '(not applied)') : ''}`);
  }

  // Moves: a person is where the last acknowledged move put them, or where a later move in flight did.
  const groupNow = new Map(members.map((m) => [m.a, m.g]));
  const movesOf = groupBy(log.filter((w) => w.kind === 'move' && w.state !== 'refused'), (w) => w.key);
  for (const [person, moves] of movesOf) {
    const lastAcked = moves.findLastIndex((w) => w.state === 'acked');
    if (lastAcked < 0) continue;
    const allowed = new Set(moves.slice(lastAcked).filter((w, i) => i === 0 || w.state === 'lost').map((w) => Number(w.value)));
    expect(allowed.has(groupNow.get(person)!), `${person} in group ${groupNow.get(person)}, allowed ${[...allowed]}`).toBe(true);
  }
  // Result edits: the group's text is the last acknowledged edit's (with its version), or a later one in flight.
  const resultEdits = groupBy(log.filter((w) => w.kind === 'result' && w.state !== 'refused'), (w) => Number(w.key));
  for (const g of groups) {
    const edits = resultEdits.get(g.g) ?? [];
    const lastAcked = edits.findLastIndex((w) => w.state === 'acked');
    if (lastAcked < 0) continue;
    const acked = edits[lastAcked]!;
    const later = edits.slice(lastAcked + 1).filter((w) => w.state === 'lost');
    const fits = (g.result === acked.value && g.v === acked.version) || later.some((w) => g.result === w.value && g.v > acked.version!);
    expect(fits, `group ${g.g}: "${g.result}" v${g.v}, last acknowledged "${acked.value}" v${acked.version}`).toBe(true);
  }
  return {
    groups: groupNow,
    versions: new Map(groups.map((g) => [g.g, g.v])),
    approvedIds: questions.filter((q) => q.state === 'live').map((q) => q.id),
    pendingIds: questions.filter((q) => q.state === 'pending').map((q) => q.id),
  };
}
