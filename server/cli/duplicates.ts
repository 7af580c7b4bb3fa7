/**
 * `npm run cli -- duplicates --in FILE.jsonl [--threshold T]`: the pairs of questions the app would call
 * duplicates. Thin shell: reads the file, calls findDuplicatePairs from shared/qa/similarity, prints JSON.
 * Exit codes: 0 done (also when there are no pairs), 2 bad input.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DEFAULT_DUPLICATE_THRESHOLD, findDuplicatePairs } from '../../shared/qa/similarity/index.js';

export const usage = `usage: npm run cli -- duplicates --in FILE.jsonl [--threshold T]

  --in FILE        one question per line as JSON: {"id": "q1", "text": "Wird der Vortrag aufgezeichnet?"}
                   (id a string or a number; empty lines are skipped)
  --threshold T    lowest score in [0, 1] that counts as a duplicate (default ${DEFAULT_DUPLICATE_THRESHOLD}, the app's)
  --help           this text

prints {"pairs": [[idA, idB, score], ...]}: best first, each pair once, idA the earlier line; scores
rounded to 4 decimals. exit codes: 0 done, 2 bad input`;

class InputError extends Error {}

type Id = string | number;

/** JSON lines → questions; throws InputError naming the line of the first problem. */
export function parseQuestions(text: string): { id: Id; text: string }[] {
  const out: { id: Id; text: string }[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw new InputError(`line ${i + 1} is not valid JSON: ${err instanceof Error ? err.message : err}`);
    }
    const { id, text: questionText } = (value ?? {}) as { id?: unknown; text?: unknown };
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new InputError(`line ${i + 1} must be an object like {"id": "q1", "text": "..."}`);
    }
    if (!((typeof id === 'string' && id !== '') || (typeof id === 'number' && Number.isFinite(id)))) {
      throw new InputError(`line ${i + 1} needs an "id" (a non-empty string or a number)`);
    }
    if (typeof questionText !== 'string') throw new InputError(`line ${i + 1} needs a "text" string`);
    if (seen.has(String(id))) throw new InputError(`line ${i + 1} repeats the id ${JSON.stringify(id)}`);
    seen.add(String(id));
    out.push({ id, text: questionText });
  });
  return out;
}

export async function run(argv: string[]): Promise<number> {
  let values: { in?: string; threshold?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: { in: { type: 'string' }, threshold: { type: 'string' }, help: { type: 'boolean' } },
    }));
  } catch (err) {
    console.error(`error: ${err instanceof Error ? err.message : err}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  try {
    if (values.in === undefined) throw new InputError('give the questions with --in FILE.jsonl');
    let threshold = DEFAULT_DUPLICATE_THRESHOLD;
    if (values.threshold !== undefined) {
      threshold = Number(values.threshold);
      if (values.threshold.trim() === '' || !Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
        throw new InputError(`--threshold must be a number from 0 to 1 (got "${values.threshold}")`);
      }
    }
    let text: string;
    try {
      text = await readFile(values.in, 'utf8');
    } catch (err) {
      throw new InputError(`cannot read ${values.in}: ${(err as NodeJS.ErrnoException).code ?? err}`);
    }
    const questions = parseQuestions(text);
    const ids = new Map(questions.map((q) => [String(q.id), q.id]));
    const pairs = findDuplicatePairs(
      questions.map((q) => ({ id: String(q.id), text: q.text })),
      threshold,
    ).map(([a, b, score]) => [ids.get(a)!, ids.get(b)!, Math.round(score * 10_000) / 10_000]);
    process.stdout.write(`${JSON.stringify({ pairs })}\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    console.error(`error: ${err.message}\n(see --help)`);
    return 2;
  }
}
