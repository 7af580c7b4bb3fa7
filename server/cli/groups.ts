/**
 * `npm run cli -- groups ...`: plans breakout groups offline with the assignment engine and prints
 * them as JSON or CSV. Thin shell: reads files, parses flags, calls the pure engine, formats.
 * Exit codes: 0 planned (broken rules, if any, are listed in the report), 2 bad input.
 */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { GroupPerson, PlanReport, PlanRequest } from '../../shared/breakouts/engine.js';
import { planGroups } from '../breakouts/engine/index.js';

export const usage = `usage: npm run cli -- groups (--people FILE.csv | --players N) (--size K | --groups G) [options]

  --people FILE      roster CSV with a header row: column "id" (or "name"), optional "email",
                     every further column is an attribute (e.g. company, role)
  --players N        anonymous people 0..N-1 instead of a roster
  --size K           largest group size (groups = ceil(people / K)); sizes differ by at most one
  --groups G         number of groups instead of --size
  --rounds R         rounds to plan together (default 1); nobody meets twice where possible
  --history FILE     earlier rounds of the event (JSON as printed by --format json, or just its "rounds")
  --spread A[,B]     no group gets more than its fair share (rounded up) of one value of attribute A
  --apart "a,b;c,d"  sets of ids of which no two share a group (sets separated by ";")
  --together "e,f"   sets of ids that share one group in every round
  --seed N           same seed, same input → same groups (default 1)
  --time-limit-ms N  upper bound for the whole planning (default 3500 ms up to 200 people; above,
                     700 ms or people × rounds / 50 ms if larger, at most 10 s)
  --format json|csv  json (default): {"rounds": [[[id, ...], ...], ...], "report": {...}};
                     csv: rows round,group,id (both counted from 1), the report on stderr
  --help             this text

exit codes: 0 planned (rules that could not all be kept are listed in the report), 2 bad input`;

class InputError extends Error {}

function positiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value.trim())) throw new InputError(`--${name} must be a whole number (got "${value}")`);
  return Number(value);
}

/** "a,b;c,d" → [["a","b"],["c","d"]] */
export function parseSets(value: string | undefined): string[][] | undefined {
  if (value === undefined) return undefined;
  const sets = value
    .split(';')
    .map((set) => set.split(',').map((id) => id.trim()).filter(Boolean))
    .filter((set) => set.length > 0);
  return sets;
}

/** Roster CSV → people. Header names are matched case-insensitively; "email" is not an attribute. */
export function parseRoster(text: string): GroupPerson[] {
  let rows: string[][];
  try {
    rows = parseCsv(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  } catch (err) {
    throw new InputError(`the roster is not valid CSV: ${err instanceof Error ? err.message : err}`);
  }
  const [header, ...body] = rows;
  if (!header) throw new InputError('the roster is empty (a header row with an "id" or "name" column is needed)');
  const lower = header.map((h) => h.trim().toLowerCase());
  const idCol = lower.indexOf('id') >= 0 ? lower.indexOf('id') : lower.indexOf('name');
  if (idCol < 0) throw new InputError(`the roster needs an "id" or "name" column (found: ${header.join(', ')})`);
  const attrCols = header
    .map((name, i) => ({ name: name.trim(), i }))
    .filter(({ name, i }) => i !== idCol && name !== '' && !['email', 'id', 'name'].includes(name.toLowerCase()));
  return body.map((row, line) => {
    const id = row[idCol]?.trim();
    if (!id) throw new InputError(`roster row ${line + 2} has no ${header[idCol]}`);
    const attributes: Record<string, string> = {};
    for (const { name, i } of attrCols) {
      const v = row[i]?.trim();
      if (v) attributes[name] = v;
    }
    return Object.keys(attributes).length ? { id, attributes } : { id };
  });
}

function parseHistory(text: string): string[][][] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(`the history file is not valid JSON: ${err instanceof Error ? err.message : err}`);
  }
  const rounds = Array.isArray(data) ? data : (data as { rounds?: unknown })?.rounds;
  const ok =
    Array.isArray(rounds) &&
    rounds.every((r) => Array.isArray(r) && r.every((g) => Array.isArray(g) && g.every((id) => typeof id === 'string' || typeof id === 'number')));
  if (!ok) throw new InputError('the history file must hold rounds as [[[id, ...], ...], ...] (or {"rounds": ...})');
  return (rounds as (string | number)[][][]).map((r) => r.map((g) => g.map(String)));
}

