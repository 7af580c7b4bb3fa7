/**
 * Breakout engine benchmark: `npx tsx bench/groups/run.ts`. For each instance the engine and a
 * random-balanced baseline (shuffle and deal out per round) run in separate processes of this same
 * run; the table shows repeated pairs (counting history), size spread (max−min), broken rules, wall
 * time of the call and peak RSS of the process (idle Node + tsx is about the "idle" column).
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

interface Row {
  label: string;
  n: number;
  size: number;
  rounds: number;
  history?: number;
  spread?: number;
}

const rows: Row[] = [
  { label: 'Kirkman 5-3-7', n: 15, size: 3, rounds: 7 },
  { label: 'golfers 8-4-8', n: 32, size: 4, rounds: 8 },
  { label: 'golfers 6-5-5', n: 30, size: 5, rounds: 5 },
  { label: 'golfers 10-6-4', n: 60, size: 6, rounds: 4 },
  { label: 'golfers 40-5-4', n: 200, size: 5, rounds: 4 },
  { label: 'golfers 125-8-3', n: 1000, size: 8, rounds: 3 },
  { label: 'Kirkman 9-3-13', n: 27, size: 3, rounds: 13 },
  { label: 'Kirkman 11-3-16', n: 33, size: 3, rounds: 16 },
  { label: 'nearly Kirkman 10-3-14', n: 30, size: 3, rounds: 14 },
  { label: 'golfers 4-4-5', n: 16, size: 4, rounds: 5 },
  { label: 'golfers 10-4-13', n: 40, size: 4, rounds: 13 },
  { label: 'golfers 8-4-10', n: 32, size: 4, rounds: 10 },
  { label: 'golfers 16-4-21', n: 64, size: 4, rounds: 21 },
  { label: 'golfers 7-7-8', n: 49, size: 7, rounds: 8 },
  { label: 'golfers 6-4-7', n: 24, size: 4, rounds: 7 },
  { label: 'golfers 6-5-6 (0 unknown)', n: 30, size: 5, rounds: 6 },
  { label: 'Kirkman less 1: 14-3-7', n: 14, size: 3, rounds: 7 },
  { label: '4s less 2: 62-4-20', n: 62, size: 4, rounds: 20 },
  { label: '1 round, 3 before', n: 10_000, size: 5, rounds: 1, history: 3 },
  { label: '1 round, spread', n: 10_000, size: 8, rounds: 1, spread: 300 },
  { label: '3 rounds of 7s', n: 1000, size: 7, rounds: 3 },
  { label: 'dense: no 0 known', n: 150, size: 10, rounds: 10 },
];

const measure = fileURLToPath(new URL('./measure.ts', import.meta.url));

interface Result {
  repeats: number;
  bound: number;
  spread: number;
  violations: number;
  method: string;
  ms: number;
  peakMb: number;
  idleMb: number;
}

function one(row: Row, solver: 'engine' | 'random'): Result {
  const out = execFileSync(process.execPath, ['--import', 'tsx', measure, JSON.stringify({ ...row, solver })], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out) as Result;
}

const head = ['instance', 'people', 'size', 'rounds', 'extra', '|', 'repeats', 'bound', 'spread', 'broken', 'ms', 'peak MB', 'method', '|', 'repeats', 'spread', 'broken', 'ms', 'peak MB'];
const lines: string[][] = [head];
for (const row of rows) {
  const e = one(row, 'engine');
  const b = one(row, 'random');
  const extra = [row.history ? `${row.history} rounds before` : '', row.spread ? `spread ${row.spread} companies` : ''].filter(Boolean).join(', ') || '-';
  lines.push([
    row.label, String(row.n), String(row.size), String(row.rounds), extra,
    '|', String(e.repeats), String(e.bound), String(e.spread), String(e.violations), e.ms.toFixed(0), String(e.peakMb), e.method,
    '|', String(b.repeats), String(b.spread), String(b.violations), b.ms.toFixed(0), String(b.peakMb),
  ]);
}
const idle = one({ label: '', n: 1, size: 1, rounds: 1 }, 'random').peakMb;
const left = new Set([0, 4, 12]);
const widths = head.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
const engineAt = lines[0]!.slice(0, 6).reduce((w, _, i) => w + widths[i]! + 2, 0);
const randomAt = lines[0]!.slice(0, 14).reduce((w, _, i) => w + widths[i]! + 2, 0);
console.log(`${''.padEnd(engineAt)}engine${''.padEnd(randomAt - engineAt - 6)}random-balanced baseline`);
for (const l of lines) console.log(l.map((c, i) => (left.has(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
console.log(`\nrepeats: meetings of pairs that had met before (history included); bound: proven lower bound on
repeats for these sizes (report.repeatLowerBound; repeats − bound is the gap still possible); spread: largest minus smallest group;
broken: apart/together/spread rules broken; ms: the planGroups/baseline call; peak MB: peak RSS of the
measuring process (an idle one: ${idle} MB). Node ${process.version}, ${availableParallelism()} cores.`);
