/**
 * The catalogues must stay complete: the kernel's and every registered feature's, each with the same keys
 * in German and English, nothing empty, the same placeholders; merged without a key path defined twice;
 * every key the code names exists, and every error code / reason has a message.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { flattenCatalogue, type CatalogueTree } from '../testing/catalogue.js';
import { describe, expect, it } from 'vitest';
import { PlanErrorCode } from '../../shared/breakouts/engine.js';
import { BreakoutMode, RoundStatus } from '../../shared/breakouts/schemas.js';
import { ErrorCode } from '../../shared/errors.js';
import { EventFormat, Language } from '../../shared/events/schemas.js';
import { QuestionState } from '../../shared/qa/schemas.js';
import { LinkRole, Role } from '../../shared/kernel/roles.js';
import { HandshakeError, RevokedReason } from '../../shared/socket.js';
import { clientFeatures } from '../features.js';
import type { Catalogue } from '../kernel/feature.js';
import de from './de.json';
import en from './en.json';
import { browserLanguage, pickLanguage } from './language.js';
import { mergeCatalogues } from './merge.js';


/** Every registered catalogue pair: the kernel's, then each feature's. */
const registered: Array<{ name: string; de: Catalogue; en: Catalogue }> = [
  { name: 'kernel', de, en },
  ...(await Promise.all(clientFeatures.map(async (f) => ({ name: f.name, de: (await f.i18n.de()).default, en: (await f.i18n.en()).default })))),
];
const mergedDe = mergeCatalogues(registered.map((c) => c.de));
const mergedEn = mergeCatalogues(registered.map((c) => c.en));
const flatDe = flattenCatalogue(mergedDe.catalogue as CatalogueTree);
const flatEn = flattenCatalogue(mergedEn.catalogue as CatalogueTree);
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
/** A key as code names it: plural keys (`x_one`, `x_other`) are looked up as `x`. */
const baseKeys = new Set([...flatDe.keys()].map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('i18n catalogues', () => {
  it('include the kernel and every registered feature', () => {
    expect(registered.map((c) => c.name)).toEqual(['kernel', ...clientFeatures.map((f) => f.name)]);
    for (const c of registered) expect(Object.keys(c.de).length, `${c.name} has keys`).toBeGreaterThan(0);
  });

  it('have identical key sets, in every registered catalogue', () => {
    for (const c of registered) {
      const cDe = flattenCatalogue(c.de as CatalogueTree);
      const cEn = flattenCatalogue(c.en as CatalogueTree);
      const onlyDe = [...cDe.keys()].filter((k) => !cEn.has(k));
      const onlyEn = [...cEn.keys()].filter((k) => !cDe.has(k));
      expect({ catalogue: c.name, onlyDe, onlyEn }).toEqual({ catalogue: c.name, onlyDe: [], onlyEn: [] });
    }
    expect(flatDe.size).toBeGreaterThan(200);
  });

  it('merge without a key path defined twice', () => {
    expect(mergedDe.collisions).toEqual([]);
    expect(mergedEn.collisions).toEqual([]);
    expect(mergeCatalogues([{ a: { b: 'x' } }, { a: { b: 'y', c: 'z' } }]).collisions).toEqual(['a.b']);
  });

  it('have no empty entries', () => {
    const empty = [...flatDe, ...flatEn].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const differ = [...flatDe.keys()].filter((k) => placeholders(flatDe.get(k)!).join() !== placeholders(flatEn.get(k) ?? '').join());
    expect(differ).toEqual([]);
  });

  it('have plural forms wherever a count is interpolated', () => {
    const missing = [...flatDe.entries()]
      .filter(([k, v]) => placeholders(v).includes('count') && !/_(one|other)$/.test(k))
      .map(([k]) => k);
    expect(missing).toEqual([]);
  });

  it('contain every key the code names literally', () => {
    const root = join(import.meta.dirname, '..');
    const used = new Set<string>();
    for (const file of sourceFiles(root)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(150);
    expect([...used].filter((k) => !baseKeys.has(k))).toEqual([]);
  });

  it('have a message for every error code, refusal, revocation, state, format, language and breakout reason/status/mode', () => {
    const needed = [
      ...ErrorCode.options.map((c) => `errors.${c}`),
      ...['offline', 'timeout', 'network', 'unknown'].map((c) => `errors.${c}`),
      ...HandshakeError.options.map((r) => `connection.refused.${r}`),
      'connection.refused.unknown',
      ...['link_incomplete', 'link_invalid', 'wrong_role_named'].map((r) => `connection.refused.${r}`),
      ...Role.options.map((r) => `connection.linkIs.${r}`),
      ...LinkRole.options.map((r) => `connection.linkNeeded.${r}`),
      ...RevokedReason.options.map((r) => `connection.revoked.${r}`),
      ...QuestionState.options.map((s) => `mod.state.${s}`),
      ...EventFormat.options.map((f) => `format.${f}`),
      ...Language.options.map((l) => `language.${l}`),
      ...LinkRole.options.flatMap((r) => [`detail.link.${r}`, `detail.copy.${r}`, `detail.rotate.${r}`]),
      ...PlanErrorCode.options.map((c) => `errors.reason.${c}`),
      ...RoundStatus.options.map((s) => `breakouts.status.${s}`),
      ...BreakoutMode.options.flatMap((m) => [`breakouts.mode.${m}`, `breakouts.modeHint.${m}`]),
      ...['saved', 'typing', 'saving', 'error'].map((s) => `breakouts.result.state.${s}`),
      ...['noRepeats', 'repeats', 'repeatBound', 'sizesEqual', 'sizes', 'apart', 'together', 'spread', 'rulesKept'].map((k) => `breakouts.report.${k}`),
      ...['wholeNumber', 'rounds', 'minutes', 'spread', 'template'].map((k) => `breakouts.plan.invalid.${k}`),
      ...['key', 'label', 'duplicate'].map((k) => `breakouts.fields.problem.${k}`),
    ];
    expect(needed.filter((k) => !baseKeys.has(k))).toEqual([]);
  });
});

describe('language choice', () => {
  it('prefers the explicit choice, then the event, then the browser; German when unsure', () => {
    expect(pickLanguage({ stored: 'en', event: 'de', browser: 'de' })).toBe('en');
    expect(pickLanguage({ stored: null, event: 'en', browser: 'de' })).toBe('en');
    expect(pickLanguage({ stored: null, event: null, browser: 'en' })).toBe('en');
    expect(browserLanguage(['fr-FR', 'en-GB', 'de'])).toBe('en');
    expect(browserLanguage(['de-AT'])).toBe('de');
    expect(browserLanguage(['fr-FR'])).toBe('de');
    expect(browserLanguage([])).toBe('de');
  });
});

describe('language switch', () => {
  it('remembers the choice and sets <html lang>', async () => {
    const { chooseLanguage, default: i18n } = await import('./index.js');
    await chooseLanguage('en');
    expect(i18n.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('plenum.lang')).toBe('en');
    await chooseLanguage('de');
    expect(document.documentElement.lang).toBe('de');
  });
});
