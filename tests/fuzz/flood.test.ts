/**
 * Suite 3 of issue 12 at full size, flooding (`npm run test:fuzz`; docs/security.md has the figures).
 *
 * The server runs as its own process on an empty SQLite data folder (so its RSS is its own and no load
 * generator shares its event loop). One event has 1,000 approved questions (a snapshot of ~0.5 MB) and an
 * open poll. Against it, for ATTACK_MS (10 s), each from its own process (tests/fuzz/flood/attacker.ts):
 * - a flooder sends FLOOD_RATE (50,000) messages a second — votes with and without ack, questions, poll
 *   answers, snapshots — and reconnects at once whenever it is dropped;
 * - a slow reader stops reading its TCP socket after the handshake and sends votes with acks;
 * - 150 identities ask for snapshots in a loop, each reconnecting every 250 ms when dropped;
 * - and from this process ten second tabs of bystanders send one oversized frame each.
 * Meanwhile 200 bystander attendees and a moderator do ordinary work before, during and after the attack
 * (votes, questions, poll answers; stars), measuring ack latency and how long until the change is visible in
 * a delta; /healthz is probed every 100 ms and the server's VmRSS sampled every 250 ms.
 *
 * Every attacker must be limited and then dropped (the flooder and the snapshot loopers refused at the
 * handshake afterwards), the oversized frames drop only their own connection, the bystanders' p99 stays
 * under 500 ms before and after the attack and under P99_BOUND_MS during it (the 500 ms target is printed as
 * met or missed), the server's memory stays bounded, and what the attack grew is given back after it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, setPriority } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import type { Delta } from '../../shared/socket.js';
import { ORGANIZER, api, connect, cookieFrom, createEvent, joinAttendee, onEachDelta, sleep, type Client, type TestEvent, type TestServer } from '../integration/helpers.js';
import { serverProcesses } from '../integration/process.js';
import type { AttackConfig, AttackReport } from './flood/attacker.js';

const root = resolve(import.meta.dirname, '../..');
const ATTACK_MS = Number(process.env.FLOOD_ATTACK_MS ?? 10_000);
const FLOOD_RATE = Number(process.env.FLOOD_RATE ?? 50_000);
const CALM_MS = 4_000;
const AFTER_MS = 6_000;
const BYSTANDERS = 200;
const LOOPERS = 150;
const QUESTIONS = 1_000;
const OVERSIZED = 10;
/** The issue's target for the bystanders' p99 (acks, changes visible, /healthz): printed as met or not. */
const P99_TARGET_MS = 500;
/**
 * What the suite asserts during the attack: a stall, not the target. Before the fixes the attack pushed the
 * bystanders' p99 to 4.9 s. On quiet 2-core machines, with the three attack generators on the same cores, it
 * was 0.22–0.76 s across runs on one machine and 0.76–1.02 s on a slower one (docs/security.md); the bound
 * leaves room for the slower kind. FLOOD_P99_BOUND_MS sets it (500: the target).
 */
const P99_BOUND_MS = Number(process.env.FLOOD_P99_BOUND_MS ?? 1_500);
/** The attack generators' niceness (FLOOD_NICE). */
const GENERATOR_NICE = Number(process.env.FLOOD_NICE ?? 5);
/** Heap growth of the server under load that V8 may keep afterwards, MB. */
const HEAP_SLACK_MB = 64;

type Phase = 'calm' | 'attack' | 'after';
const PHASES: Phase[] = ['calm', 'attack', 'after'];

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
}
const stats = (xs: number[]) => `n ${fmt(xs.length)}, p50 ${fmt(quantile(xs, 0.5))}, p99 ${fmt(quantile(xs, 0.99))}, max ${fmt(quantile(xs, 1))} ms`;

/** Latencies per phase and kind ("ack", "visible", "healthz"), and what went wrong. */
class Record_ {
  readonly samples = new Map<string, number[]>();
  readonly failures: string[] = [];
  add(phase: Phase, kind: string, ms: number): void {
    const k = `${phase}|${kind}`;
    if (!this.samples.has(k)) this.samples.set(k, []);
    this.samples.get(k)!.push(ms);
  }
  get(phase: Phase, kind: string): number[] {
    return this.samples.get(`${phase}|${kind}`) ?? [];
  }
}

