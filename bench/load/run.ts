/**
 * npm run bench:load -- --attendees A --moderators M --questions Q --upvotes U --duration D
 *                       [--poll-burst] [--find-max] [--baseline] [--nodes N] [--json FILE]
 *
 * One benchmark of a whole event. It builds the production server (`npm run build`: client + compiled
 * server, run without tsx), starts it on an empty temporary database with JOIN_LIMIT_PER_MINUTE raised for
 * the run, creates an event over REST, joins A attendees, connects them and M moderators as lite clients
 * (bench/qa/loadgen.ts: ~200 attendee probes and every moderator parse everything, the rest count frames),
 * then drives D seconds of questions at Q/s and upvotes at U/s. Latency runs from each message's intended
 * send time (no coordinated omission) to the change in a probe's state, for attendees and moderators apart.
 * --poll-burst: every attendee answers one poll within 5 s. --find-max: raises the upvote rate until the
 * attendee p99 passes 500 ms and reports the last passing rate. --baseline: the bare Socket.IO server of
 * ../shared/bench-baseline in plain and batch mode with the same clients and rate, first, and the ratios.
 */
import { availableParallelism, loadavg } from 'node:os';
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { senderCount } from '../qa/core.js';
import { processRssBytes } from '../qa/proc.js';
import {
  buildProduction, ensureBaseline, killAllChildren, OutputTail, removeStaleDataDirs, repoRoot, spawnNode, startBaseline, startPlenum, stopChild,
  type PlenumRunning, type Running,
} from '../qa/servers.js';
import {
  ArgError, clusterBlocker, deliveredPerSec, fmtMs, maxSustained, nextFindMaxRate, parseLoadArgs, pct, ratioOrNull, renderTable, toJson,
  type BaselineFigures, type LoadArgs, type LoadResult, type Summary, type Trial,
} from './core.js';

let args: LoadArgs;
try {
  args = parseLoadArgs(process.argv.slice(2));
} catch (err) {
  if (!(err instanceof ArgError)) throw err;
  console.error(`bench:load: ${err.message}`);
  process.exit(64);
}

const serverHasCluster = /REDIS_URL/.test(readFileSync(join(repoRoot, 'server/config.ts'), 'utf8'));
const blocker = clusterBlocker(args.nodes, process.env, serverHasCluster);
if (blocker) {
  console.error(`bench:load: ${blocker}`);
  process.exit(2);
}

const DRAIN_MS = 5000;
const WARMUP_MS = 2000;
const POLL_WINDOW_MS = 5000;
const QUESTIONS_FOR_VOTES = 50;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const log = (m: string) => console.log(m);
const tempDirs: string[] = [];

function cleanupSync(): void {
  killAllChildren();
  for (const d of tempDirs.splice(0)) rmSync(d, { recursive: true, force: true });
}
process.on('exit', cleanupSync);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => {
    cleanupSync();
    process.exit(130);
  });
}
const globalTimer = setTimeout(() => {
  console.error(`GLOBAL TIMEOUT after ${args.timeoutS} s: stopping everything`);
  cleanupSync();
  process.exit(3);
}, args.timeoutS * 1000);

// ---------------------------------------------------------------- load generator over IPC

