/**
 * Pure parts of `npm run bench:load`: arguments, the send schedule, question keys, latency summaries, the
 * --find-max search, the baseline ratios and the report. No IO, no clock.
 */
import { Histogram } from '../qa/core.js';

// ---------------------------------------------------------------- arguments

export interface LoadArgs {
  attendees: number;
  moderators: number;
  questions: number;
  upvotes: number;
  duration: number;
  pollBurst: boolean;
  findMax: boolean;
  baseline: boolean;
  nodes: number;
  json: string | null;
  probes: number;
  /** Attendee p99 bound of --find-max (ms). */
  boundMs: number;
  /** Skip `npm run build` (the compiled server and client are already there). */
  noBuild: boolean;
  /** Run the server from the sources with tsx instead of the compiled dist/node (to measure the loader). */
  tsx: boolean;
  timeoutS: number;
  /** Folder for a V8 CPU profile of the server (written when it stops). */
  cpuProf: string | null;
}

export class ArgError extends Error {}

const FLAGS: Record<string, 'number' | 'boolean' | 'string'> = {
  attendees: 'number',
  moderators: 'number',
  questions: 'number',
  upvotes: 'number',
  duration: 'number',
  'poll-burst': 'boolean',
  'find-max': 'boolean',
  baseline: 'boolean',
  nodes: 'number',
  json: 'string',
  probes: 'number',
  bound: 'number',
  'no-build': 'boolean',
  tsx: 'boolean',
  timeout: 'number',
  'cpu-prof': 'string',
};

export const DEFAULT_ARGS: LoadArgs = {
  attendees: 5000,
  moderators: 3,
  questions: 20,
  upvotes: 2000,
  duration: 30,
  pollBurst: false,
  findMax: false,
  baseline: false,
  nodes: 1,
  json: null,
  probes: 200,
  boundMs: 500,
  noBuild: false,
  tsx: false,
  timeoutS: 1800,
  cpuProf: null,
};

/** `--name value`, `--name=value` and boolean `--flag`; unknown flags and bad numbers are errors. */
export function parseLoadArgs(argv: readonly string[]): LoadArgs {
  const raw: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new ArgError(`unexpected argument "${a}"`);
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    const kind = FLAGS[name];
    if (!kind) throw new ArgError(`unknown flag --${name}`);
    if (kind === 'boolean') {
      if (eq > 0) throw new ArgError(`--${name} takes no value`);
      raw[name] = true;
      continue;
    }
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value.startsWith('--')) throw new ArgError(`--${name} needs a value`);
    raw[name] = value;
  }
  const num = (name: string, dflt: number, opts: { min: number; integer: boolean }): number => {
    const v = raw[name];
    if (v === undefined) return dflt;
    const x = Number(v);
    if (!Number.isFinite(x) || x < opts.min || (opts.integer && !Number.isInteger(x))) {
      throw new ArgError(`--${name} must be a ${opts.integer ? 'whole ' : ''}number ≥ ${opts.min}, got "${String(v)}"`);
    }
    return x;
  };
  const d = DEFAULT_ARGS;
  const out: LoadArgs = {
    attendees: num('attendees', d.attendees, { min: 1, integer: true }),
    moderators: num('moderators', d.moderators, { min: 0, integer: true }),
    questions: num('questions', d.questions, { min: 0, integer: false }),
    upvotes: num('upvotes', d.upvotes, { min: 1, integer: false }),
    duration: num('duration', d.duration, { min: 1, integer: false }),
    pollBurst: raw['poll-burst'] === true,
    findMax: raw['find-max'] === true,
    baseline: raw.baseline === true,
    nodes: num('nodes', d.nodes, { min: 1, integer: true }),
    json: typeof raw.json === 'string' ? raw.json : null,
    probes: num('probes', d.probes, { min: 1, integer: true }),
    boundMs: num('bound', d.boundMs, { min: 1, integer: false }),
    noBuild: raw['no-build'] === true,
    tsx: raw.tsx === true,
    timeoutS: num('timeout', d.timeoutS, { min: 10, integer: false }),
    cpuProf: typeof raw['cpu-prof'] === 'string' ? raw['cpu-prof'] : null,
  };
  if (out.pollBurst && out.moderators < 1) throw new ArgError('--poll-burst needs at least one moderator');
  return out;
}

