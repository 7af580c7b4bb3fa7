/**
 * Pure parts of the Q&A fan-out benchmark: latency histogram, Socket.IO wire framing, the vote plan, the
 * matching of votes to the deltas that carry them, /proc parsing and the report table. No IO, no clock.
 */

// ---- latency histogram: 0.1 ms buckets below 100 ms, then 1 ms buckets up to 60 s, then overflow ----
const H_FINE = 1000;
const H_COARSE = 60_000;
const H_SIZE = H_FINE + H_COARSE + 1;

function bucket(ms: number): number {
  if (!(ms >= 0)) return ms === Infinity ? H_SIZE - 1 : 0;
  if (ms < 100) return Math.floor(ms * 10);
  return Math.min(H_SIZE - 1, H_FINE + Math.floor(ms - 100));
}

/** Upper edge of a bucket, so a reported percentile never understates. */
function bucketValue(b: number): number {
  return b < H_FINE ? (b + 1) / 10 : 100 + (b - H_FINE) + 1;
}

/**
 * Node flags of the production server (`npm start` in package.json runs with them; a unit test checks): new
 * space of 64 MB per semi-space, so that the short-lived objects of a busy event die young with fewer
 * scavenges (5,000 attendees at 4,000 upvotes/s: server CPU 85-86 % -> 80-81 %, RSS ~590 -> ~440 MB).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];

export class Histogram {
  private readonly counts = new Uint32Array(H_SIZE);
  total = 0;
  max = 0;

  /** Infinity (or anything over 60 s) lands in the overflow bucket: an undelivered sample. */
  add(ms: number): void {
    const b = bucket(ms);
    this.counts[b] = this.counts[b]! + 1;
    this.total++;
    if (ms > this.max) this.max = ms;
  }

  addMissing(n: number): void {
    this.counts[H_SIZE - 1] = this.counts[H_SIZE - 1]! + n;
    this.total += n;
    if (n > 0) this.max = Infinity;
  }

  /** Adds every sample of `other` (bucketed the same way). */
  merge(other: Histogram): void {
    for (let b = 0; b < H_SIZE; b++) this.counts[b] = this.counts[b]! + other.counts[b]!;
    this.total += other.total;
    if (other.max > this.max) this.max = other.max;
  }

  get missing(): number {
    return this.counts[H_SIZE - 1]!;
  }

  /** q in (0, 1]; Infinity when the q-th sample was never delivered; NaN for an empty histogram. */
  percentile(q: number): number {
    if (this.total === 0) return NaN;
    const target = Math.max(1, Math.ceil(q * this.total));
    let cum = 0;
    for (let b = 0; b < H_SIZE; b++) {
      cum += this.counts[b]!;
      if (cum >= target) return b === H_SIZE - 1 ? Infinity : bucketValue(b);
    }
    return Infinity;
  }
}

// ---- Engine.IO v4 / Socket.IO v5 text frames (the subset a bench client needs) ----

export type SioFrame =
  | { kind: 'open' }
  | { kind: 'ping' }
  | { kind: 'close' }
  | { kind: 'connect' }
  | { kind: 'connect_error'; message: string }
  | { kind: 'disconnect' }
  | { kind: 'event'; name: string; data: unknown; ackId: number | null }
  | { kind: 'ack'; ackId: number; data: unknown }
  | { kind: 'other' };

function ackIdAt(text: string, from: number): { id: number | null; end: number } {
  let end = from;
  while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
  return { id: end > from ? Number(text.slice(from, end)) : null, end };
}

/** Decodes one WebSocket text message of the default namespace ("/"). */
export function decodeFrame(text: string): SioFrame {
  switch (text[0]) {
    case '0':
      return { kind: 'open' };
    case '1':
      return { kind: 'close' };
    case '2':
      return { kind: 'ping' };
    case '4':
      break;
    default:
      return { kind: 'other' };
  }
  switch (text[1]) {
    case '0':
      return { kind: 'connect' };
    case '1':
      return { kind: 'disconnect' };
    case '4': {
      const body = text.length > 2 ? (JSON.parse(text.slice(2)) as { message?: unknown }) : {};
      return { kind: 'connect_error', message: typeof body.message === 'string' ? body.message : 'unknown' };
    }
    case '2': {
      const { id, end } = ackIdAt(text, 2);
      const arr = JSON.parse(text.slice(end)) as unknown[];
      return { kind: 'event', name: String(arr[0]), data: arr[1], ackId: id };
    }
    case '3': {
      const { id, end } = ackIdAt(text, 2);
      if (id === null) return { kind: 'other' };
      const arr = JSON.parse(text.slice(end)) as unknown[];
      return { kind: 'ack', ackId: id, data: arr[0] };
    }
    default:
      return { kind: 'other' };
  }
}

/** "40" + auth: the Socket.IO CONNECT packet of the default namespace. */
export function encodeConnect(auth: unknown): string {
  return auth === undefined ? '40' : '40' + JSON.stringify(auth);
}

export function encodeEmit(name: string, data: unknown, ackId?: number): string {
  return '42' + (ackId === undefined ? '' : String(ackId)) + JSON.stringify([name, data]);
}

// ---- the load shape ----

/**
 * Enough senders that each stays under `maxPerSender` messages a second (Plenum allows 20 votes per
 * 10 s per attendee; 1.5/s leaves room for the warm-up), never fewer than `min`, never more than `n`.
 */
