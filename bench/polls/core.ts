/** Pure parts of the polls benchmark: arguments, the exactness verdict, the answer schedule. */
export interface BenchArgs {
  attendees: number;
  windowSec: number;
  json: string | null;
}

export function parseArgs(argv: readonly string[]): BenchArgs {
  const out: BenchArgs = { attendees: 5000, windowSec: 5, json: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--attendees' && v) out.attendees = Number(v), i++;
    else if (a === '--window' && v) out.windowSec = Number(v), i++;
    else if (a === '--json' && v) out.json = v, i++;
    else if (a !== '--') throw new Error(`unknown argument ${a} (use --attendees N --window S [--json FILE])`);
  }
  if (!Number.isInteger(out.attendees) || out.attendees < 1) throw new Error('--attendees must be a positive whole number');
  if (!(out.windowSec > 0)) throw new Error('--window must be a positive number of seconds');
  return out;
}

/** When attendee i answers: evenly spread over the window (ms after the start). */
export function answerAt(i: number, n: number, windowMs: number): number {
  return n <= 1 ? 0 : Math.round((i * windowMs) / n);
}

export type Counts = Readonly<Record<string, number>>;

export function total(counts: Counts | null): number {
  return counts ? Object.values(counts).reduce((s, n) => s + n, 0) : 0;
}

function sameCounts(a: Counts | null, b: Counts | null): boolean {
  if (!a || !b) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
}

/** exact: moderator and stage saw the same final counts as the database holds, and their sum is the acks. */
export function isExact(v: { moderator: Counts | null; stage: Counts | null; stored: Counts; acked: number }): boolean {
  return sameCounts(v.moderator, v.stored) && sameCounts(v.stage, v.stored) && total(v.stored) === v.acked;
}