/** What --nodes N needs: null when it can run, else the reason (the benchmark exits 2 with it). */
export function clusterBlocker(nodes: number, env: { DATABASE_URL?: string; REDIS_URL?: string }, serverHasCluster: boolean): string | null {
  if (nodes <= 1) return null;
  if (!serverHasCluster) return `--nodes ${nodes} needs cluster mode (PostgreSQL + Redis adapter), which this server does not have yet`;
  if (!env.DATABASE_URL?.startsWith('postgres') || !env.REDIS_URL) {
    return `--nodes ${nodes} needs cluster mode: set DATABASE_URL=postgres://… and REDIS_URL=redis://…`;
  }
  return null;
}

// ---------------------------------------------------------------- the send schedule

/** When the k-th message (0-based) of a rate is meant to leave: latency counts from here, not from the send. */
export function intendedAt(t0: number, k: number, ratePerSec: number): number {
  return t0 + (k * 1000) / ratePerSec;
}

/** How many messages should have left `elapsedMs` after t0 (the one due at exactly t0 included), at most `total`. */
export function dueCount(elapsedMs: number, ratePerSec: number, total: number): number {
  if (ratePerSec <= 0 || elapsedMs < 0) return 0;
  return Math.min(total, Math.floor((elapsedMs * ratePerSec) / 1000) + 1);
}

// ---------------------------------------------------------------- questions

/** A key unique per run, carried in the question text so a probe can tell which question arrived. */
export function questionKey(step: number, n: number): string {
  return `q${step}x${n}`;
}

const TOPICS = ['Keynote', 'Roadmap', 'Datenschutz', 'Barrierefreiheit', 'Preise', 'Hybrid-Events', 'Moderation', 'Export', 'Schnittstellen', 'Betrieb'];

export function questionText(key: string, k: number): string {
  return `Frage ${key}: Wie geht es beim Thema ${TOPICS[k % TOPICS.length]} nach der Pause weiter?`;
}

export function keyOfQuestionText(text: string): string | null {
  return /^Frage (q\d+x\d+):/.exec(text)?.[1] ?? null;
}

/** Askers walk the attendees from the last one down, so they rarely coincide with the vote senders (the first ones). */
export function askerIndex(counter: number, attendees: number): number {
  return attendees - 1 - (counter % attendees);
}

// ---------------------------------------------------------------- latency

export interface Summary {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  samples: number;
  undelivered: number;
}

export function summary(h: Histogram): Summary {
  return { p50: h.percentile(0.5), p95: h.percentile(0.95), p99: h.percentile(0.99), max: h.max, samples: h.total, undelivered: h.missing };
}

/**
 * Counts made visible: answer j (1-based, in acknowledgement order, intended send time `intended[j-1]`)
 * is visible to a watcher at the first time its total reached j. One sample per (answer, watcher).
 */
export function rankLatencies(intended: readonly number[], watchers: ReadonlyArray<ReadonlyArray<readonly [number, number]>>): Histogram {
  const h = new Histogram();
  for (const seen of watchers) {
    let s = 0;
    for (let j = 1; j <= intended.length; j++) {
      while (s < seen.length && seen[s]![1] < j) s++;
      h.add(s < seen.length ? Math.max(0, seen[s]![0] - intended[j - 1]!) : Infinity);
    }
  }
  return h;
}

// ---------------------------------------------------------------- --find-max

export interface Trial {
  rate: number;
  pass: boolean;
}

export interface FindMaxOptions {
  /** Growth factor while every step passes. */
  factor: number;
  /** Stop refining once last pass and first fail are this close (relative). */
  precision: number;
  maxSteps: number;
  /** The highest rate the attendees can send (each attendee's vote budget). */
  ceiling: number;
}