export function senderCount(rate: number, n: number, min = 50, maxPerSender = 1.5): number {
  return Math.max(1, Math.min(n, Math.max(min, Math.ceil(rate / maxPerSender))));
}

/** `count` indices spread evenly over 0..n-1 (offset by half a stride so index 0, a sender, is avoided). */
export function evenlySpaced(n: number, count: number): number[] {
  const c = Math.min(n, count);
  if (c <= 0) return [];
  const stride = n / c;
  const out: number[] = [];
  for (let i = 0; i < c; i++) out.push(Math.min(n - 1, Math.floor(stride / 2 + i * stride)));
  return out;
}

/**
 * The question of a sender's nth vote: each sender walks the questions two votes at a time (the caller
 * toggles: up, then the take-back), so counts stay bounded and every vote changes a count. Senders start
 * at different questions so the votes spread over all of them.
 */
export function voteQuestion(sender: number, nth: number, questions: number): number {
  return (sender + Math.floor(nth / 2)) % questions;
}

// ---- matching votes to deltas ----

export interface VoteOutcome {
  /** Intended send time (ms, loadgen clock): lag of the load generator counts as latency. */
  intendedAt: number;
  ackAt: number | null;
  ok: boolean;
  /**
   * The seq of the first sync:delta the SENDER received after its ack. The server acks inside the event's
   * serial queue before it records the vote for the next flush, and a socket's frames arrive in order, so
   * that delta is the first one emitted after the vote committed: it is the one that carries the vote.
   */
  seq: number | null;
  /** The question voted on, to check that the resolving delta names it. */
  questionId: string;
  /** Whether that delta's question:votes named the question (false: the change cancelled out in its window). */
  named: boolean | null;
}

/**
 * End-to-end latency of every (vote, probe) pair: when the probe received the delta carrying the vote,
 * minus the vote's intended send time. Failed or unresolved votes and deltas a probe never got count as
 * undelivered (infinite).
 */
export function voteLatencies(votes: readonly VoteOutcome[], probeSeqTimes: readonly ReadonlyMap<number, number>[]): Histogram {
  const h = new Histogram();
  for (const v of votes) {
    if (!v.ok || v.seq === null) {
      h.addMissing(probeSeqTimes.length);
      continue;
    }
    for (const times of probeSeqTimes) {
      const at = times.get(v.seq);
      h.add(at === undefined ? Infinity : at - v.intendedAt);
    }
  }
  return h;
}

export function ackLatencies(votes: readonly VoteOutcome[]): Histogram {
  const h = new Histogram();
  for (const v of votes) h.add(v.ackAt === null ? Infinity : v.ackAt - v.intendedAt);
  return h;
}

// ---- /proc ----

/** utime + stime in clock ticks from the text of /proc/<pid>/stat (the name in parens may hold spaces). */
export function parseProcCpuTicks(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
  return Number(fields[11]) + Number(fields[12]);
}

/** VmRSS in bytes from the text of /proc/<pid>/status. */
export function parseRssBytes(status: string): number {
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return m ? Number(m[1]) * 1024 : 0;
}

/** Idle and total jiffies of the whole machine from the first line of /proc/stat. */
export function parseMachineStat(stat: string): { idle: number; total: number } {
  const f = stat.slice(0, stat.indexOf('\n')).trim().split(/\s+/).slice(1).map(Number);
  return { idle: (f[3] ?? 0) + (f[4] ?? 0), total: f.reduce((a, b) => a + b, 0) };
}

// ---- report ----

export interface Row {
  server: 'baseline' | 'plenum';
  n: number;
  connected: number;
  rate: number;
  senders: number;
  sent: number;
  durMs: number;
  p50: number;
  p99: number;
  /** Plenum only (the baseline has no acks). */
  ackP50: number | null;
  ackP99: number | null;
  framesPerClientPerSec: number;
  srvCpuPct: number;
  usPerFrame: number;
  rssMaxMB: number;
  disconnects: number;
  errors: number;
  lgCpuPct: number;
  otherCpuPct: number;
}

export function fmt(v: number | null, digits = 1): string {
  if (v === null) return '-';
  if (v === Infinity) return 'inf';
  if (Number.isNaN(v)) return 'n/a';
  return v >= 100 ? String(Math.round(v)) : v.toFixed(digits);
}

/** Plenum / baseline; null when either side is not a finite positive number. */
export function ratio(plenum: number, baseline: number): number | null {
  if (!Number.isFinite(plenum) || !Number.isFinite(baseline) || baseline <= 0) return null;
  return plenum / baseline;
}

export function table(rows: readonly Row[]): string {
  const head = ['server', 'N', 'rate/s', 'sent', 'p50 ms', 'p99 ms', 'ack p99', 'frames/cl/s', 'srv CPU %', 'µs/frame', 'RSS MB', 'disc', 'errors', 'lg CPU %', 'other CPU %'];
  const lines = [head];
  for (const r of rows) {
    lines.push([
      r.server,
      r.connected === r.n ? String(r.n) : `${r.connected}/${r.n}`,
      String(r.rate),
      String(r.sent),
      fmt(r.p50),
      fmt(r.p99),
      fmt(r.ackP99),
      fmt(r.framesPerClientPerSec),
      fmt(r.srvCpuPct),
      fmt(r.usPerFrame, 2),
      fmt(r.rssMaxMB),
      String(r.disconnects),
      String(r.errors),
      fmt(r.lgCpuPct),
      fmt(r.otherCpuPct),
    ]);
  }
  const widths = head.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  return lines.map((l) => l.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}