/** One bystander socket: sends a command, then waits for its ack and for the change in a delta. */
class Bystander {
  private waiter: { match: (d: Delta) => boolean; resolve: () => void } | null = null;
  constructor(readonly client: Client) {
    onEachDelta(client.socket, (d) => {
      if (this.waiter?.match(d)) {
        this.waiter.resolve();
        this.waiter = null;
      }
    });
  }

  /** Resolves with [ack ms, visible ms] (visible null when the command has no delta to wait for). */
  async act(name: string, payload: unknown, visible: ((d: Delta, ack: any) => boolean) | null, record: Record_, phase: () => Phase, who: string): Promise<void> {
    const t0 = performance.now();
    let ack: any;
    // The change may arrive before the ack (staff get deltas at once): listen from the start.
    let seenAt: number | null = null;
    let early: Delta[] = [];
    const seen = new Promise<void>((res) => {
      this.waiter = {
        match: (d) => {
          if (ack === undefined) {
            early.push(d);
            return false;
          }
          return visible!(d, ack);
        },
        resolve: () => {
          seenAt = performance.now();
          res();
        },
      };
    });
    try {
      ack = await this.client.send(name, payload, 5_000);
    } catch {
      record.failures.push(`${who}: no ack for ${name} within 5 s`);
      this.waiter = null;
      return;
    }
    const ackMs = performance.now() - t0;
    record.add(phase(), 'ack', ackMs);
    if (!ack?.ok) {
      record.failures.push(`${who}: ${name} refused: ${JSON.stringify(ack?.error)}`);
      this.waiter = null;
      return;
    }
    if (!visible) {
      this.waiter = null;
      return;
    }
    if (early.some((d) => visible(d, ack))) {
      this.waiter = null;
      record.add(phase(), 'visible', ackMs);
      return;
    }
    early = [];
    const timeout = sleep(5_000).then(() => 'timeout' as const);
    if ((await Promise.race([seen, timeout])) === 'timeout') {
      this.waiter = null;
      record.failures.push(`${who}: the change of ${name} not visible within 5 s`);
      return;
    }
    record.add(phase(), 'visible', seenAt! - t0);
  }
}

function startAttacker(cfg: AttackConfig): { child: ChildProcess; ready: Promise<void>; result: Promise<AttackReport>; go(): void } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fuzz/flood/attacker.ts', JSON.stringify(cfg)], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // At GENERATOR_NICE: the load generators yield some CPU to the server and the bystanders (a real attacker's CPU
  // is elsewhere), yet on a shared 2-core machine they still compete with everything else.
  setPriority(child.pid!, GENERATOR_NICE);
  attackerProcesses.push(child);
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  const lines = createInterface({ input: child.stdout! });
  let readyFns!: { resolve: () => void; reject: (e: Error) => void };
  const ready = new Promise<void>((resolve, reject) => (readyFns = { resolve, reject }));
  const result = new Promise<AttackReport>((res, rej) => {
    lines.on('line', (line) => {
      if (line.startsWith('READY ')) {
        // Every identity connected before the attack starts.
        if (Number(line.slice(6)) === cfg.tokens.length) readyFns.resolve();
        else readyFns.reject(new Error(`attacker ${cfg.mode}: only ${line.slice(6)} of ${cfg.tokens.length} identities connected`));
      } else if (line.startsWith('RESULT ')) res(JSON.parse(line.slice(7)) as AttackReport);
    });
    child.once('exit', (code) => {
      const err = new Error(`attacker ${cfg.mode} exited with ${code} without a result:\n${stderr}`);
      readyFns.reject(err);
      rej(err);
    });
  });
  result.catch(() => undefined);
  return { child, ready, result, go: () => child.stdin!.write('GO\n') };
}

function vmRssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

/** CPU time the process used so far (user + system), ms. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The value of one sample line of /metrics (null when absent). */
function sample(text: string, name: string): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : null;
}

