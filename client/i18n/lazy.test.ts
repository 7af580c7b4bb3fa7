/**
 * Only the page's language is loaded (docs/performance.md, JavaScript budget): the other language's
 * catalogues are fetched when the page switches to it, once, and a slow load of an earlier choice does not
 * override a later one. (test-setup.ts has initialised i18next with the real catalogues; this file adds a
 * feature of its own and looks at what its loaders were asked for.)
 */
import { describe, expect, it, vi } from 'vitest';
import type { Catalogue } from '../kernel/feature.js';

function deferred() {
  let resolve!: (m: { default: Catalogue }) => void;
  const promise = new Promise<{ default: Catalogue }>((r) => (resolve = r));
  return { promise, resolve };
}

describe('catalogues per language', () => {
  it('loads the first language only, the other on a switch, each once', async () => {
    vi.resetModules();
    const { initI18n, chooseLanguage, default: i18n } = await import('./index.js');
    const de = vi.fn(async () => ({ default: { lazyTest: { hello: 'Hallo' } } }));
    const en = vi.fn(async () => ({ default: { lazyTest: { hello: 'Hello' } } }));
    await initI18n('de', [{ i18n: { de, en } }]);
    expect(de).toHaveBeenCalledTimes(1);
    expect(en).not.toHaveBeenCalled();
    expect(i18n.t('lazyTest.hello')).toBe('Hallo');

    await chooseLanguage('en');
    expect(en).toHaveBeenCalledTimes(1);
    expect(i18n.language).toBe('en');
    expect(i18n.t('lazyTest.hello')).toBe('Hello');
    expect(document.documentElement.lang).toBe('en');

    await chooseLanguage('de');
    await chooseLanguage('en');
    expect(de).toHaveBeenCalledTimes(1);
    expect(en).toHaveBeenCalledTimes(1);
    await chooseLanguage('de');
  });

  it('keeps the latest choice when an earlier language loads slower', async () => {
    vi.resetModules();
    const { initI18n, chooseLanguage, default: i18n } = await import('./index.js');
    const slowEn = deferred();
    const de = vi.fn(async () => ({ default: { lazyTest: { bye: 'Tschüss' } } }));
    const en = vi.fn(() => slowEn.promise);
    await initI18n('de', [{ i18n: { de, en } }]);
    const toEn = chooseLanguage('en');
    await chooseLanguage('de');
    slowEn.resolve({ default: { lazyTest: { bye: 'Bye' } } });
    await toEn;
    expect(i18n.language).toBe('de');
    expect(i18n.t('lazyTest.bye')).toBe('Tschüss');
  });

  it('tries a failed load again on the next switch', async () => {
    vi.resetModules();
    const { initI18n, chooseLanguage, default: i18n } = await import('./index.js');
    const de = vi.fn(async () => ({ default: { lazyTest: { again: 'Nochmal' } } }));
    const en = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue({ default: { lazyTest: { again: 'Again' } } });
    await initI18n('de', [{ i18n: { de, en } }]);
    await expect(chooseLanguage('en')).rejects.toThrow('offline');
    expect(i18n.language).toBe('de');
    await chooseLanguage('en');
    expect(i18n.t('lazyTest.again')).toBe('Again');
    await chooseLanguage('de');
  });
});
