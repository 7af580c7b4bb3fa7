/**
 * Suite 1 of issue 12, wire fuzzing: for every command of shared/socket.ts, payloads generated from its
 * zod schema (valid ones, and broken ones of every kind in arbitraries.ts) sent by every role over a real
 * socket.io-client to a real server. After each case: an ack (or, for an oversized frame, the drop of that
 * connection only), /healthz answers, the invariants of invariants.ts hold, and the answer fits the input:
 * a role the table does not allow gets `forbidden`, a payload the schema refuses gets `invalid_payload`,
 * and `internal` (an unexpected exception) never comes.
 *
 * FUZZ_CASES sets the number of cases (`npm test`: 400; `npm run test:fuzz`: 10,000), FUZZ_SEED replays a run.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/errors.js';
import type { Role } from '../../shared/kernel/roles.js';
import { commands, type CommandName, type Snapshot } from '../../shared/socket.js';
import { MAX_MESSAGE_BYTES } from '../../server/app.js';
import { api, connect, rng, sleep, type Client } from '../integration/helpers.js';
import { invalid, jsonSchemaOf, scoped, valid, type IdPool, type InvalidKind } from './arbitraries.js';
import { assembleSnapshot } from '../../shared/snapshot.js';
import { AttendeeWatch, StaffTimeline, dbViolations, type Violation } from './invariants.js';
import { ROLES, credentials, idsOf, seed, staffSnapshot, startWorld, type World } from './world.js';

const CASES = Number(process.env.FUZZ_CASES ?? 400);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const ACK_MS = 10_000;
const names = Object.keys(commands) as CommandName[];
/** Every command equally often: CASES rounded up to a multiple of the number of commands. */
const TOTAL_CASES = Math.ceil(CASES / names.length) * names.length;

/** burst: the same valid message six times at once from two tabs of one identity (races on unique rules). */
type Mode = 'valid' | 'burst' | InvalidKind;
interface Case {
  command: CommandName;
  role: Role;
  /** Which attendee socket (attendees only). */
  who: number;
  mode: Mode;
  payload: unknown;
}

function commandArbitrary(command: CommandName, pool: IdPool): fc.Arbitrary<Case> {
  const good = valid(jsonSchemaOf(commands[command].payload), scoped(pool, command.split(':')[0]!));
  const bad = invalid(good);
  const payloads = fc.oneof(
    { weight: 2, arbitrary: good.map((payload) => ({ mode: 'valid' as Mode, payload })) },
    { weight: 3, arbitrary: bad.map(({ kind, payload }) => ({ mode: kind as Mode, payload })) },
    { weight: 1, arbitrary: good.map((payload) => ({ mode: 'burst' as Mode, payload })) },
  );
  // Half the cases from a role the table allows (to reach the handlers), half from any role.
  const allowed = commands[command].roles as readonly Role[];
  const role = fc.oneof(fc.constantFrom(...allowed), fc.constantFrom(...ROLES));
  return fc.record({ command: fc.constant(command), role, who: fc.nat({ max: 1 }), p: payloads }).map(({ p, ...rest }) => ({ ...rest, ...p }));
}

/** Every command equally often, in a seeded order; each case is generated just before it is sent (fresh ids). */
function schedule(cases: number): CommandName[] {
  const per = Math.ceil(cases / names.length);
  const order = names.flatMap((n) => Array<CommandName>(per).fill(n));
  const random = rng(SEED);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

class Tally {
  readonly counts = new Map<string, number>();
  add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  table(): string {
    return [...this.counts].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, n]) => `${k}=${n}`).join(' ');
  }
}

