/**
 * The ONE load-generator process of the Q&A benchmark (driven by run.ts over IPC). It holds N lite clients
 * of either the bare Socket.IO baseline or Plenum, sends at a fixed rate from a subset of them, and
 * measures on evenly spaced probe clients; the rest only count frames. It also samples the server's CPU
 * and RSS from /proc at the exact edges of its measuring window.
 *
 * Latency is measured against each message's INTENDED send time, so a lagging load generator shows up as
 * latency instead of hiding it (no coordinated omission).
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AttendeeIssued } from '../../shared/people/index.js';
import type { CommandPayload } from '../../shared/socket.js';
import type { Delta, Snapshot, SnapshotPersonal } from '../../shared/socket.js';
import { assembleSnapshot } from '../../shared/snapshot.js';
import { PROTOCOL_VERSION } from '../../shared/version.js';
import { ackLatencies, evenlySpaced, Histogram, voteLatencies, voteQuestion, type VoteOutcome } from './core.js';
import { askerIndex, questionKey, questionText, rankLatencies, summary, keyOfQuestionText } from '../load/core.js';
import { LiteClient, type Counters, type WsCtor } from './lite.js';
import { machineStat, processCpuUs, processRssBytes } from './proc.js';

const wsDir = process.env.QA_WS_DIR;
if (!wsDir) throw new Error('QA_WS_DIR (the folder whose node_modules has ws) is required');
// The baseline's own copy of ws (with bufferutil), so both servers face the very same client code.
const WS = createRequire(join(wsDir, 'package.json'))('ws') as WsCtor;

const MAX_SEND_PER_TICK = 2000;
const CONNECT_WINDOW = 200;
const TEXT = 'Will the slides be shared after the keynote? (q)'; // the baseline's ~110 B message body

const counters: Counters = { eventFrames: 0, ackFrames: 0, disconnects: 0, lastRecv: 0 };
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- shared state of the current target

interface BaselineMsg {
  p: number;
  t: number;
}

/** What a parsing Plenum client (probe or sender) keeps. */
interface PlenumState {
  probe: boolean;
  /** Moderators get the staff deltas; their latency is reported apart from the attendees'. */
  role: 'attendee' | 'moderator';
  /** Question key (see questionKey) → first time this probe saw the question, during a step. */
  qTimes: Map<string, number>;
  /** Poll burst: (time, visible answer total) each time the tally of the burst's poll changed. */
  pollSeen: Array<[number, number]>;
  seq: number;
  /** seq → first receipt time, during a step. */
  seqTimes: Map<number, number>;
  counts: Map<string, number>;
  gaps: number;
  /** Acknowledged votes waiting for the next delta on this socket. */
  waiting: VoteOutcome[];
  voted: Map<string, boolean>;
  nth: number;
}

/** One connected client: probes record latency, senders send; a Plenum probe or sender keeps a state. */
interface Slot {
  c: LiteClient;
  probe: boolean;
  sender: boolean;
  st: PlenumState | null;
}

let target: 'baseline' | 'plenum' | null = null;
/** Poll of the current burst (moderator probes follow its tally). */
let burstPollId = '';
let slots: Slot[] = [];
let questions: string[] = [];
let stepId = 0;
let cores = 1;
let baselineHist: Histogram | null = null;
let baselineDelivered = 0;

function resetTarget(): void {
  for (const s of slots) s.c.terminate();
  slots = [];
  questions = [];
  target = null;
}

/**
 * Opens `n` clients, at most CONNECT_WINDOW handshakes at a time; keeps the ones that became ready (in
 * index order) as the current slots.
 */