class LoadGen {
  private nextId = 1;
  readonly tail: OutputTail;
  constructor(readonly child: ChildProcess) {
    this.tail = new OutputTail(child);
    child.stderr?.on('data', (b: Buffer) => process.stderr.write(b));
  }
  call<T>(cmd: string, a: Record<string, unknown>, timeoutMs: number): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((res, rej) => {
      const t = setTimeout(() => {
        cleanup();
        rej(new Error(`load generator: ${cmd} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      const onExit = () => {
        cleanup();
        rej(new Error(`load generator exited during ${cmd}\n${this.tail.text()}`));
      };
      const onMsg = (m: { id: number; ok: boolean; out?: unknown; error?: string }) => {
        if (m.id !== id) return;
        cleanup();
        if (m.ok) res(m.out as T);
        else rej(new Error(`load generator: ${cmd} failed: ${m.error}`));
      };
      const cleanup = () => {
        clearTimeout(t);
        this.child.off('message', onMsg);
        this.child.off('exit', onExit);
      };
      this.child.on('message', onMsg);
      this.child.once('exit', onExit);
      this.child.send({ id, cmd, ...a });
    });
  }
}

/** Numbers that were not finite travel as strings ("Infinity"). */
const n2 = (v: unknown): number => (typeof v === 'number' ? v : Number(v));
const sum = (v: unknown): Summary => {
  const s = v as Record<string, unknown>;
  return { p50: n2(s.p50), p95: n2(s.p95), p99: n2(s.p99), max: n2(s.max), samples: n2(s.samples), undelivered: n2(s.undelivered) };
};

interface StepOut {
  rate: number;
  sent: number;
  samples: number;
  undelivered: number;
  probes: number;
  p50: unknown;
  p95: unknown;
  p99: unknown;
  ackP99: unknown;
  measuredMs: number;
  srvCpuPct: number;
  rssMaxMB: number;
  disconnects: number;
  errors: Record<string, number>;
  askErrors?: Record<string, number>;
  otherCpuPct: number;
  lgCpuPct: number;
  sendLagMs: number;
  latency?: { attendee: { all: unknown; votes: unknown; questions: unknown }; moderator: { all: unknown; votes: unknown; questions: unknown } | null };
  lostAcks?: number;
  askAck?: unknown;
  questionsSent?: number;
  questionsLive?: number;
  seqGaps?: number;
  unresolvedVotes?: number;
}

/** Each attendee may vote 20 times per 10 s: at most ~1.5/s each keeps the bucket from running dry. */
const findMaxCeiling = (attendees: number) => Math.floor(attendees * 1.5);
const stepTimeout = (durMs: number) => durMs + DRAIN_MS + 120_000;
const countErrors = (e: Record<string, number> | undefined) => Object.values(e ?? {}).reduce((a, b) => a + b, 0);

// ---------------------------------------------------------------- the three servers

async function measureBaseline(lg: LoadGen, dir: string, mode: 'plain' | 'batch'): Promise<{ figures: BaselineFigures; step: StepOut; loadAvg: string }> {
  let srv: Running | null = null;
  const senders = senderCount(args.upvotes, args.attendees);
  try {
    srv = await startBaseline(dir, undefined, mode);
    const conn = await lg.call<Record<string, unknown>>('connectBaseline', { url: srv.url, n: args.attendees + args.moderators, probes: args.probes, senders }, 300_000);
    log(`  baseline ${mode}: ${JSON.stringify(conn)}`);
    await lg.call('step', { rate: Math.min(args.upvotes, 50), durMs: WARMUP_MS, drainMs: 2000, senders, serverPid: srv.pid, record: false }, stepTimeout(WARMUP_MS));
    const durMs = args.duration * 1000;
    // Plenum's bound: a bare batch server that falls far behind floods the load generator, whose step then
    // ends late (its drain is bounded, its event loop is not); with 30 s of slack it was "not measured" on a
    // slower machine, so no ratio at all.
    const step = await lg.call<StepOut>('step', { rate: args.upvotes, durMs, drainMs: DRAIN_MS, senders, serverPid: srv.pid, record: true }, stepTimeout(durMs));
    await lg.call('close', {}, 60_000);
    const figures: BaselineFigures = {
      mode,
      latencyMs: { p50: n2(step.p50), p95: n2(step.p95), p99: n2(step.p99) },
      deliveredPerSec: deliveredPerSec(step.samples, step.undelivered, step.probes, step.measuredMs),
      serverCpuPct: step.srvCpuPct,
      serverRssMb: step.rssMaxMB,
    };
    return { figures, step, loadAvg: load() };
  } finally {
    if (srv) await stopChild(srv.child);
  }
}

interface PlenumRun {
  connect: Record<string, unknown>;
  main: StepOut;
  mainLoadAvg: string;
  converged: Record<string, unknown>;
  pollBurst?: Record<string, unknown>;
  findMax?: Array<Trial & { p99: number; lostAcks: number; loadAvg: string; srvCpuPct: number; otherCpuPct: number }>;
  serverProblems: number;
  serverTail: string;
  idleRssMb: number;
}

async function measurePlenum(lg: LoadGen): Promise<PlenumRun> {
  const nodes: PlenumRunning[] = [];
  // A venue's attendees share one address; so do the benchmark's.
  const env = { JOIN_LIMIT_PER_MINUTE: String(Math.max(3000, 2 * (args.attendees + args.moderators))) };
  const runtime = args.tsx ? 'tsx' : 'dist';
  try {
    const first = await startPlenum(args.cpuProf ? resolve(args.cpuProf) : undefined, env, { runtime });
    nodes.push(first);
    tempDirs.push(first.dataDir);
    for (let i = 1; i < args.nodes; i++) nodes.push(await startPlenum(undefined, env, { runtime, dataDir: first.dataDir, bare: true }));
    const modToken = new URL(first.links.moderator).searchParams.get('token')!;
    // --find-max may raise the rate up to the attendees' vote budget: enough senders for its ceiling from the start.
    const senders = senderCount(args.findMax ? findMaxCeiling(args.attendees) : args.upvotes, args.attendees);
    const extraPids = nodes.slice(1).map((n) => n.pid);
    const connect = await lg.call<Record<string, unknown>>(
      'connectPlenum',
      { url: first.url, urls: nodes.map((n) => n.url), code: first.code, n: args.attendees, probes: args.probes, senders, moderatorTokens: Array.from({ length: args.moderators }, () => modToken) },
      900_000,
    );
    const idleRssMb = nodes.reduce((a, n) => a + processRssBytes(n.pid), 0) / 1048576;
    log(`  plenum: ${JSON.stringify(connect)}, server RSS ${idleRssMb.toFixed(0)} MB, load ${load()}`);
    const asked = await lg.call<{ asked: number; live: number; errors: Record<string, number> }>('ask', { count: QUESTIONS_FOR_VOTES }, 60_000);
    if (asked.live === 0) throw new Error(`no live question to vote on: ${JSON.stringify(asked.errors)}`);
    const stepArgs = (rate: number, durMs: number, record: boolean) => ({
      rate, durMs, drainMs: DRAIN_MS, senders: senderCount(rate, args.attendees), serverPid: first.pid, extraPids, record, questionsPerSec: args.questions,
    });
    await lg.call('step', { ...stepArgs(Math.max(1, Math.round(senders / 4)), WARMUP_MS, false), questionsPerSec: 0 }, stepTimeout(WARMUP_MS));
    const durMs = args.duration * 1000;
    const main = await lg.call<StepOut>('step', stepArgs(args.upvotes, durMs, true), stepTimeout(durMs));
    const mainLoadAvg = load();
    log(`  main step done, load ${mainLoadAvg}`);
    const converged = await lg.call<Record<string, unknown>>('converge', {}, 30_000);
    const out: PlenumRun = { connect, main, mainLoadAvg, converged, serverProblems: first.tail.problems, serverTail: '', idleRssMb };
    if (args.pollBurst) {
      await sleep(2000);
      out.pollBurst = await lg.call<Record<string, unknown>>('pollBurst', { windowMs: POLL_WINDOW_MS, drainMs: 20_000 }, 120_000);
      log(`  poll burst: ${JSON.stringify(out.pollBurst)}`);
    }
    if (args.findMax) {
      const ceiling = findMaxCeiling(args.attendees);
      const trials: NonNullable<PlenumRun['findMax']> = [];
      for (let rate = nextFindMaxRate(args.upvotes, [], { factor: 1.5, precision: 0.1, maxSteps: 8, ceiling }); rate !== null; ) {
        await sleep(3000);
        const s = await lg.call<StepOut>('step', stepArgs(rate, durMs, true), stepTimeout(durMs));
        const p99 = sum(s.latency!.attendee.all).p99;
        const pass = p99 < args.boundMs && (s.lostAcks ?? 0) === 0;
        trials.push({ rate, pass, p99, lostAcks: s.lostAcks ?? 0, loadAvg: load(), srvCpuPct: s.srvCpuPct, otherCpuPct: s.otherCpuPct });
        // An infinite p99 means samples that never arrived: say which (refusals, votes never resolved, deltas a probe missed).
        const missing = p99 === Infinity ? `; undelivered ${s.undelivered}, vote errors ${JSON.stringify(s.errors)}, ask errors ${JSON.stringify(s.askErrors ?? {})}, unresolved votes ${s.unresolvedVotes ?? 0}, disconnects ${s.disconnects}` : '';
        log(`  find-max: ${rate}/s → attendee p99 ${fmtMs(p99)} ms, lost acks ${s.lostAcks}, ${pass ? 'pass' : 'FAIL'} (server CPU ${s.srvCpuPct.toFixed(0)} %, other ${s.otherCpuPct.toFixed(0)} %, load ${load()})${missing}`);
        rate = nextFindMaxRate(args.upvotes, trials, { factor: 1.5, precision: 0.1, maxSteps: 8, ceiling });
      }
      out.findMax = trials;
    }
    await lg.call('close', {}, 60_000);
    out.serverProblems = first.tail.problems;
    out.serverTail = first.tail.problems ? first.tail.text() : '';
    return out;
  } finally {
    for (const n of nodes) await stopChild(n.child);
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const t0 = Date.now();
  log(`# bench:load ${JSON.stringify(args)}`);
  log(`  load average at start: ${load()} (${availableParallelism()} cores)`);
  removeStaleDataDirs();
  if (!args.noBuild && !args.tsx) {
    log('  building the production server (npm run build)…');
    await buildProduction();
  }
  const blDir = await ensureBaseline();
  const startLg = async () => {
    const child = spawnNode(['--import', 'tsx', join(repoRoot, 'bench/qa/loadgen.ts')], { cwd: repoRoot, env: { ...process.env, QA_WS_DIR: blDir }, ipc: true });
    const gen = new LoadGen(child);
    await gen.call('init', { cores: availableParallelism() }, 30_000);
    return gen;
  };
  let lg = await startLg();
  let lgChild = lg.child;
  /** A bare server drowning in its own fan-out can stall the load generator: report that, go on with a fresh one. */
  const tryBaseline = async (mode: 'plain' | 'batch') => {
    try {
      return await measureBaseline(lg, blDir, mode);
    } catch (err) {
      log(`  baseline ${mode} could not be measured: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      await stopChild(lgChild, 2000);
      lg = await startLg();
      lgChild = lg.child;
      return null;
    }
  };
  try {
    const baseline = args.baseline ? { plain: await tryBaseline('plain'), batch: await tryBaseline('batch') } : null;
    const plenum = await measurePlenum(lg);
    const m = plenum.main;
    const att = sum(m.latency!.attendee.all);
    const mod = m.latency!.moderator ? sum(m.latency!.moderator.all) : null;
    const attVotes = sum(m.latency!.attendee.votes);
    const plenumDelivered = deliveredPerSec(attVotes.samples, attVotes.undelivered, m.probes, m.measuredMs);
    const nanP = { p50: NaN, p95: NaN, p99: NaN };
    const result: LoadResult = {
      attendees: args.attendees,
      moderators: args.moderators,
      questionsPerSec: args.questions,
      upvotesPerSec: args.upvotes,
      durationS: args.duration,
      latencyMs: { attendee: pct(att), moderator: mod ? pct(mod) : nanP },
      lostAcks: m.lostAcks ?? 0,
      errors: countErrors(m.errors) + countErrors(m.askErrors),
      serverCpuPct: m.srvCpuPct,
      serverRssMb: m.rssMaxMB,
      nodes: args.nodes,
      runtime: args.tsx ? 'tsx' : 'dist',
      loadAverage: { main: plenum.mainLoadAvg },
      otherCpuPct: m.otherCpuPct,
      loadGenCpuPct: m.lgCpuPct,
      connect: plenum.connect,
      detail: {
        attendee: { votes: attVotes, questions: sum(m.latency!.attendee.questions) },
        moderator: m.latency!.moderator ? { votes: sum(m.latency!.moderator.votes), questions: sum(m.latency!.moderator.questions) } : null,
        ackP99Ms: n2(m.ackP99),
        askAck: m.askAck,
        sent: m.sent,
        questionsSent: m.questionsSent,
        questionsLive: m.questionsLive,
        errorCodes: { votes: m.errors, questions: m.askErrors },
        seqGaps: m.seqGaps,
        unresolvedVotes: m.unresolvedVotes,
        disconnects: m.disconnects,
        sendLagMs: m.sendLagMs,
        deliveredUpvotesPerSec: plenumDelivered,
        converged: plenum.converged,
        serverWarnings: plenum.serverProblems,
      },
    };
    if (plenum.pollBurst) result.pollBurst = plenum.pollBurst;
    if (plenum.findMax) {
      result.maxSustainedUpvotesPerSec = maxSustained(plenum.findMax);
      result.findMax = plenum.findMax;
    }
    if (baseline) {
      // A bare server that could not be measured (stalled) delivered nothing we could count: its figures are null.
      const none = (mode: 'plain' | 'batch'): BaselineFigures => ({ mode, latencyMs: nanP, deliveredPerSec: NaN, serverCpuPct: NaN, serverRssMb: NaN });
      result.baseline = {
        plain: baseline.plain?.figures ?? none('plain'),
        batch: baseline.batch?.figures ?? none('batch'),
        ratios: {
          vsPlain: baseline.plain ? ratioOrNull(plenumDelivered, baseline.plain.figures.deliveredPerSec) : null,
          vsBatch: baseline.batch ? ratioOrNull(plenumDelivered, baseline.batch.figures.deliveredPerSec) : null,
        },
      };
      (result.loadAverage as Record<string, string>).baselinePlain = baseline.plain?.loadAvg ?? 'not measured';
      (result.loadAverage as Record<string, string>).baselineBatch = baseline.batch?.loadAvg ?? 'not measured';
    }

    const rows: Array<Record<string, string>> = [];
    const row = (server: string, who: string, p: { p50: number; p95: number; p99: number }, delivered: number | null, cpu: number, rss: number, other: number) =>
      rows.push({
        server, audience: who, 'p50 ms': fmtMs(p.p50), 'p95 ms': fmtMs(p.p95), 'p99 ms': fmtMs(p.p99),
        'delivered/s': delivered === null ? '' : delivered.toFixed(0), 'srv CPU %': cpu.toFixed(0), 'RSS MB': rss.toFixed(0), 'other CPU %': other.toFixed(0),
      });
    if (baseline) {
      for (const b of [baseline.plain, baseline.batch]) if (b) row(`bare ${b.figures.mode}`, 'all', b.figures.latencyMs, b.figures.deliveredPerSec, b.figures.serverCpuPct, b.figures.serverRssMb, b.step.otherCpuPct);
    }
    row('plenum', 'attendees', result.latencyMs.attendee, plenumDelivered, m.srvCpuPct, m.rssMaxMB, m.otherCpuPct);
    row('plenum', 'moderators', result.latencyMs.moderator, null, m.srvCpuPct, m.rssMaxMB, m.otherCpuPct);
    log('');
    log(`${args.attendees} attendees + ${args.moderators} moderators, ${args.upvotes} upvotes/s + ${args.questions} questions/s for ${args.duration} s, ${args.nodes} node(s), server ${result.runtime}`);
    log(renderTable(rows));
    log(`lost acks ${result.lostAcks}, errors ${result.errors} ${JSON.stringify(result.detail)}`);
    if (result.baseline) {
      const r = result.baseline.ratios;
      log(`Plenum/bare delivered updates per second: ×${r.vsPlain?.toFixed(1) ?? 'n/a'} vs plain, ×${r.vsBatch?.toFixed(2) ?? 'n/a'} vs 50 ms batch`);
    }
    if (result.pollBurst) log(`poll burst: ${JSON.stringify(result.pollBurst)}`);
    if (result.findMax) log(`find-max: last passing rate ${result.maxSustainedUpvotesPerSec ?? 'none'}/s (attendee p99 < ${args.boundMs} ms)`);
    log(`load average ${load()}; other CPU % = the rest of the machine during the main step (above ~20 the figures are disturbed)`);
    if (plenum.serverTail) log(`server output:\n${plenum.serverTail}`);
    if (args.json) {
      const file = resolve(args.json);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, toJson({ ...result, when: new Date().toISOString(), elapsedS: Math.round((Date.now() - t0) / 1000) }) + '\n');
      log(`wrote ${file}`);
    }
    await lg.call('exit', {}, 5000).catch(() => undefined);
  } finally {
    await stopChild(lgChild, 2000);
  }
}

main().then(
  () => {
    clearTimeout(globalTimer);
    cleanupSync();
    process.exit(0);
  },
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    cleanupSync();
    process.exit(1);
  },
);