export function summary(report: PlanReport): string {
  const lines = [
    `${report.people} people, ${report.rounds} round(s) of ${report.groups} groups (sizes ${report.minSize}–${report.maxSize}, spread ${report.sizeSpread})`,
    `repeated pairs: ${report.repeatedPairs}${report.repeatLowerBound > 0 ? ` (at least ${report.repeatLowerBound} unavoidable)` : ''}`,
  ];
  for (const r of report.repeats.slice(0, 10)) {
    lines.push(`  ${r.a} + ${r.b} meet again in round ${r.rounds.map((x) => x + 1).join(', ')}${r.historyMeetings ? ` (met ${r.historyMeetings}× before)` : ''}`);
  }
  lines.push(`rule violations: ${report.violations.length || 'none'}`);
  for (const v of report.violations.slice(0, 20)) {
    const where = `round ${v.round + 1}, group${v.groups.length > 1 ? 's' : ''} ${v.groups.map((g) => g + 1).join(', ')}`;
    const what =
      v.kind === 'spread'
        ? `${v.ids.length} with ${v.attribute}=${v.value} (at most ${v.limit})`
        : v.kind === 'apart'
          ? `kept-apart people together`
          : `together set split`;
    lines.push(`  ${where}: ${what}: ${v.ids.join(', ')}`);
  }
  if (report.violations.length > 20) lines.push(`  ... and ${report.violations.length - 20} more`);
  lines.push(`method: ${report.method}, ${report.iterations} search iterations${report.elapsedMs !== undefined ? `, ${report.elapsedMs} ms` : ''}`);
  return lines.join('\n');
}

async function buildRequest(values: Record<string, string | boolean | undefined>): Promise<PlanRequest> {
  const str = (k: string): string | undefined => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const file = str('people');
  const players = positiveInt('players', str('players'));
  if ((file === undefined) === (players === undefined)) throw new InputError('give either --people FILE.csv or --players N');
  let people: GroupPerson[];
  if (file !== undefined) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      throw new InputError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? err}`);
    }
    people = parseRoster(text);
  } else {
    if (players! < 1) throw new InputError(`--players must be at least 1 (got ${players})`);
    if (players! > 100_000) throw new InputError(`--players must be at most 100000 (got ${players})`);
    people = Array.from({ length: players! }, (_, i) => ({ id: String(i) }));
  }
  const size = positiveInt('size', str('size'));
  const groups = positiveInt('groups', str('groups'));
  if ((size === undefined) === (groups === undefined)) throw new InputError('give either --size K or --groups G');
  const historyFile = str('history');
  let history: string[][][] | undefined;
  if (historyFile !== undefined) {
    try {
      history = parseHistory(await readFile(historyFile, 'utf8'));
    } catch (err) {
      if (err instanceof InputError) throw err;
      throw new InputError(`cannot read ${historyFile}: ${(err as NodeJS.ErrnoException).code ?? err}`);
    }
  }
  // Attribute names as the roster spells them, whatever case the flag uses.
  const known = new Map(people.flatMap((p) => Object.keys(p.attributes ?? {})).map((k) => [k.toLowerCase(), k]));
  const spread = str('spread')?.split(',').map((s) => s.trim()).filter(Boolean).map((s) => known.get(s.toLowerCase()) ?? s);
  const apart = parseSets(str('apart'));
  const together = parseSets(str('together'));
  return {
    people,
    ...(size !== undefined ? { size } : { groups }),
    rounds: positiveInt('rounds', str('rounds')) ?? 1,
    ...(history ? { history } : {}),
    constraints: { ...(spread?.length ? { spread } : {}), ...(apart ? { apart } : {}), ...(together ? { together } : {}) },
    seed: positiveInt('seed', str('seed')) ?? 1,
    ...(str('time-limit-ms') !== undefined ? { timeLimitMs: positiveInt('time-limit-ms', str('time-limit-ms'))! } : {}),
  };
}

export async function run(argv: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        people: { type: 'string' },
        players: { type: 'string' },
        size: { type: 'string' },
        groups: { type: 'string' },
        rounds: { type: 'string' },
        history: { type: 'string' },
        spread: { type: 'string' },
        apart: { type: 'string' },
        together: { type: 'string' },
        seed: { type: 'string' },
        'time-limit-ms': { type: 'string' },
        format: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (err) {
    console.error(`error: ${err instanceof Error ? err.message : err}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const format = (values.format as string | undefined) ?? 'json';
  if (format !== 'json' && format !== 'csv') {
    console.error(`error: --format must be json or csv (got "${format}")`);
    return 2;
  }
  let request: PlanRequest;
  try {
    request = await buildRequest(values);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    console.error(`error: ${err.message}\n(see --help)`);
    return 2;
  }
  const result = planGroups(request, { clock: () => performance.now() });
  if (!result.ok) {
    console.error(`error (${result.error.code}): ${result.error.message}`);
    if (format === 'json') console.error(JSON.stringify({ error: result.error }));
    return 2;
  }
  const { rounds, report } = result.value;
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify({ rounds, report })}\n`);
  } else {
    const rows: (string | number)[][] = [['round', 'group', 'id']];
    rounds.forEach((groups, r) => groups.forEach((group, g) => group.forEach((id) => rows.push([r + 1, g + 1, id]))));
    process.stdout.write(stringify(rows));
    console.error(summary(report));
  }
  return 0;
}
