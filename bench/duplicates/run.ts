/**
 * `npm run bench:duplicates`: precision, recall and F1 of the duplicate detector on the labelled pairs of
 * tests/fixtures/duplicates.jsonl at DEFAULT_DUPLICATE_THRESHOLD, for the tuning half, the held-out half
 * and both; then a threshold sweep. `--errors tune|holdout|all` lists the misjudged pairs of that half.
 */
import { parseArgs } from 'node:util';
import { createSimilarityIndex, DEFAULT_DUPLICATE_THRESHOLD, similarity } from '../../shared/qa/similarity/index.js';
import { timeLookups } from './corpus.js';
import { loadPairs, metrics, type Metrics } from './metrics.js';

const { values } = parseArgs({ options: { errors: { type: 'string' }, file: { type: 'string' } } });
const pairs = loadPairs(values.file);
const scored = pairs.map((p) => ({ ...p, score: similarity(p.a, p.b) }));
const halves = {
  tune: scored.filter((p) => p.split === 'tune'),
  holdout: scored.filter((p) => p.split === 'holdout'),
  all: scored,
};

const f = (x: number): string => x.toFixed(3);
const row = (name: string, m: Metrics): string =>
  `${name.padEnd(9)} ${String(m.n).padStart(4)} ${String(m.tp).padStart(4)} ${String(m.fp).padStart(4)} ${String(m.fn).padStart(4)}  ${f(m.precision)}  ${f(m.recall)}  ${f(m.f1)}`;

console.log(`duplicate detection on ${pairs.length} labelled pairs (${pairs.filter((p) => p.duplicate).length} duplicates), threshold ${DEFAULT_DUPLICATE_THRESHOLD}`);
console.log('half         n   tp   fp   fn  precision recall  F1');
for (const [name, set] of Object.entries(halves)) console.log(row(name, metrics(set, DEFAULT_DUPLICATE_THRESHOLD)));

console.log('\nthreshold sweep (precision / recall / F1)');
console.log('threshold  tune                 holdout              all');
for (let t = 0.5; t <= 0.9001; t += 0.05) {
  const cells = Object.values(halves).map((set) => {
    const m = metrics(set, t);
    return `${f(m.precision)}/${f(m.recall)}/${f(m.f1)}`;
  });
  console.log(`${t.toFixed(2).padEnd(10)} ${cells.join('  ')}${Math.abs(t - DEFAULT_DUPLICATE_THRESHOLD) < 1e-9 ? '  ← default' : ''}`);
}

console.log('\nrecall by kind of duplicate (all pairs), false positives by kind of non-duplicate');
const kinds = [...new Set(scored.map((p) => `${p.duplicate ? 'dup' : 'non'}:${p.kind}`))].sort();
for (const k of kinds) {
  const set = scored.filter((p) => `${p.duplicate ? 'dup' : 'non'}:${p.kind}` === k);
  const hit = set.filter((p) => p.score >= DEFAULT_DUPLICATE_THRESHOLD).length;
  console.log(`  ${k.padEnd(18)} ${hit}/${set.length} called duplicates`);
}

if (values.errors) {
  const set = halves[values.errors as keyof typeof halves];
  if (!set) throw new Error('--errors takes tune, holdout or all');
  console.log(`\nmisjudged pairs (${values.errors})`);
  for (const p of set) {
    if ((p.score >= DEFAULT_DUPLICATE_THRESHOLD) !== p.duplicate) {
      console.log(`  ${p.duplicate ? 'missed' : 'false+'} ${f(p.score)} [${p.kind}] ${p.a}  |  ${p.b}`);
    }
  }
}

timeLookups(createSimilarityIndex, () => performance.now(), 200); // warm-up: JIT and caches, as in a page that has been open a while
const timing = timeLookups(createSimilarityIndex, () => performance.now());
console.log(
  `\ntyping lookup, ${timing.questions} questions (index built in ${timing.buildMs.toFixed(0)} ms): ${timing.lookups} keystrokes, ` +
    `mean ${timing.meanMs.toFixed(2)} ms, p50 ${timing.p50Ms.toFixed(2)} ms, p95 ${timing.p95Ms.toFixed(2)} ms, max ${timing.maxMs.toFixed(2)} ms`,
);
