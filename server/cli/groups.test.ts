import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseRoster, parseSets, run } from './groups.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenum-groups-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  const error = vi.spyOn(console, 'error').mockImplementation((...args) => {
    err += `${args.join(' ')}\n`;
  });
  try {
    return { code: await run(argv), out, err };
  } finally {
    write.mockRestore();
    error.mockRestore();
  }
}

describe('roster and flag parsing', () => {
  it('reads a roster with quotes, BOM, email and attribute columns', () => {
    const people = parseRoster('\uFEFFName,E-Mail,email,Company\n"Müller, Anna",x,a@b.de,ACME\nBob,,,\n');
    expect(people).toEqual([
      { id: 'Müller, Anna', attributes: { 'E-Mail': 'x', Company: 'ACME' } },
      { id: 'Bob' },
    ]);
    expect(parseRoster('id,name,role\n7,Anna,dev\n')).toEqual([{ id: '7', attributes: { role: 'dev' } }]);
  });

  it('rejects a roster without id or name column', () => {
    expect(() => parseRoster('email\na@b.de\n')).toThrow(/"id" or "name"/);
  });

  it('splits sets', () => {
    expect(parseSets('a, b;c,d;;')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseSets(undefined)).toBeUndefined();
  });
});

describe('npm run cli -- groups', () => {
  it('prints JSON rounds and report', async () => {
    const { code, out } = await cli(['--players', '15', '--size', '3', '--rounds', '7', '--seed', '2']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.rounds).toHaveLength(7);
    expect(json.rounds[0]).toHaveLength(5);
    expect(json.rounds[0].flat().sort()).toEqual(Array.from({ length: 15 }, (_, i) => String(i)).sort());
    expect(json.report).toMatchObject({ repeatedPairs: 0, sizeSpread: 0, violations: [] });
    expect(typeof json.report.elapsedMs).toBe('number');
  });

  it('prints CSV rows and the report on stderr, honouring spread from a roster file', async () => {
    const file = join(dir, 'people.csv');
    await writeFile(file, 'name,email,Company\nA,,ACME\nB,,ACME\nC,,ACME\nD,,Globex\nE,,Globex\nF,,Initech\n');
    const { code, out, err } = await cli(['--people', file, '--groups', '3', '--rounds', '2', '--spread', 'company', '--format', 'csv']);
    expect(code).toBe(0);
    const rows = parse(out) as string[][];
    expect(rows[0]).toEqual(['round', 'group', 'id']);
    expect(rows).toHaveLength(1 + 12);
    for (const round of ['1', '2']) {
      for (const group of ['1', '2', '3']) {
        const ids = rows.filter((r) => r[0] === round && r[1] === group).map((r) => r[2]);
        expect(ids.filter((id) => ['A', 'B', 'C'].includes(id!)).length).toBe(1);
      }
    }
    expect(err).toContain('repeated pairs: 0');
    expect(err).toContain('rule violations: none');
  });

  it('counts a history file', async () => {
    const history = join(dir, 'history.json');
    await writeFile(history, JSON.stringify({ rounds: [[['0', '1', '2'], ['3', '4', '5']]] }));
    const { code, out } = await cli(['--players', '6', '--groups', '2', '--history', history, '--time-limit-ms', '200']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    // 2 groups of 3 from 6 people who met in triples: at least 2 pairs meet again (pigeonhole)
    expect(json.report.repeatedPairs).toBe(2);
  });

  it.each([
    [['--players', '5', '--groups', '6'], /invalid_group_count/],
    [['--players', '5', '--size', '0'], /invalid_size/],
    [['--players', '5', '--size', '2', '--rounds', '0'], /invalid_rounds/],
    [['--players', '6', '--size', '2', '--together', '0,1,2'], /together_too_large/],
    [['--players', '6', '--size', '3', '--apart', '0,1', '--together', '1,0'], /contradictory_constraints/],
    [['--players', '6', '--size', '3', '--apart', '0,x'], /unknown_id/],
    [['--players', '6', '--size', '3', '--spread', 'company'], /unknown_attribute/],
    [['--players', '6'], /either --size/],
    [['--size', '3'], /either --people/],
    [['--players', 'six', '--size', '3'], /whole number/],
    [['--players', '6', '--size', '3', '--format', 'xml'], /json or csv/],
    [['--players', '6', '--size', '3', '--nope'], /Unknown option/],
    [['--people', '/nonexistent/x.csv', '--size', '3'], /cannot read/],
  ])('exits 2 with a clear message: %j', async (argv, message) => {
    const { code, out, err } = await cli(argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(out).toBe('');
  });

  it('--help', async () => {
    const { code, out } = await cli(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('--players N');
  });
});