describe('wire fuzzing (issue 12, suite 1)', () => {
  let w: World;
  const sockets = new Map<string, Client>();
  const violations: Violation[] = [];
  const watches: AttendeeWatch[] = [];
  let staff: StaffTimeline;
  const pool: IdPool = { ids: [], byList: {} };
  /** The foreign event: its ids are mixed into payloads, and nothing sent here may change it. */
  const foreignIds = new Set<string>();
  let foreignView: string | undefined;

  async function actor(role: Role, who: number, tab = 0): Promise<Client> {
    const key = `${role}:${who}:${tab}`;
    const known = sockets.get(key);
    if (known?.socket.connected) return known;
    const token = role === 'attendee' ? w.attendees[who]!.token : undefined;
    const client = await connect(w.t, credentials(w, role, token));
    if (role === 'attendee') watches.push(new AttendeeWatch(w.attendees[who]!.attendeeId, client, staff, violations));
    sockets.set(key, client);
    return client;
  }

  async function refreshPool(): Promise<void> {
    const own = await staffSnapshot(w, w.ev, w.cookie);
    const foreign = await staffSnapshot(w, w.foreign, w.foreignCookie);
    for (const ids of Object.values(idsOf(foreign))) for (const id of ids) foreignIds.add(id);
    foreignView ??= isolated(foreign);
    const found = idsOf(foreign, idsOf(own));
    pool.byList = Object.fromEntries(Object.entries(found).map(([list, ids]) => [list, [...ids]]));
    pool.ids = [...new Set(Object.values(pool.byList).flat())];
  }

  beforeAll(async () => {
    w = await startWorld();
    const observer = await connect(w.t, credentials(w, 'moderator'));
    sockets.set('observer:staff', observer);
    staff = new StaffTimeline(await observer.snapshot(), observer);
    // An attendee who only listens: whatever reaches attendees reaches it too.
    const listener = await connect(w.t, credentials(w, 'attendee', w.attendees[3]!.token));
    sockets.set('observer:attendee', listener);
    watches.push(new AttendeeWatch(w.attendees[3]!.attendeeId, listener, staff, violations));
    await refreshPool();
  });

  afterAll(async () => {
    for (const c of sockets.values()) c.close();
    await w?.t.close();
  });

  it(`${TOTAL_CASES} generated cases over ${names.length} commands × ${ROLES.length} roles keep the server up and the invariants true`, async () => {
    const order = schedule(TOTAL_CASES);
    const arbitraries = new Map(names.map((n) => [n, commandArbitrary(n, pool)]));
    const perCommand = new Tally();
    const perRole = new Tally();
    const perMode = new Tally();
    const outcomes = new Tally();
    const sizes = new Tally();
    const started = Date.now();
    const slow: string[] = [];
    let withForeignId = 0;

    for (const [i, command] of order.entries()) {
      if (i > 0 && i % 100 === 0) await refreshPool();
      const c = fc.sample(arbitraries.get(command)!, { numRuns: 1, seed: SEED + i })[0]!;
      if (i > 0 && i % 1000 === 0) await seed(w, w.ev, w.cookie, w.attendees.slice(0, 2).map((a) => a.token));
      perCommand.add(c.command);
      perRole.add(c.role);
      perMode.add(c.mode);
      const text = JSON.stringify(c.payload) ?? '';
      if ([...foreignIds].some((id) => id.length > 3 && text.includes(`"${id}"`))) withForeignId++;
      const caseStart = Date.now();
      const client = await actor(c.role, c.who);
      const where = `case ${i} (seed ${SEED}): ${c.role} ${c.command} ${c.mode}`;

      const bytes = frameBytes(c.command, c.payload);
      if (bytes > MAX_MESSAGE_BYTES) {
        // The transport refuses a frame over the limit by dropping that connection; nobody else notices.
        sizes.add(c.mode === 'oversizedFrame' ? 'oversized' : `oversized(${c.mode})`);
        const gone = new Promise<string>((r) => client.socket.once('disconnect', () => r('dropped')));
        const answer = client.send(c.command, c.payload, 5_000).then(() => 'ack', () => 'none');
        const outcome = await Promise.race([gone, answer]);
        outcomes.add(`oversized:${outcome}`);
        if (outcome !== 'dropped') violations.push({ invariant: 'an oversized frame drops its connection', detail: `${where}: ${outcome}` });
      } else if (c.mode === 'burst') {
        const tabs = [client, await actor(c.role, c.who, 1)];
        const sends = [0, 1, 2, 3, 4, 5].map((k) => tabs[k % 2]!.send(c.command, c.payload, ACK_MS).catch((err: Error) => err));
        for (const res of await Promise.all(sends)) {
          if (res instanceof Error) {
            violations.push({ invariant: 'an ack arrives', detail: `${where}: ${res.message}` });
            continue;
          }
          checkAck(res, c, where, violations);
          outcomes.add(res?.ok ? 'ok' : `error:${res?.error?.code}`);
        }
      } else {
        let res: any;
        try {
          res = c.payload === undefined ? await sendWithoutPayload(client, c.command) : await client.send(c.command, c.payload, ACK_MS);
        } catch (err) {
          violations.push({ invariant: 'an ack arrives', detail: `${where}: ${(err as Error).message}` });
          continue;
        }
        checkAck(res, c, where, violations);
        outcomes.add(res?.ok ? 'ok' : `error:${res?.error?.code}`);
        if (res?.ok && c.command === 'sync:snapshot' && c.role === 'attendee') {
          watches.find((x) => x.attendeeId === w.attendees[c.who]!.attendeeId)?.snapshot(assembleSnapshot(res));
        }
      }
      const took = Date.now() - caseStart;
      if (took > 2_000) slow.push(`${where}: ${took} ms`);
      if (process.env.FUZZ_PROGRESS && i % 100 === 0) console.log(`  … ${i} cases, ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const health = await api(w.t.url, '/healthz');
      if (health.status !== 200) violations.push({ invariant: 'server stays up', detail: `${where}: /healthz ${health.status}` });
      for (const v of await dbViolations(w.db)) violations.push({ ...v, detail: `${where}: ${v.detail}` });
      for (const watch of watches) {
        watch.flush();
        await watch.checkOwn(w.db);
      }
      if (violations.length >= 20) break;
    }

    // Let the last deltas arrive, then check what is still waiting.
    let waiting = 0;
    for (let tries = 0; tries < 30; tries++) {
      await sleep(100);
      waiting = watches.reduce((n, watch) => n + watch.flush(), 0);
      if (!waiting) break;
    }
    const foreignAfter = isolated(await staffSnapshot(w, w.foreign, w.foreignCookie));
    if (foreignAfter !== foreignView) violations.push({ invariant: 'another event is never touched', detail: `the foreign event changed: ${firstDifference(foreignView!, foreignAfter)}` });
    const seconds = (Date.now() - started) / 1000;
    console.log(
      [
        `wire fuzzing: ${order.length} cases in ${seconds.toFixed(1)} s, seed ${SEED} (FUZZ_SEED=${SEED} replays)`,
        `  per command: ${perCommand.table()}`,
        `  per role: ${perRole.table()}`,
        `  per kind: ${perMode.table()}`,
        `  answers (a burst counts 6): ${outcomes.table()}`,
        `  frames over ${MAX_MESSAGE_BYTES} bytes: ${sizes.table() || 'none'}`,
        `  cases carrying an id of the foreign event: ${withForeignId}; foreign event unchanged: ${foreignAfter === foreignView}`,
        `  attendee messages checked: ${watches.reduce((n, x) => n + x.received, 0)}, still unmatched: ${waiting}`,
        `  slower than 2 s: ${slow.length}${slow.length ? `: ${slow.slice(0, 5).join('; ')}` : ''}`,
        `  violations: ${violations.length}`,
        ...violations.slice(0, 20).map((v) => `    ${v.invariant}: ${v.detail}`),
      ].join('\n'),
    );
    expect(violations).toEqual([]);
    expect(waiting, 'every message to an attendee was judged').toBe(0);
    expect(perCommand.counts.size, 'every command was tried').toBe(names.length);
  }, Math.max(60_000, TOTAL_CASES * 100));
});

/**
 * A staff snapshot without what moves by itself: the clock, and presence (the foreign event's seeded
 * attendee going offline bumps its seq with a presence count some seconds later).
 */
function isolated(s: Snapshot): string {
  const moving = new Set(['serverTime', 'seq', 'present', 'online', 'lastSeenAt']);
  return JSON.stringify(s, (k, v) => (moving.has(k) ? undefined : v));
}

/** Where two JSON texts part (for the report). */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `…${a.slice(Math.max(0, i - 200), i + 100)} ≠ …${b.slice(Math.max(0, i - 200), i + 100)}`;
}

/** Bytes of the websocket frame socket.io-client sends for this emit (packet type, ack id, JSON). */
function frameBytes(name: string, payload: unknown): number {
  return Buffer.byteLength(`42999${JSON.stringify(payload === undefined ? [name] : [name, payload])}`);
}

/** Emits with no payload argument at all: the ack is the only argument. */
function sendWithoutPayload(client: Client, name: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ack for ${name} within ${ACK_MS} ms`)), ACK_MS);
    (client.socket as unknown as { emit(n: string, ack: (r: unknown) => void): void }).emit(name, (r) => {
      clearTimeout(timer);
      resolve(r);
    });
  });
}

