/**
 * The polls catalogues stand alone until the integrator registers them: same keys in German and English,
 * nothing empty, same placeholders, plural forms where a count is interpolated, every key the polls
 * code names literally exists, and every error code and import problem has a message.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportIssueCode, POLL_ERROR_CODES, PollType } from '../../../shared/polls/schemas.js';
import globalDe from '../../i18n/de.json';
import de from './de.json';
import en from './en.json';

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}
const flatDe = flatten(de as Tree);
const flatEn = flatten(en as Tree);
const base = new Set([...flatDe.keys()].map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')));
const globalKeys = new Set(flatten(globalDe as Tree).keys());
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('polls catalogues', () => {
  it('have one top-level key `polls` and identical key sets', () => {
    expect(Object.keys(de)).toEqual(['polls']);
    expect(Object.keys(en)).toEqual(['polls']);
    expect([...flatDe.keys()].filter((k) => !flatEn.has(k))).toEqual([]);
    expect([...flatEn.keys()].filter((k) => !flatDe.has(k))).toEqual([]);
  });

  it('have no empty entries, the same placeholders, and plurals for counts', () => {
    expect([...flatDe, ...flatEn].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
    expect([...flatDe.keys()].filter((k) => placeholders(flatDe.get(k)!).join() !== placeholders(flatEn.get(k)!).join())).toEqual([]);
    expect([...flatDe].filter(([k, v]) => placeholders(v).includes('count') && !/_(one|other)$/.test(k)).map(([k]) => k)).toEqual([]);
  });

  it('do not clash with keys of the app catalogue', () => {
    expect([...globalKeys].filter((k) => k.startsWith('polls.'))).toEqual([]);
  });

  it('contain every key the polls code names literally', () => {
    const used = new Set<string>();
    for (const file of sources(join(import.meta.dirname, '..'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !base.has(k) && !globalKeys.has(k))).toEqual([]);
  });

  it('have a message for every error code, import problem, type and review state', () => {
    const needed = [
      ...POLL_ERROR_CODES.map((c) => `polls.errors.${c}`),
      ...ImportIssueCode.options.map((c) => `polls.import.issue.${c}`),
      ...PollType.options.flatMap((t) => [`polls.type.${t}`, `polls.typeHint.${t}`]),
      ...['pending', 'approved', 'rejected'].map((s) => `polls.open.state.${s}`),
      ...['live', 'afterClose', 'hidden'].map((s) => `polls.editor.resultsOption.${s}`),
      ...['question', 'optionText', 'options', 'items', 'maxSelections', 'quizText', 'quizOptionText', 'quizOptions', 'correct', 'timer', 'other'].map((k) => `polls.editor.problem.${k}`),
    ];
    expect(needed.filter((k) => !base.has(k))).toEqual([]);
  });
});
