/** The labelled pairs of tests/fixtures/duplicates.jsonl and precision/recall over them. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface LabelledPair {
  id: string;
  a: string;
  b: string;
  duplicate: boolean;
  lang: 'de' | 'en' | 'mixed';
  /** what kind of pair: typo, order, inflection, paraphrase, synonym, umlaut, nearmiss, … */
  kind: string;
  /** tune: used to choose the rules and the threshold; holdout: only reported */
  split: 'tune' | 'holdout';
}

export const FIXTURE = fileURLToPath(new URL('../../tests/fixtures/duplicates.jsonl', import.meta.url));

export function loadPairs(file = FIXTURE): LabelledPair[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledPair);
}

export interface Metrics {
  n: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function metrics(scored: readonly { duplicate: boolean; score: number }[], threshold: number): Metrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { duplicate, score } of scored) {
    const said = score >= threshold;
    if (said && duplicate) tp++;
    else if (said) fp++;
    else if (duplicate) fn++;
    else tn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { n: scored.length, tp, fp, fn, tn, precision, recall, f1 };
}