async function openAll(
  n: number,
  make: (i: number, ready: (err?: string) => void) => Slot,
  timeoutMs: number,
): Promise<{ n: number; connected: number; failed: number; errors: Record<string, number>; connectMs: number }> {
  const t0 = performance.now();
  const made: (Slot | undefined)[] = new Array(n);
  const readyAt: boolean[] = new Array(n).fill(false);
  const errors: Record<string, number> = {};
  let settled = 0;
  let next = 0;
  let inflight = 0;
  await new Promise<void>((resolve) => {
    const deadline = setTimeout(resolve, timeoutMs);
    const pump = () => {
      while (inflight < CONNECT_WINDOW && next < n) {
        const i = next++;
        inflight++;
        made[i] = make(i, (err) => {
          inflight--;
          settled++;
          if (err) errors[err] = (errors[err] ?? 0) + 1;
          else readyAt[i] = true;
          if (settled >= n) {
            clearTimeout(deadline);
            resolve();
          } else pump();
        });
      }
    };
    pump();
  });
  slots = [];
  made.forEach((s, i) => {
    if (s && readyAt[i] && s.c.connected) slots.push(s);
    else s?.c.terminate();
  });
  const unsettled = n - settled;
  if (unsettled > 0) errors.timeout = unsettled;
  return { n, connected: slots.length, failed: n - slots.length, errors, connectMs: Math.round(performance.now() - t0) };
}

// ---------------------------------------------------------------- baseline

function onBaselineEvent(name: string, data: unknown, now: number): void {
  const record = (m: BaselineMsg) => {
    if (m.p !== stepId || !baselineHist) return;
    baselineHist.add(now - m.t);
    baselineDelivered++;
  };
  if (name === 'b') for (const m of data as BaselineMsg[]) record(m);
  else if (name === 'm') record(data as BaselineMsg);
}

async function connectBaseline(url: string, n: number, probes: number, senders: number) {
  resetTarget();
  target = 'baseline';
  const probeSet = new Set(evenlySpaced(n, probes));
  const out = await openAll(
    n,
    (i, ready) => {
      const probe = probeSet.has(i);
      return { c: new LiteClient(WS, { url, parse: probe, onEvent: onBaselineEvent }, counters, ready), probe, sender: i < senders, st: null };
    },
    120_000,
  );
  return { ...out, probes: slots.filter((s) => s.probe).length, senders: slots.filter((s) => s.sender).length };
}

// ---------------------------------------------------------------- plenum