/** The answer must fit the question: the right refusal for a foreign role and for a payload the schema refuses. */
function checkAck(res: any, c: Case, where: string, violations: Violation[]): void {
  const shapeOk = res && typeof res === 'object' && (res.ok === true || (res.ok === false && ErrorCode.safeParse(res.error?.code).success && typeof res.error.message === 'string'));
  if (!shapeOk) {
    violations.push({ invariant: 'ack is { ok } or { ok: false, error: { code, message } }', detail: `${where}: ${JSON.stringify(res)?.slice(0, 200)}` });
    return;
  }
  const allowed = (commands[c.command].roles as readonly string[]).includes(c.role);
  const code: string | undefined = res.ok ? undefined : res.error.code;
  if (!allowed && code !== 'forbidden') violations.push({ invariant: 'a role the table does not list is refused with forbidden', detail: `${where}: ${code ?? 'ok'}` });
  // Judge what went over the wire: JSON turns NaN and Infinity into null, -0 into 0, and drops undefined.
  const wire = c.payload === undefined ? undefined : JSON.parse(JSON.stringify([c.payload]))[0];
  if (allowed && !commands[c.command].payload.safeParse(wire).success && code !== 'invalid_payload') {
    violations.push({ invariant: 'a payload the schema refuses gets invalid_payload', detail: `${where}: ${code ?? 'ok'}` });
  }
  if (code === 'internal') violations.push({ invariant: 'no unexpected exception', detail: `${where}: ${res.error.message}` });
}
