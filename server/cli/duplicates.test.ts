import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_DUPLICATE_THRESHOLD, findDuplicatePairs, similarity } from '../../shared/qa/similarity/index.js';
import { parseQuestions, run } from './duplicates.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenum-duplicates-'));
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

const questions = [
  { id: 'q1', text: 'Wird der Vortrag aufgezeichnet?' },
  { id: 'q2', text: 'Wo finde ich die Folien?' },
  { id: 'q3', text: 'Gibt es eine Aufzeichnung des Vortrags?' },
  { id: 'q4', text: 'Wo finde ich die Follien?' },
  { id: 'q5', text: 'Wann beginnt der Workshop zu KI?' },
  { id: 'q6', text: 'Wann endet der Workshop zu KI?' },
];

async function file(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('npm run cli -- duplicates', () => {
  it('prints the pairs the app calls duplicates at its default threshold', async () => {
    const path = await file('q.jsonl', `${questions.map((q) => JSON.stringify(q)).join('\n')}\n`);
    const { code, out, err } = await cli(['--in', path]);
    expect(code).toBe(0);
    expect(err).toBe('');
    const json = JSON.parse(out) as { pairs: [string, string, number][] };
    const expected = findDuplicatePairs(questions, DEFAULT_DUPLICATE_THRESHOLD);
    expect(json.pairs.map(([a, b]) => [a, b])).toEqual(expected.map(([a, b]) => [a, b]));
    expect(json.pairs.map(([a, b]) => `${a}-${b}`).sort()).toEqual(['q1-q3', 'q2-q4']);
    for (const [a, b, score] of json.pairs) {
      const s = similarity(questions.find((q) => q.id === a)!.text, questions.find((q) => q.id === b)!.text);
      expect(score).toBeCloseTo(s, 4);
    }
  });

  it('--threshold widens or narrows the result; numeric ids stay numbers; CRLF and blank lines are fine', async () => {
    const path = await file('n.jsonl', '{"id": 1, "text": "Wann beginnt der Workshop zu KI?"}\r\n\r\n{"id": 2, "text": "Wann endet der Workshop zu KI?"}\r\n');
    expect(JSON.parse((await cli(['--in', path])).out)).toEqual({ pairs: [] });
    const wide = JSON.parse((await cli(['--in', path, '--threshold', '0.4'])).out);
    expect(wide.pairs).toEqual([[1, 2, expect.any(Number)]]);
    const same = await file('s.jsonl', '{"id":"a","text":"Ist das Parken frei?"}\n{"id":"b","text":"ist das parken frei"}\n');
    expect(JSON.parse((await cli(['--in', same, '--threshold', '1'])).out)).toEqual({ pairs: [['a', 'b', 1]] });
  });

  it('an empty file gives no pairs', async () => {
    const path = await file('empty.jsonl', '');
    const { code, out } = await cli(['--in', path]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ pairs: [] });
  });

  it.each([
    ['missing file', ['--in', '/nonexistent/q.jsonl'], /cannot read \/nonexistent\/q\.jsonl: ENOENT/],
    ['no --in', [], /--in FILE\.jsonl/],
    ['bad threshold', ['--in', 'IN', '--threshold', 'high'], /--threshold must be a number from 0 to 1/],
    ['threshold above 1', ['--in', 'IN', '--threshold', '1.5'], /--threshold must be a number from 0 to 1/],
    ['unknown flag', ['--in', 'IN', '--nope'], /Unknown option/],
  ])('exits 2 with a clear message: %s', async (_name, argv, message) => {
    const path = await file('ok.jsonl', '{"id":"a","text":"x"}\n');
    const { code, out, err } = await cli(argv.map((a) => (a === 'IN' ? path : a)));
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(out).toBe('');
  });

  it.each([
    ['bad JSON', '{"id":"a","text":"x"}\n{"id": "b", "text": \n', /line 2 is not valid JSON/],
    ['not an object', '["a", "x"]\n', /line 1 must be an object/],
    ['no id', '{"text":"x"}\n', /line 1 needs an "id"/],
    ['no text', '{"id":"a"}\n', /line 1 needs a "text" string/],
    ['repeated id', '{"id":"a","text":"x"}\n{"id":"a","text":"y"}\n', /line 2 repeats the id "a"/],
  ])('exits 2 on bad lines: %s', async (_name, content, message) => {
    const path = await file('bad.jsonl', content);
    const { code, out, err } = await cli(['--in', path]);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(out).toBe('');
  });

  it('--help', async () => {
    const { code, out } = await cli(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('--threshold T');
    expect(out).toContain(String(DEFAULT_DUPLICATE_THRESHOLD));
  });

  it('parseQuestions keeps ids as given', () => {
    expect(parseQuestions('{"id":7,"text":"a"}\n{"id":"x","text":"b"}')).toEqual([
      { id: 7, text: 'a' },
      { id: 'x', text: 'b' },
    ]);
  });
});