async function joinAll(url: string, code: string, n: number, timeoutMs: number): Promise<AttendeeIssued[]> {
  const out: AttendeeIssued[] = new Array(n);
  const deadline = Date.now() + timeoutMs;
  let next = 0;
  let limited = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      for (let attempt = 0; ; attempt++) {
        if (Date.now() > deadline) throw new Error(`joining ${n} attendees took longer than ${timeoutMs} ms`);
        const res = await fetch(`${url}/api/join/${code}/attendees`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: `Bench ${i}` }),
        });
        const body = (await res.json()) as AttendeeIssued & { error?: { code: string; retryAfterMs?: number } };
        if (res.status === 201) {
          out[i] = body;
          break;
        }
        // The join limit is per IP (3000/min): wait as told instead of hammering, a bounded number of times.
        if (res.status === 429 && attempt < 30) {
          limited++;
          await sleep(Math.min(5000, body.error?.retryAfterMs ?? 1000));
          continue;
        }
        throw new Error(`join ${i}: HTTP ${res.status} ${JSON.stringify(body)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  if (limited) process.stderr.write(`  (join rate limit hit ${limited}x; paced)\n`);
  return out;
}

function onPlenumEvent(st: PlenumState, name: string, data: unknown, now: number): void {
  // Attendees get the deltas of one tick in one message (`sync:deltas`).
  const list = name === 'sync:delta' ? [data as Delta] : name === 'sync:deltas' ? (data as { deltas: Delta[] }).deltas : null;
  if (!list || list.length === 0) return;
  if (st.waiting.length) {
    // The first message after a vote's ack carries it (the server queues the delta before it acks): its
    // last seq, so that every probe's receipt of this message is what counts.
    const named = new Set<string>();
    for (const d of list) for (const c of d.changes) if (c.type === 'question:votes') for (const id of Object.keys(c.counts)) named.add(id);
    const last = list[list.length - 1]!.seq;
    for (const v of st.waiting) {
      v.seq = last;
      v.named = named.has(v.questionId);
    }
    st.waiting = [];
  }
  for (const d of list) onDelta(st, d, now);
}

function onDelta(st: PlenumState, d: Delta, now: number): void {
  if (!st.probe) return;
  if (!st.seqTimes.has(d.seq)) st.seqTimes.set(d.seq, now);
  for (const c of d.changes) {
    if (c.type === 'question:upsert') {
      const key = keyOfQuestionText(c.question.text);
      if (key && !st.qTimes.has(key)) st.qTimes.set(key, now);
    } else if (burstPollId && (c.type === 'polls:tallies' || c.type === 'polls:upsert')) {
      const r = c.type === 'polls:tallies' ? c.polls[burstPollId]?.results : c.poll.id === burstPollId ? c.poll.results : undefined;
      if (r && r.kind === 'choice') st.pollSeen.push([now, Object.values(r.counts).reduce((a, b) => a + b, 0)]);
    }
  }
  if (st.seq < 0 || d.seq <= st.seq) return; // before the snapshot, or already applied
  if (d.seq !== st.seq + 1) st.gaps++;
  st.seq = d.seq;
  for (const c of d.changes) {
    if (c.type === 'question:votes') for (const [id, v] of Object.entries(c.counts)) st.counts.set(id, v);
    else if (c.type === 'question:upsert') st.counts.set(c.question.id, c.question.votes);
    else if (c.type === 'question:remove') st.counts.delete(c.id);
  }
}

function applySnapshot(st: PlenumState, snap: Snapshot): void {
  st.seq = snap.seq;
  st.counts = new Map(snap.qa.questions.map((q) => [q.id, q.votes]));
}

const newState = (probe: boolean, role: PlenumState['role']): PlenumState => ({
  probe, role, seq: -1, seqTimes: new Map(), qTimes: new Map(), pollSeen: [], counts: new Map(), gaps: 0, waiting: [], voted: new Map(), nth: 0,
});

/**
 * Attendee i connects to urls[i % urls.length] (several nodes of a cluster), moderators round-robin too;
 * every moderator parses (they are few) and counts as a moderator probe.
 */
async function connectPlenum(urls: readonly string[], code: string, n: number, probes: number, senders: number, moderatorTokens: readonly string[] = []) {
  resetTarget();
  target = 'plenum';
  const url = urls[0]!;
  const tj = performance.now();
  const ids = await joinAll(url, code, n, 300_000);
  const joinMs = Math.round(performance.now() - tj);
  const probeSet = new Set(evenlySpaced(n, probes));
  const out = await openAll(
    n,
    (i, ready) => {
      const probe = probeSet.has(i);
      const sender = i < senders;
      const st: PlenumState | null = probe || sender ? newState(probe, 'attendee') : null;
      const auth = { protocol: PROTOCOL_VERSION, code, token: ids[i]!.token };
      const c: LiteClient = new LiteClient(
        WS,
        // A sender that is no probe reads frames only while a vote of its waits for the delta that carries it
        // (an ack without a seq: the vote changed nothing); the ack names the seq otherwise.
        { url: urls[i % urls.length]!, auth, parse: probe || (st ? () => st.waiting.length > 0 : false), onEvent: st ? (name, data, now) => onPlenumEvent(st, name, data, now) : undefined },
        counters,
        (err) => {
          if (err) return ready(err);
          // Ready once the snapshot arrived, like the real client before it shows anything.
          c.request(
            'sync:snapshot',
            {} satisfies CommandPayload<'sync:snapshot'>,
            probe
              ? (res) => {
                  const r = res as { ok: boolean; snapshot?: SnapshotPersonal; shared?: Uint8Array };
                  if (r.ok && r.snapshot && r.shared) applySnapshot(st!, assembleSnapshot({ snapshot: r.snapshot, shared: r.shared }));
                  ready(r.ok ? undefined : 'snapshot_failed');
                }
              : (res) => ready((res as { ok: boolean }).ok ? undefined : 'snapshot_failed'),
          );
        },
      );
      return { c, probe, sender, st };
    },
    300_000,
  );
  const attendeesOnly = slots;
  const mods = await openAll(
    moderatorTokens.length,
    (i, ready) => {
      const st = newState(true, 'moderator');
      const auth = { protocol: PROTOCOL_VERSION, code, token: moderatorTokens[i]! };
      const c: LiteClient = new LiteClient(WS, { url: urls[i % urls.length]!, auth, parse: true, onEvent: (name, data, now) => onPlenumEvent(st, name, data, now) }, counters, (err) => {
        if (err) return ready(err);
        c.request('sync:snapshot', {} satisfies CommandPayload<'sync:snapshot'>, (res) => {
          const r = res as { ok: boolean; snapshot?: SnapshotPersonal; shared?: Uint8Array };
          if (r.ok && r.snapshot && r.shared) applySnapshot(st, assembleSnapshot({ snapshot: r.snapshot, shared: r.shared }));
          ready(r.ok ? undefined : 'snapshot_failed');
        });
      });
      return { c, probe: true, sender: false, st };
    },
    60_000,
  );
  slots = [...attendeesOnly, ...slots];
  return {
    ...out,
    joinMs,
    moderators: mods.connected,
    moderatorErrors: mods.errors,
    probes: slots.filter((s) => s.probe && s.st?.role !== 'moderator').length,
    senders: slots.filter((s) => s.sender).length,
  };
}

const attendeeSlots = () => slots.filter((s) => s.st?.role !== 'moderator');
const probeStates = (role: PlenumState['role']) => slots.filter((s) => s.probe && s.st?.role === role).map((s) => s.st!);

async function ask(count: number): Promise<{ asked: number; live: number; errors: Record<string, number> }> {
  if (target !== 'plenum') throw new Error('ask: not connected to plenum');
  const errors: Record<string, number> = {};
  const ids: string[] = [];
  const k = Math.min(count, slots.length);
  await new Promise<void>((resolve) => {
    let left = k;
    const deadline = setTimeout(resolve, 30_000);
    for (let i = 0; i < k; i++) {
      const payload: CommandPayload<'qa:ask'> = { text: `Frage ${i + 1}: Wie geht es nach der Keynote mit Thema ${i + 1} weiter?` };
      slots[i]!.c.request('qa:ask', payload, (res) => {
        const r = res as { ok: boolean; question?: { id: string; state: string }; error?: { code: string } };
        if (r.ok && r.question?.state === 'live') ids.push(r.question.id);
        else {
          const code = r.ok ? `state_${r.question?.state}` : (r.error?.code ?? 'unknown');
          errors[code] = (errors[code] ?? 0) + 1;
        }
        if (--left === 0) {
          clearTimeout(deadline);
          resolve();
        }
      });
    }
  });
  questions = ids;
  return { asked: k, live: ids.length, errors };
}

// ---------------------------------------------------------------- one measured step

interface StepArgs {
  rate: number;
  durMs: number;
  drainMs: number;
  senders: number;
  serverPid: number;
  /** false for the warm-up: same traffic, nothing reported but the counts. */
  record: boolean;
  /** Plenum only: questions asked per second alongside the votes (attendees from the last one down). */
  questionsPerSec?: number;
  /** Further server processes whose CPU and RSS count too (the other nodes of a cluster). */
  extraPids?: number[];
}

interface AskOutcome {
  intendedAt: number;
  key: string;
  ackAt: number | null;
  ok: boolean;
}

let askCounter = 0;

async function step(a: StepArgs) {
  if (!target) throw new Error('step: not connected');
  if (target === 'plenum' && questions.length === 0) throw new Error('step: no live questions to vote on');
  stepId++;
  const senders = slots.filter((s) => s.sender).slice(0, a.senders);
  const S = senders.length;
  if (S === 0) throw new Error('step: no senders connected');
  const total = Math.max(1, Math.round((a.rate * a.durMs) / 1000));
  const probes = slots.filter((s) => s.probe).map((s) => s.st).filter((st): st is PlenumState => st !== null);
  for (const pr of probes) {
    pr.seqTimes.clear();
    pr.qTimes.clear();
  }
  const attProbes = probes.filter((pr) => pr.role === 'attendee');
  const modProbes = probes.filter((pr) => pr.role === 'moderator');
  baselineHist = new Histogram();
  baselineDelivered = 0;
  const nProbes = slots.filter((s) => s.probe && s.st?.role !== 'moderator').length;
  const votes: VoteOutcome[] = [];
  const asks: AskOutcome[] = [];
  const errors: Record<string, number> = {};
  const askErrors: Record<string, number> = {};
  const qRate = target === 'plenum' ? (a.questionsPerSec ?? 0) : 0;
  const totalQ = Math.round((qRate * a.durMs) / 1000);
  const askers = attendeeSlots();
  const pids = [a.serverPid, ...(a.extraPids ?? [])];
  const cpuOf = () => pids.reduce((sum, pid) => sum + processCpuUs(pid), 0);
  const rssOf = () => pids.reduce((sum, pid) => sum + processRssBytes(pid), 0);

  const disc0 = counters.disconnects;
  let rssMax = 0;
  const rssTimer = setInterval(() => (rssMax = Math.max(rssMax, rssOf())), 250);
  const tStart = performance.now() + 5;
  while (performance.now() < tStart) await sleep(1);
  const srvCpu0 = cpuOf();
  const m0 = machineStat();
  const lg0 = process.cpuUsage();
  const ev0 = counters.eventFrames;
  const ack0 = counters.ackFrames;
  const p = stepId;

  let sent = 0;
  let asked = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const now = performance.now();
      // Questions on their own schedule, also from the intended time (no coordinated omission).
      const dueQ = Math.min(totalQ, Math.floor(((now - tStart) * qRate) / 1000) + (qRate > 0 ? 1 : 0));
      while (asked < dueQ) {
        const k = asked++;
        const key = questionKey(p, askCounter++);
        const o: AskOutcome = { intendedAt: tStart + (k * 1000) / qRate, key, ackAt: null, ok: false };
        asks.push(o);
        const payload: CommandPayload<'qa:ask'> = { text: questionText(key, k) };
        askers[askerIndex(askCounter, askers.length)]!.c.request('qa:ask', payload, (res, at) => {
          o.ackAt = at;
          const r = res as { ok: boolean; question?: { state: string }; error?: { code: string } };
          if (r.ok && r.question?.state === 'live') o.ok = true;
          else {
            const code = r.ok ? `state_${r.question?.state}` : (r.error?.code ?? 'unknown');
            askErrors[code] = (askErrors[code] ?? 0) + 1;
          }
        });
      }
      let due = Math.min(total, Math.floor(((now - tStart) * a.rate) / 1000) + 1);
      if (due - sent > MAX_SEND_PER_TICK) due = sent + MAX_SEND_PER_TICK;
      while (sent < due) {
        const k = sent++;
        const intendedAt = tStart + (k * 1000) / a.rate;
        const s = k % S;
        const slot = senders[s]!;
        if (target === 'baseline') {
          slot.c.emit('m', { p, t: intendedAt, s, k, x: TEXT });
        } else {
          const st = slot.st!;
          const id = questions[voteQuestion(s, st.nth++, questions.length)]!;
          const up = !st.voted.get(id); // optimistic toggle, undone if the server refuses
          st.voted.set(id, up);
          const v: VoteOutcome = { intendedAt, ackAt: null, ok: false, seq: null, questionId: id, named: null };
          votes.push(v);
          const payload: CommandPayload<'qa:vote'> = { id, up };
          slot.c.request('qa:vote', payload, (res, at) => {
            v.ackAt = at;
            const r = res as { ok: boolean; seq?: number; error?: { code: string } };
            if (r.ok) {
              v.ok = true;
              // The ack names the seq that carries the vote; a server without it: the first message after the ack.
              if (typeof r.seq === 'number') {
                v.seq = r.seq;
                v.named = true;
              } else st.waiting.push(v);
            } else {
              st.voted.set(id, !up);
              const code = r.error?.code ?? 'unknown';
              errors[code] = (errors[code] ?? 0) + 1;
            }
          });
        }
      }
      if (sent >= total && asked >= totalQ) {
        clearInterval(timer);
        resolve();
      }
    }, 2);
  });
  const sendEnd = performance.now();
  const winEnd = tStart + a.durMs;
  if (sendEnd < winEnd) await sleep(winEnd - sendEnd);
  const evWin = counters.eventFrames - ev0;
  const windowMs = performance.now() - tStart;

  const complete = (): boolean => {
    if (target === 'baseline') return baselineDelivered >= sent * nProbes;
    const needed = new Set<number>();
    for (const v of votes) {
      if (v.ackAt === null) return false;
      if (v.ok) {
        if (v.seq === null) return false;
        needed.add(v.seq);
      }
    }
    for (const pr of probes) for (const s of needed) if (!pr.seqTimes.has(s)) return false;
    for (const o of asks) {
      if (o.ackAt === null) return false;
      if (o.ok) for (const pr of probes) if (!pr.qTimes.has(o.key)) return false;
    }
    return true;
  };
  const drain0 = performance.now();
  while (!complete() && performance.now() - drain0 < a.drainMs) await sleep(25);
  const drainedMs = Math.round(performance.now() - drain0);
  const tEnd = performance.now();
  const srvCpuUs = cpuOf() - srvCpu0;
  const m1 = machineStat();
  const lg = process.cpuUsage(lg0);
  clearInterval(rssTimer);
  rssMax = Math.max(rssMax, rssOf());
  const wallUs = (tEnd - tStart) * 1000;
  const framesDelivered = counters.eventFrames - ev0 + (counters.ackFrames - ack0);

  const srvCpuPct = (100 * srvCpuUs) / wallUs;
  const lgCpuPct = (100 * (lg.user + lg.system)) / wallUs;
  const busy = m1.total - m0.total > 0 ? 1 - (m1.idle - m0.idle) / (m1.total - m0.total) : 0;
  const machineCpuPct = 100 * busy * cores;

  let e2e: Histogram;
  let ack: Histogram | null = null;
  if (target === 'baseline') {
    e2e = baselineHist;
    e2e.addMissing(Math.max(0, sent * nProbes - baselineDelivered));
  } else {
    e2e = voteLatencies(votes, attProbes.map((pr) => pr.seqTimes));
    ack = ackLatencies(votes);
  }
  baselineHist = null;
  if (!a.record) return { warmup: true, sent, errors, askErrors };
  const unresolved = votes.filter((v) => v.ok && v.seq === null).length;
  // Per role: votes (the delta carrying each) and questions (the upsert naming each), from the intended time.
  const byRole = (prs: PlenumState[]) => {
    const v = target === 'baseline' ? e2e : voteLatencies(votes, prs.map((pr) => pr.seqTimes));
    const q = new Histogram();
    for (const o of asks) for (const pr of prs) q.add(o.ok ? (pr.qTimes.get(o.key) ?? Infinity) - o.intendedAt : Infinity);
    const all = new Histogram();
    all.merge(v);
    all.merge(q);
    return { all: summary(all), votes: summary(v), questions: summary(q) };
  };
  const lostAcks = votes.filter((v) => v.ackAt === null).length + asks.filter((o) => o.ackAt === null).length;
  return {
    latency: { attendee: byRole(attProbes), moderator: modProbes.length ? byRole(modProbes) : null },
    lostAcks,
    questionsSent: asks.length,
    askAck: (() => {
      const h = new Histogram();
      for (const o of asks) h.add(o.ackAt === null ? Infinity : o.ackAt - o.intendedAt);
      return summary(h);
    })(),
    questionsLive: asks.filter((o) => o.ok).length,
    askErrors,
    moderatorProbes: modProbes.length,
    server: target,
    rate: a.rate,
    durMs: a.durMs,
    senders: S,
    clients: slots.length,
    connectedAtEnd: slots.filter((s) => s.c.connected).length,
    probes: nProbes,
    sent,
    sendLagMs: +(sendEnd - (tStart + ((total - 1) * 1000) / a.rate)).toFixed(1),
    samples: e2e.total,
    undelivered: e2e.missing,
    p50: e2e.percentile(0.5),
    p95: e2e.percentile(0.95),
    p99: e2e.percentile(0.99),
    max: e2e.max,
    ackP50: ack?.percentile(0.5) ?? null,
    ackP99: ack?.percentile(0.99) ?? null,
    ackMax: ack?.max ?? null,
    errors,
    unresolvedVotes: unresolved,
    resolvedByDeltaWithoutQuestion: votes.filter((v) => v.named === false).length,
    seqGaps: probes.reduce((a2, pr) => a2 + pr.gaps, 0),
    framesPerClientPerSec: evWin / slots.length / (windowMs / 1000),
    framesDelivered,
    srvCpuPct,
    srvCpuUs,
    usPerFrame: framesDelivered > 0 ? srvCpuUs / framesDelivered : NaN,
    usPerMessage: sent > 0 ? srvCpuUs / sent : NaN,
    rssMaxMB: rssMax / 1048576,
    disconnects: counters.disconnects - disc0,
    lgCpuPct,
    machineCpuPct,
    otherCpuPct: machineCpuPct - srvCpuPct - lgCpuPct,
    windowMs: Math.round(windowMs),
    measuredMs: Math.round(tEnd - tStart),
    drainedMs,
  };
}

// ---------------------------------------------------------------- poll burst

const POLL_OPTIONS = ['o1', 'o2', 'o3', 'o4'];

function requestOk<T>(c: LiteClient, name: string, payload: unknown): Promise<T> {
  return new Promise((resolve, reject) =>
    c.request(name, payload, (res) => {
      const r = res as { ok: boolean };
      if (r?.ok) resolve(r as T);
      else reject(new Error(`${name}: ${JSON.stringify(r)}`));
    }),
  );
}

/**
 * The first moderator creates and opens a single-choice poll; every attendee answers it once, spread evenly
 * over `windowMs` by intended send time. Latency to moderators: the j-th acknowledged answer counts as
 * visible once a moderator's tally total reaches j (tallies are counts, so this is the time the count
 * caught up with it, not the proof that this very answer is in it).
 */
async function pollBurst(windowMs: number, drainMs: number) {
  if (target !== 'plenum') throw new Error('pollBurst: not connected to plenum');
  const mod = slots.find((s) => s.st?.role === 'moderator');
  if (!mod) throw new Error('pollBurst: needs a moderator (--moderators ≥ 1)');
  const created = await requestOk<{ poll: { id: string } }>(mod.c, 'polls:create', {
    definition: { type: 'single', question: 'Benchmark?', options: POLL_OPTIONS.map((id) => ({ id, text: `Option ${id}` })) },
  });
  burstPollId = created.poll.id;
  const modProbes = probeStates('moderator');
  for (const pr of modProbes) pr.pollSeen = [];
  await requestOk(mod.c, 'polls:open', { id: burstPollId });
  await sleep(300);
  const who = attendeeSlots();
  const n = who.length;
  const intended: number[] = new Array(n);
  const ackAt: (number | null)[] = new Array(n).fill(null);
  const errors: Record<string, number> = {};
  const t0 = performance.now() + 5;
  let i = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const now = performance.now();
      while (i < n && t0 + (i * windowMs) / n <= now) {
        const k = i++;
        intended[k] = t0 + (k * windowMs) / n;
        const payload: CommandPayload<'polls:answer'> = { pollId: burstPollId, answer: { type: 'single', optionId: POLL_OPTIONS[k % POLL_OPTIONS.length]! } };
        who[k]!.c.request('polls:answer', payload, (res, at) => {
          ackAt[k] = at;
          const r = res as { ok: boolean; error?: { code: string } };
          if (!r.ok) errors[r.error?.code ?? 'unknown'] = (errors[r.error?.code ?? 'unknown'] ?? 0) + 1;
        });
      }
      if (i >= n) {
        clearInterval(timer);
        resolve();
      }
    }, 2);
  });
  const sendEnd = performance.now();
  const refused = () => Object.values(errors).reduce((a, b) => a + b, 0);
  const acked = () => ackAt.filter((x) => x !== null).length;
  const seenAll = () => modProbes.every((pr) => (pr.pollSeen.at(-1)?.[1] ?? 0) >= acked() - refused());
  const d0 = performance.now();
  while ((acked() < n || !seenAll()) && performance.now() - d0 < drainMs) await sleep(20);
  const okOrder = intended.map((t, k) => ({ t, at: ackAt[k] })).filter((x): x is { t: number; at: number } => x.at !== null);
  const ackH = new Histogram();
  for (let k = 0; k < n; k++) ackH.add(ackAt[k] === null ? Infinity : ackAt[k]! - intended[k]!);
  const accepted = okOrder.length - refused();
  const vis = rankLatencies(
    okOrder.sort((x, y) => x.at - y.at).slice(0, Math.max(0, accepted)).map((x) => x.t),
    modProbes.map((pr) => pr.pollSeen),
  );
  burstPollId = '';
  return {
    attendees: n,
    windowMs,
    sendLagMs: Math.round(sendEnd - (t0 + windowMs)),
    acked: acked(),
    accepted,
    lostAcks: n - acked(),
    errors,
    ack: summary(ackH),
    moderator: summary(vis),
    moderatorFinalTotals: modProbes.map((pr) => pr.pollSeen.at(-1)?.[1] ?? 0),
  };
}

/** After the last delta: does every probe's state equal a fresh snapshot? */
async function converge() {
  if (target !== 'plenum') throw new Error('converge: not connected to plenum');
  const t0 = performance.now();
  while (performance.now() - counters.lastRecv < 400 && performance.now() - t0 < 5000) await sleep(50);
  const probes = slots.filter((x) => x.probe && x.st).map((x) => ({ s: x.st!, c: x.c }));
  const ref = probes.find((x) => x.c.connected);
  if (!ref) return { ok: false, reason: 'no connected probe' };
  const snap = await new Promise<Snapshot | null>((resolve) => {
    const t = setTimeout(() => resolve(null), 10_000);
    ref.c.request('sync:snapshot', {}, (res) => {
      clearTimeout(t);
      const r = res as { ok: boolean; snapshot?: SnapshotPersonal; shared?: Uint8Array };
      resolve(r.ok && r.snapshot && r.shared ? assembleSnapshot({ snapshot: r.snapshot, shared: r.shared }) : null);
    });
  });
  if (!snap) return { ok: false, reason: 'snapshot failed' };
  let atSeq = 0;
  let matching = 0;
  for (const { s } of probes) {
    if (s.seq !== snap.seq) continue;
    atSeq++;
    const same = snap.qa.questions.length === s.counts.size && snap.qa.questions.every((q) => s.counts.get(q.id) === q.votes);
    if (same) matching++;
  }
  return { ok: matching === probes.length, snapshotSeq: snap.seq, probes: probes.length, atSeq, matching };
}

// ---------------------------------------------------------------- IPC

type Msg =
  | { id: number; cmd: 'init'; cores: number }
  | { id: number; cmd: 'connectBaseline'; url: string; n: number; probes: number; senders: number }
  | { id: number; cmd: 'connectPlenum'; url: string; urls?: string[]; code: string; n: number; probes: number; senders: number; moderatorTokens?: string[] }
  | { id: number; cmd: 'pollBurst'; windowMs: number; drainMs: number }
  | { id: number; cmd: 'ask'; count: number }
  | ({ id: number; cmd: 'step' } & StepArgs)
  | { id: number; cmd: 'converge' }
  | { id: number; cmd: 'close' }
  | { id: number; cmd: 'exit' };

async function handle(m: Msg): Promise<unknown> {
  switch (m.cmd) {
    case 'init':
      cores = Math.max(1, m.cores);
      return {};
    case 'connectBaseline':
      return connectBaseline(m.url, m.n, m.probes, m.senders);
    case 'connectPlenum':
      return connectPlenum(m.urls ?? [m.url], m.code, m.n, m.probes, m.senders, m.moderatorTokens);
    case 'pollBurst':
      return pollBurst(m.windowMs, m.drainMs);
    case 'ask':
      return ask(m.count);
    case 'step':
      return step(m);
    case 'converge':
      return converge();
    case 'close': {
      const before = counters.disconnects;
      resetTarget();
      counters.disconnects = before;
      return {};
    }
    case 'exit':
      resetTarget();
      setTimeout(() => process.exit(0), 50);
      return {};
  }
}

/** JSON has no Infinity/NaN: send them as strings so the report can say "inf". */
function wire(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x)));
}

process.on('message', (m: Msg) => {
  handle(m).then(
    (out) => process.send?.({ id: m.id, ok: true, out: wire(out) }),
    (err: unknown) => process.send?.({ id: m.id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
});
// The orchestrator is gone: nobody will close these sockets or read the results.
process.on('disconnect', () => process.exit(0));