const processes = serverProcesses('plenum-flood-');
const attackerProcesses: ChildProcess[] = [];
afterAll(() => {
  for (const c of attackerProcesses) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

describe('flooding at full size (issue 12, suite 3)', () => {
  it(`a ${fmt(FLOOD_RATE)}/s flooder, a slow reader, ${LOOPERS} snapshot loops and oversized frames against ${BYSTANDERS} bystanders`, async () => {
    const began = Date.now();
    const server = await processes.start();
    const pid = server.child.pid!;
    const t = { url: server.url } as TestServer;
    const setup = /\/setup\?token=([\w-]+)/.exec(server.output());
    const cookie = cookieFrom(await api(t.url, '/api/setup', { body: { token: setup![1], ...ORGANIZER } }));
    const ev: TestEvent = await createEvent(t, cookie, { title: 'Flut' });
    const stages: string[] = [`server up ${fmt(Date.now() - began)} ms`];
    const stage = (what: string) => stages.push(`${what} ${fmt(Date.now() - began)} ms`);

    // 1,000 questions (each 300 characters, so a snapshot is about half a megabyte), approved.
    const ids: string[] = [];
    const filler = 'Wie wollen wir mit den Rückfragen umgehen, die während der Sitzung aus dem Publikum kommen und nicht sofort beantwortet werden können? ';
    for (let start = 0; start < QUESTIONS; start += 16) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(16, QUESTIONS - start) }, (_, k) =>
          api(t.url, `/api/events/${ev.id}/questions`, {
            headers: { authorization: `Bearer ${ev.tokens.moderator}` },
            body: { text: `${start + k}: ${filler.repeat(3)}`.slice(0, 300), idempotencyKey: `flood-${start + k}` },
          }),
        ),
      );
      for (const res of batch) {
        expect(res.status).toBe(201);
        ids.push(res.body.question.id);
      }
    }
    stage('questions imported');
    const moderator = await connect(t, { code: ev.code, token: ev.tokens.moderator });
    for (let i = 0; i < ids.length; i += 500) expect((await moderator.send('qa:bulk', { ids: ids.slice(i, i + 500), action: 'approve' })).ok).toBe(true);
    const poll = await moderator.send('polls:create', { definition: { type: 'single', question: 'Flut?', options: [{ id: 'a', text: 'Ja' }, { id: 'b', text: 'Nein' }] } });
    expect(poll.ok).toBe(true);
    expect((await moderator.send('polls:open', { id: poll.poll.id })).ok).toBe(true);

    const join = async (n: number, name: string) => {
      const out: Array<{ attendeeId: string; token: string }> = [];
      for (let i = 0; i < n; i += 10) out.push(...(await Promise.all(Array.from({ length: Math.min(10, n - i) }, (_, k) => joinAttendee(t, ev.code, `${name} ${i + k}`)))));
      return out;
    };
    const bystanderIds = await join(BYSTANDERS, 'Gast');
    const looperIds = await join(LOOPERS, 'Schleife');
    const [flooderId, slowId] = await join(2, 'Angriff');

    stage('joined');
    const bystanders: Bystander[] = [];
    for (let i = 0; i < BYSTANDERS; i += 20) {
      const batch = await Promise.all(bystanderIds.slice(i, i + 20).map((p) => connect(t, { code: ev.code, token: p.token })));
      bystanders.push(...batch.map((c) => new Bystander(c)));
    }
    const mod = new Bystander(moderator);
    const secondTabs = await Promise.all(bystanderIds.slice(0, OVERSIZED).map((p) => connect(t, { code: ev.code, token: p.token })));

    const common = { url: t.url, code: ev.code, durationMs: ATTACK_MS };
    const attackers = {
      flood: startAttacker({ ...common, mode: 'flood', tokens: [flooderId!.token], rate: FLOOD_RATE, ackShare: 0.5, questionId: ids[999], pollId: poll.poll.id }),
      slow: startAttacker({ ...common, mode: 'slow', tokens: [slowId!.token], rate: 5_000, questionId: ids[998] }),
      snapshots: startAttacker({ ...common, mode: 'snapshots', tokens: looperIds.map((p) => p.token), retryMs: 250 }),
    };
    await Promise.all(Object.values(attackers).map((a) => a.ready));
    stage('connected, attackers ready');
    const setupMs = Date.now() - began;

    // ---- measuring: phases, RSS, /healthz ----
    const record = new Record_();
    let phase: Phase = 'calm';
    const phaseNow = () => phase;
    const rss: Record<Phase, number[]> = { calm: [], attack: [], after: [] };
    const cpu: Record<Phase, number> = { calm: 0, attack: 0, after: 0 };
    let lastCpu = cpuMs(pid);
    const rssTimer = setInterval(() => {
      rss[phase].push(vmRssMb(pid));
      const now = cpuMs(pid);
      cpu[phase] += now - lastCpu;
      lastCpu = now;
    }, 250);
    let probing = true;
    const healthz = (async () => {
      while (probing) {
        const p = phase;
        const t0 = performance.now();
        try {
          const res = await fetch(`${t.url}/healthz`, { signal: AbortSignal.timeout(5_000) });
          await res.text();
          if (res.status !== 200) record.failures.push(`/healthz answered ${res.status}`);
        } catch (err) {
          record.failures.push(`/healthz: ${(err as Error).message}`);
        }
        record.add(p, 'healthz', performance.now() - t0);
        await sleep(100);
      }
    })();

    // ---- the bystanders' ordinary work: every ~2 s a vote toggle on their own question (so the
    // expected count is known), sometimes a question or the poll answer; the moderator stars ----
    let working = true;
    const asked = new Map<number, number>();
    const answered = new Set<number>();
    const actions: Record<string, number> = {};
    const bystanderLoop = async (i: number) => {
      const b = bystanders[i]!;
      const q = ids[i]!;
      let voted = false;
      await sleep(Math.random() * 2_000);
      while (working) {
        const roll = Math.random();
        const who = `bystander ${i}`;
        if (roll < 0.06 && (asked.get(i) ?? 0) < 2) {
          asked.set(i, (asked.get(i) ?? 0) + 1);
          actions.ask = (actions.ask ?? 0) + 1;
          await b.act('qa:ask', { text: `Frage von Gast ${i}, Nummer ${asked.get(i)}: geht das auch im Sturm?` }, (d, ack) => d.changes.some((c) => c.type === 'question:upsert' && c.question.id === ack.question.id), record, phaseNow, who);
        } else if (roll < 0.12 && !answered.has(i)) {
          answered.add(i);
          actions.answer = (actions.answer ?? 0) + 1;
          await b.act('polls:answer', { pollId: poll.poll.id, answer: { type: 'single', optionId: i % 2 ? 'a' : 'b' } }, null, record, phaseNow, who);
        } else {
          voted = !voted;
          const expected = voted ? 1 : 0;
          actions.vote = (actions.vote ?? 0) + 1;
          await b.act('qa:vote', { id: q, up: voted }, (d) => d.changes.some((c) => c.type === 'question:votes' && c.counts[q] === expected), record, phaseNow, who);
        }
        await sleep(1_500 + Math.random() * 1_000);
      }
    };
    const moderatorLoop = async () => {
      let n = 0;
      while (working) {
        const q = ids[500 + (n % 100)]!;
        const starred = Math.floor(n / 100) % 2 === 0;
        n += 1;
        actions.star = (actions.star ?? 0) + 1;
        await mod.act('qa:star', { id: q, starred }, (d) => d.changes.some((c) => c.type === 'question:upsert' && c.question.id === q), record, phaseNow, 'moderator');
        await sleep(400);
      }
    };
    const loops = [...bystanders.map((_, i) => bystanderLoop(i)), moderatorLoop()];

    await sleep(CALM_MS);
    const baselineMb = Math.max(...rss.calm);

    // ---- the attack ----
    phase = 'attack';
    const attackStart = Date.now();
    for (const a of Object.values(attackers)) a.go();
    // Oversized frames two seconds in: each second tab sends a 20 KB question (the limit is 16,000 bytes).
    await sleep(2_000);
    const oversizedResults = await Promise.all(
      secondTabs.map(async (tab) => {
        void tab.send('qa:ask', { text: 'x'.repeat(20_000) }, 5_000).catch(() => undefined);
        for (let k = 0; k < 300 && tab.disconnectReason === null; k++) await sleep(10);
        return tab.disconnectReason;
      }),
    );
    const reports = {
      flood: await attackers.flood.result,
      slow: await attackers.slow.result,
      snapshots: await attackers.snapshots.result,
    };
    const attackMs = Date.now() - attackStart;

    // ---- after: the bystanders carry on ----
    phase = 'after';
    await sleep(AFTER_MS);
    working = false;
    await Promise.all(loops);
    probing = false;
    await healthz;
    clearInterval(rssTimer);
    const metrics = (await api(t.url, '/metrics')).text;
    const attendeeSockets = sample(metrics, 'plenum_sockets{role="attendee"}');
    const droppedFlooding = sample(metrics, 'plenum_dropped_sockets_total{reason="flooding"}');
    const droppedSlow = sample(metrics, 'plenum_dropped_sockets_total{reason="slow_reader"}');
    for (const b of bystanders) b.client.close();
    moderator.close();

    // ---- the report ----
    const flood = reports.flood;
    const fid = flood.identities[0]!;
    const slow = reports.slow;
    const sid = slow.identities[0]!;
    const snap = reports.snapshots;
    const loopers = snap.identities;
    const sum = (f: (r: (typeof loopers)[number]) => number) => loopers.reduce((a, r) => a + f(r), 0);
    const refusedAll = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    const maxMb = Math.max(...rss.attack, ...rss.after);
    const afterMb = rss.after.slice(-4);
    const settledMb = Math.max(...afterMb);
    const largest = Math.max(...loopers.map((r) => r.largestAnswer));
    const lines = [
      '',
      `flooding suite (issue 12, suite 3): server pid ${pid} (own process, SQLite), ${QUESTIONS} questions (snapshot ${fmt(largest / 1024)} KB), 1 open poll; setup ${fmt(setupMs)} ms (${stages.join(', ')})`,
      `load generators: 3 processes at nice ${GENERATOR_NICE} sharing the machine's ${cpus().length} cores with the server and this process (the bystanders)`,
      '| who | tried | found |',
      '| --- | --- | --- |',
      `| flooder (1 identity) | aimed at ${fmt(FLOOD_RATE)} msg/s for ${fmt(flood.durationMs)} ms; sent ${fmt(flood.sent)} (${fmt(flood.sentWithAck)} with ack, ${fmt(flood.sentWithoutAck)} without; ${Object.entries(flood.sentByKind).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}) in ${fmt(flood.connectedMs)} ms connected = ${fmt(flood.sent / Math.max(1, flood.connectedMs / 1000))} msg/s achieved | acked ok ${fmt(fid.ok)}, refused ${fmt(refusedAll(fid.refused))} (${JSON.stringify(fid.refused)}), acks lost with the connection ${fmt(flood.acksLost)}; dropped ${fid.drops}× (first after ${fmt(fid.firstDropAfterMs ?? -1)} ms); handshakes ok ${fid.handshakesOk}, refused ${fmt(refusedAll(fid.handshakesRefused))} (${JSON.stringify(fid.handshakesRefused)}) |`,
      `| slow reader (1 identity, TCP paused) | votes with acks at ${fmt(5_000)}/s: sent ${fmt(slow.sent)} | dropped ${sid.drops}× (first after ${fmt(sid.firstDropAfterMs ?? -1)} ms), handshakes refused ${fmt(refusedAll(sid.handshakesRefused))} (${JSON.stringify(sid.handshakesRefused)}) |`,
      `| snapshot loops (${LOOPERS} identities) | ${fmt(snap.sent)} snapshot requests | ok ${fmt(sum((r) => r.ok))} (at most ${Math.max(...loopers.map((r) => r.okBeforeFirstRefusal ?? r.ok))} per identity before the first refusal), refused ${fmt(sum((r) => refusedAll(r.refused)))}; ${loopers.filter((r) => r.drops > 0).length}/${LOOPERS} dropped, handshakes refused ${fmt(sum((r) => refusedAll(r.handshakesRefused)))} (${JSON.stringify(loopers.reduce<Record<string, number>>((acc, r) => { for (const [k, v] of Object.entries(r.handshakesRefused)) acc[k] = (acc[k] ?? 0) + v; return acc; }, {}))}), ok ${fmt(sum((r) => r.handshakesOk))} |`,
      `| oversized frames (${OVERSIZED} second tabs) | one 20 KB frame each | ${oversizedResults.filter((r) => r !== null).length}/${OVERSIZED} connections dropped (${[...new Set(oversizedResults)].join(', ')}); their identities' first tabs kept working |`,
      `| server (/metrics) | | dropped for flooding ${droppedFlooding}, as slow readers ${droppedSlow}; attendee sockets at the end ${attendeeSockets} (the ${BYSTANDERS} bystanders) |`,
      ...PHASES.map((p) => `| ${BYSTANDERS} bystanders + moderator, ${p} | ${p === 'attack' ? `${fmt(attackMs)} ms` : `${fmt(p === 'calm' ? CALM_MS : AFTER_MS)} ms`} | acks ${stats(record.get(p, 'ack'))}; visible ${stats(record.get(p, 'visible'))}; /healthz ${stats(record.get(p, 'healthz'))} |`),
      `| server CPU (/proc/<pid>/stat) | | calm ${fmt((cpu.calm / CALM_MS) * 100)} %, attack ${fmt((cpu.attack / attackMs) * 100)} %, after ${fmt((cpu.after / AFTER_MS) * 100)} % of one core; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} |`,
      `| server RSS (VmRSS every 250 ms) | | calm max ${fmt(baselineMb)} MB; attack max ${fmt(Math.max(...rss.attack))} MB; after max ${fmt(Math.max(...rss.after))} MB, last second ${fmt(settledMb)} MB |`,
      `bystander actions: ${JSON.stringify(actions)}; failures: ${record.failures.length}${record.failures.length ? `\n  ${record.failures.slice(0, 20).join('\n  ')}` : ''}`,
      '',
    ];
    console.log(lines.join('\n'));

    // ---- what must hold ----
    expect(record.failures).toEqual([]);
    // The flooder: dropped (its refusals were discarded with its queue), then refused at the handshake while cooling down.
    expect(fid.drops).toBeGreaterThanOrEqual(1);
    expect(fid.handshakesRefused.rate_limited ?? 0).toBeGreaterThan(0);
    // The slow reader is dropped.
    expect(sid.drops).toBeGreaterThanOrEqual(1);
    // Every snapshot loop: limited to its bucket (10, refilled at one a second), refused, then dropped.
    for (const r of loopers) {
      expect(r.ok).toBeLessThanOrEqual(10 + Math.ceil(snap.durationMs / 1000));
      expect(r.refused.rate_limited ?? 0).toBeGreaterThan(0);
      expect(r.drops).toBeGreaterThanOrEqual(1);
    }
    // Oversized frames: each drops its own connection; the bystanders' loops above kept working.
    expect(oversizedResults.every((r) => r !== null)).toBe(true);
    expect(attendeeSockets).toBe(BYSTANDERS);
    // The server counted its drops: the flooder, the slow reader and every snapshot loop.
    expect((droppedFlooding ?? 0) + (droppedSlow ?? 0)).toBeGreaterThanOrEqual(2 + LOOPERS);
    // The bystanders' p99 in every phase: the target printed, the bound asserted; calm and after must meet the target.
    const verdicts: string[] = [];
    for (const p of PHASES) {
      for (const kind of ['ack', 'visible', 'healthz']) {
        expect(record.get(p, kind).length).toBeGreaterThan(0);
        const p99 = quantile(record.get(p, kind), 0.99);
        verdicts.push(`${p} ${kind} p99 ${fmt(p99)} ms ${p99 < P99_TARGET_MS ? 'meets' : 'MISSES'} the ${P99_TARGET_MS} ms target`);
        expect(p99, `${p} ${kind} p99`).toBeLessThan(p === 'attack' ? P99_BOUND_MS : P99_TARGET_MS);
      }
    }
    console.log(verdicts.join('\n'));
    // Memory: what the attack may hold at most is one snapshot in flight per looping socket, one slow reader's
    // buffer cap (8 MB) and what V8 grows its heap by under load (HEAP_SLACK_MB); once the attackers are gone,
    // only the heap slack may stay (V8 keeps grown heap pages; the buffers themselves must be given back).
    const boundMb = (LOOPERS * largest) / 2 ** 20 + 8 + HEAP_SLACK_MB;
    console.log(`RSS bound: calm max ${fmt(baselineMb)} MB + ${fmt(boundMb)} MB (${LOOPERS} × ${fmt(largest / 1024)} KB + 8 MB + ${HEAP_SLACK_MB} MB); after: + ${HEAP_SLACK_MB} MB`);
    expect(maxMb - baselineMb).toBeLessThan(boundMb);
    expect(settledMb - baselineMb).toBeLessThan(HEAP_SLACK_MB);
  });
});