export const FIND_MAX_DEFAULTS: FindMaxOptions = { factor: 1.5, precision: 0.1, maxSteps: 8, ceiling: Infinity };

/** The rate to try next, or null when the search is done. Rates are rounded to 50/s. */
export function nextFindMaxRate(start: number, trials: readonly Trial[], o: FindMaxOptions = FIND_MAX_DEFAULTS): number | null {
  const round = (r: number) => Math.max(50, Math.round(r / 50) * 50);
  if (trials.length === 0) return round(Math.min(start, o.ceiling));
  if (trials.length >= o.maxSteps) return null;
  const passed = trials.filter((t) => t.pass).map((t) => t.rate);
  const failed = trials.filter((t) => !t.pass).map((t) => t.rate);
  const best = passed.length ? Math.max(...passed) : 0;
  const worst = failed.length ? Math.min(...failed) : Infinity;
  let next: number;
  if (worst === Infinity) {
    if (best >= o.ceiling) return null;
    next = Math.min(o.ceiling, best * o.factor);
  } else if (best === 0) {
    next = worst / 2;
    if (worst <= 50) return null;
  } else {
    if ((worst - best) / best <= o.precision) return null;
    next = (best + worst) / 2;
  }
  const r = round(next);
  if (trials.some((t) => t.rate === r) || r >= worst || r <= best) return null;
  return r;
}

/** The highest rate that passed below the lowest that failed (null: none passed). */
export function maxSustained(trials: readonly Trial[]): number | null {
  const worst = Math.min(Infinity, ...trials.filter((t) => !t.pass).map((t) => t.rate));
  const ok = trials.filter((t) => t.pass && t.rate < worst).map((t) => t.rate);
  return ok.length ? Math.max(...ok) : null;
}

// ---------------------------------------------------------------- baseline ratios

/**
 * Updates per second that reached every probe: the updates delivered to probes (samples − undelivered)
 * per probe, over the time from the first intended send to the end of the measured window plus what the
 * drain needed. For a server that keeps up this is the offered rate; for one that falls behind, about
 * its capacity.
 */
export function deliveredPerSec(samples: number, undelivered: number, probes: number, elapsedMs: number): number {
  if (probes <= 0 || elapsedMs <= 0) return 0;
  return (samples - undelivered) / probes / (elapsedMs / 1000);
}

export function ratioOrNull(a: number, b: number): number | null {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : null;
}

// ---------------------------------------------------------------- report

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

export interface BaselineFigures {
  mode: 'plain' | 'batch';
  latencyMs: Percentiles;
  deliveredPerSec: number;
  serverCpuPct: number;
  serverRssMb: number;
}

export interface LoadResult {
  attendees: number;
  moderators: number;
  questionsPerSec: number;
  upvotesPerSec: number;
  durationS: number;
  latencyMs: { attendee: Percentiles; moderator: Percentiles };
  lostAcks: number;
  errors: number;
  serverCpuPct: number;
  serverRssMb: number;
  maxSustainedUpvotesPerSec?: number | null;
  baseline?: { plain: BaselineFigures; batch: BaselineFigures; ratios: { vsPlain: number | null; vsBatch: number | null } };
  [extra: string]: unknown;
}

export const pct = (s: Summary): Percentiles => ({ p50: s.p50, p95: s.p95, p99: s.p99 });

export function fmtMs(v: number): string {
  if (v === Infinity) return 'inf';
  if (Number.isNaN(v)) return 'n/a';
  return v >= 100 ? String(Math.round(v)) : v.toFixed(1);
}

export function renderTable(rows: ReadonlyArray<Record<string, string>>): string {
  if (!rows.length) return '';
  const head = Object.keys(rows[0]!);
  const lines = [head, ...rows.map((r) => head.map((h) => r[h] ?? ''))];
  const widths = head.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  return lines.map((l) => l.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}

/** JSON has no Infinity/NaN: they travel as strings ("Infinity"). */
export function toJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x), 2);
}
