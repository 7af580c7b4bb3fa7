/**
 * Live Q&A fan-out benchmark: `npx tsx bench/qa/run.ts [--n 2000] [--rate 200] [--dur 10000] [--quick]`.
 *
 * In one run, against the same load generator (one process, N "lite" raw-ws clients), it measures
 *   - the bare Socket.IO baseline (shared/bench-baseline, MODE=batch: one broadcast per 50 ms tick), where
 *     senders emit `m` at R msg/s and everyone receives `b` batches; latency = probe receipt − intended send;
 *   - Plenum, where senders toggle `qa:vote` at R votes/s over ~50 live questions and everyone receives the
 *     coalesced `sync:delta`; latency = when a probe received the delta that carries the vote − intended
 *     send (the delta is identified on the sender's own socket: the first delta after its ack).
 * and prints one table with the ratios Plenum/baseline. JSON goes to bench/results/ (git-ignored).
 */
import { availableParallelism } from 'node:os';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ChildProcess } from 'node:child_process';
import { fmt, ratio, senderCount, table, type Row } from './core.js';
import { processRssBytes } from './proc.js';
import { ensureBaseline, killAllChildren, OutputTail, removeStaleDataDirs, repoRoot, spawnNode, startBaseline, startPlenum, stopChild, type PlenumRunning, type Running } from './servers.js';

const { values: argv } = parseArgs({
  options: {
    n: { type: 'string' },
    rate: { type: 'string', default: '200' },
    dur: { type: 'string' },
    quick: { type: 'boolean', default: false },
    probes: { type: 'string', default: '200' },
    questions: { type: 'string', default: '50' },
    drain: { type: 'string', default: '5000' },
    timeout: { type: 'string', default: '300000' },
    /** Folder for V8 CPU profiles of both servers (written when they stop). */
    'cpu-prof': { type: 'string' },
  },
  strict: true,
});

const num = (v: string | undefined, name: string, dflt: number): number => {
  const x = v === undefined ? dflt : Number(v);
  if (!Number.isFinite(x) || x <= 0) throw new Error(`--${name} must be a positive number`);
  return x;
};
const N = Math.round(num(argv.n, 'n', argv.quick ? 500 : 2000));
const RATE = num(argv.rate, 'rate', 200);
const DUR = Math.round(num(argv.dur, 'dur', argv.quick ? 5000 : 10_000));
const PROBES = Math.round(num(argv.probes, 'probes', 200));
const QUESTIONS = Math.round(num(argv.questions, 'questions', 50));
const DRAIN = Math.round(num(argv.drain, 'drain', 5000));
const TIMEOUT = Math.round(num(argv.timeout, 'timeout', 300_000));
const SENDERS = senderCount(RATE, N);
const WARMUP_MS = 2000;
const profDir = argv['cpu-prof'] ? resolve(argv['cpu-prof']) : undefined;

// ---------------------------------------------------------------- cleanup on every way out

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
  console.error(`GLOBAL TIMEOUT after ${TIMEOUT} ms: stopping everything`);
  cleanupSync();
  process.exit(2);
}, TIMEOUT);

// ---------------------------------------------------------------- load generator RPC

interface Reply {
  id: number;
  ok: boolean;
  out?: unknown;
  error?: string;
}

class LoadGen {
  private nextId = 1;
  readonly tail: OutputTail;
  constructor(readonly child: ChildProcess) {
    this.tail = new OutputTail(child);
    child.stderr?.on('data', (b: Buffer) => process.stderr.write(b));
  }

  call<T>(cmd: string, args: Record<string, unknown>, timeoutMs: number): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const t = setTimeout(() => {
        this.child.off('message', onMsg);
        reject(new Error(`load generator: ${cmd} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      const onExit = () => {
        clearTimeout(t);
        reject(new Error(`load generator exited during ${cmd}\n${this.tail.text()}`));
      };
      const onMsg = (m: Reply) => {
        if (m.id !== id) return;
        clearTimeout(t);
        this.child.off('message', onMsg);
        this.child.off('exit', onExit);
        if (m.ok) resolve(m.out as T);
        else reject(new Error(`load generator: ${cmd} failed: ${m.error}`));
      };
      this.child.on('message', onMsg);
      this.child.once('exit', onExit);
      this.child.send({ id, cmd, ...args });
    });
  }
}

/** Numbers that were not finite travel as strings ("Infinity", "NaN"). */
const n2 = (v: unknown): number => (typeof v === 'number' ? v : Number(v));

interface StepOut {
  server: 'baseline' | 'plenum';
  rate: number;
  durMs: number;
  senders: number;
  clients: number;
  connectedAtEnd: number;
  probes: number;
  sent: number;
  p50: unknown;
  p99: unknown;
  ackP50: unknown;
  ackP99: unknown;
  framesPerClientPerSec: number;
  srvCpuPct: number;
  usPerFrame: unknown;
  rssMaxMB: number;
  disconnects: number;
  errors: Record<string, number>;
  unresolvedVotes: number;
  seqGaps: number;
  lgCpuPct: number;
  otherCpuPct: number;
  [k: string]: unknown;
}

function toRow(n: number, s: StepOut): Row {
  return {
    server: s.server,
    n,
    connected: s.clients,
    rate: s.rate,
    senders: s.senders,
    sent: s.sent,
    durMs: s.durMs,
    p50: n2(s.p50),
    p99: n2(s.p99),
    ackP50: s.ackP50 === null ? null : n2(s.ackP50),
    ackP99: s.ackP99 === null ? null : n2(s.ackP99),
    framesPerClientPerSec: s.framesPerClientPerSec,
    srvCpuPct: s.srvCpuPct,
    usPerFrame: n2(s.usPerFrame),
    rssMaxMB: s.rssMaxMB,
    disconnects: s.disconnects,
    errors: Object.values(s.errors).reduce((a, b) => a + b, 0),
    lgCpuPct: s.lgCpuPct,
    otherCpuPct: s.otherCpuPct,
  };
}

const stepTimeout = () => DUR + DRAIN + 60_000;
const log = (msg: string) => console.log(msg);

async function measureBaseline(lg: LoadGen, blDir: string) {
  let srv: Running | null = null;
  try {
    srv = await startBaseline(blDir, profDir);
    const conn = await lg.call<Record<string, unknown>>('connectBaseline', { url: srv.url, n: N, probes: PROBES, senders: SENDERS }, 200_000);
    const idleRssMB = processRssBytes(srv.pid) / 1048576;
    log(`  baseline: ${JSON.stringify(conn)}, server rss ${idleRssMB.toFixed(1)} MB`);
    await lg.call('step', { rate: Math.min(RATE, 50), durMs: WARMUP_MS, drainMs: 2000, senders: SENDERS, serverPid: srv.pid, record: false }, stepTimeout());
    const step = await lg.call<StepOut>('step', { rate: RATE, durMs: DUR, drainMs: DRAIN, senders: SENDERS, serverPid: srv.pid, record: true }, stepTimeout());
    await lg.call('close', {}, 30_000);
    return { connect: conn, idleRssMB, step, serverProblems: srv.tail.problems };
  } finally {
    if (srv) await stopChild(srv.child);
  }
}

async function measurePlenum(lg: LoadGen) {
  let srv: PlenumRunning | null = null;
  try {
    srv = await startPlenum(profDir);
    tempDirs.push(srv.dataDir);
    const conn = await lg.call<Record<string, unknown>>('connectPlenum', { url: srv.url, code: srv.code, n: N, probes: PROBES, senders: SENDERS }, 330_000);
    const idleRssMB = processRssBytes(srv.pid) / 1048576;
    log(`  plenum: ${JSON.stringify(conn)}, server rss ${idleRssMB.toFixed(1)} MB`);
    const asked = await lg.call<{ asked: number; live: number; errors: Record<string, number> }>('ask', { count: QUESTIONS }, 60_000);
    log(`  plenum: ${asked.live}/${asked.asked} questions live ${JSON.stringify(asked.errors)}`);
    if (asked.live === 0) throw new Error('no live question to vote on');
    // Warm-up: a quarter vote per sender and second, so the per-attendee vote budget (20 per 10 s) stays for the step.
    const warm = await lg.call<{ errors: Record<string, number> }>(
      'step',
      { rate: Math.max(1, Math.round(SENDERS / 4)), durMs: WARMUP_MS, drainMs: 2000, senders: SENDERS, serverPid: srv.pid, record: false },
      stepTimeout(),
    );
    if (Object.keys(warm.errors).length) log(`  plenum warm-up errors: ${JSON.stringify(warm.errors)}`);
    const step = await lg.call<StepOut>('step', { rate: RATE, durMs: DUR, drainMs: DRAIN, senders: SENDERS, serverPid: srv.pid, record: true }, stepTimeout());
    const converged = await lg.call<Record<string, unknown>>('converge', {}, 30_000);
    await lg.call('close', {}, 30_000);
    return { connect: conn, idleRssMB, asked, step, converged, serverProblems: srv.tail.problems, serverTail: srv.tail.problems ? srv.tail.text() : '' };
  } finally {
    if (srv) await stopChild(srv.child);
  }
}

async function main(): Promise<void> {
  const t0 = Date.now();
  if (RATE / SENDERS > 2) {
    console.log(`WARNING: ${(RATE / SENDERS).toFixed(2)} votes/s per sender exceeds Plenum's 20 votes per 10 s per attendee: use a larger --n`);
  }
  console.log(`# Q&A fan-out: N=${N} rate=${RATE}/s dur=${DUR} ms senders=${SENDERS} (${(RATE / SENDERS).toFixed(2)}/s each) probes=${PROBES} questions=${QUESTIONS}`);
  removeStaleDataDirs();
  const blDir = await ensureBaseline();
  const lgChild = spawnNode(['--import', 'tsx', join(repoRoot, 'bench/qa/loadgen.ts')], {
    cwd: repoRoot,
    env: { ...process.env, QA_WS_DIR: blDir },
    ipc: true,
  });
  const lg = new LoadGen(lgChild);
  try {
    await lg.call('init', { cores: availableParallelism() }, 30_000);
    const baseline = await measureBaseline(lg, blDir);
    const plenum = await measurePlenum(lg);

    const rows = [toRow(N, baseline.step), toRow(N, plenum.step)];
    const cpuRatio = ratio(rows[1]!.usPerFrame, rows[0]!.usPerFrame);
    const p99Ratio = ratio(rows[1]!.p99, rows[0]!.p99);
    console.log('');
    console.log(table(rows));
    console.log('');
    const b = baseline.step;
    const p = plenum.step;
    console.log(
      `Plenum/baseline: CPU per delivered frame ×${fmt(cpuRatio, 2)}, p99 latency ×${fmt(p99Ratio, 2)} ` +
        `(server CPU per sent message: baseline ${fmt(n2(b.usPerMessage))} µs, Plenum ${fmt(n2(p.usPerMessage))} µs per vote)`,
    );
    console.log(
      `Plenum: vote errors ${JSON.stringify(p.errors)}, unresolved votes ${p.unresolvedVotes} ` +
        `(resolved by a delta not naming the question: ${String(p.resolvedByDeltaWithoutQuestion)}), seq gaps at probes ${p.seqGaps}, ` +
        `probes equal to a fresh snapshot ${String(plenum.converged.matching)}/${String(plenum.converged.probes)}, server warnings ${plenum.serverProblems}`,
    );
    console.log(`µs/frame = server CPU / frames the server delivered (events + acks) while measuring; other CPU % = the rest of the machine (noise).`);
    if (plenum.serverTail) console.log(`Plenum server output:\n${plenum.serverTail}`);

    const result = {
      when: new Date().toISOString(),
      args: { n: N, rate: RATE, durMs: DUR, probes: PROBES, questions: QUESTIONS, senders: SENDERS, drainMs: DRAIN },
      cores: availableParallelism(),
      baseline,
      plenum,
      ratios: { usPerFrame: cpuRatio, p99: p99Ratio },
      table: rows,
      elapsedMs: Date.now() - t0,
      notes: { baselineOther: b.otherCpuPct, plenumOther: p.otherCpuPct },
    };
    const dir = join(repoRoot, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `qa-n${N}-r${RATE}-${result.when.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(result, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 1));
    console.log(`wrote ${file} (${Math.round((Date.now() - t0) / 1000)} s)`);
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
    console.error(err instanceof Error ? err.message : err);
    cleanupSync();
    process.exit(1);
  },
);
