/**
 * i18next setup: the kernel's catalogues (here) and every registered feature's, merged per language. Only
 * the page's language is loaded (one chunk per language, vite.config.ts; the attendee page's first load,
 * docs/performance.md); the other is fetched when the page switches to it, before i18next does.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { useEffect } from 'react';
import type { CatalogueLoader } from '../kernel/feature.js';
import { mergeCatalogues } from './merge.js';
import { browserLanguage, LANGUAGES, pickLanguage, storedLanguage, storeLanguage, type Lang } from './language.js';

export { LANGUAGES, type Lang } from './language.js';

function setDocumentLanguage(lang: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

/** The kernel's own catalogues. */
const kernelCatalogues: Record<Lang, CatalogueLoader> = {
  de: () => import('./de.json'),
  en: () => import('./en.json'),
};

/** What a feature contributes: its catalogue per language (ClientFeature['i18n']). */
export interface FeatureCatalogues {
  i18n: Record<Lang, CatalogueLoader>;
}

/** The loaders of one language: the kernel's first, then the features' in order of registration. */
export function catalogues(lang: Lang, features: readonly FeatureCatalogues[]): CatalogueLoader[] {
  return [kernelCatalogues[lang], ...features.map((f) => f.i18n[lang])];
}

let registered: readonly FeatureCatalogues[] = [];
const loading = new Map<Lang, Promise<void>>();

/** Loads the merged catalogue of one language into i18next, once (a failed load is tried again next time). */
export function loadLanguage(lang: Lang): Promise<void> {
  let done = loading.get(lang);
  if (!done) {
    done = Promise.all(catalogues(lang, registered).map((load) => load())).then((modules) => {
      i18n.addResourceBundle(lang, 'translation', mergeCatalogues(modules.map((m) => m.default)).catalogue, true, true);
    });
    done.catch(() => loading.delete(lang));
    loading.set(lang, done);
  }
  return done;
}

/** The language asked for last: a slower load of an earlier choice must not override it. */
let wanted: Lang | undefined;

/** Switches to a language once its catalogue is there (at once, when it is). */
function switchTo(lang: Lang): Promise<unknown> {
  wanted = lang;
  return loadLanguage(lang).then(() => (wanted === lang && i18n.language !== lang ? i18n.changeLanguage(lang) : undefined));
}

/**
 * The entry points (main.tsx, test-setup.ts) pass the registered features: the i18n kernel must not import
 * client/features.ts, whose pages import it back. Resolves when the first language's catalogue is loaded
 * (main.tsx renders then); `preload` loads more languages before it resolves (the tests switch to English).
 */
export async function initI18n(lang: Lang | undefined, features: readonly FeatureCatalogues[], preload: readonly Lang[] = []): Promise<typeof i18n> {
  registered = features;
  const initial = lang ?? pickLanguage({ stored: storedLanguage(), event: null, browser: currentBrowserLanguage() });
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: {},
      partialBundledLanguages: true,
      lng: initial,
      // The catalogues have the same keys in both languages (client/i18n/catalogues.test.ts): nothing falls back.
      fallbackLng: false,
      supportedLngs: [...LANGUAGES],
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
      showSupportNotice: false,
    });
    i18n.on('languageChanged', setDocumentLanguage);
  }
  await Promise.all(preload.map(loadLanguage));
  await switchTo(initial);
  setDocumentLanguage(initial);
  return i18n;
}

function currentBrowserLanguage(): Lang {
  return browserLanguage(typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]));
}

/** The DE/EN switch: an explicit choice wins everywhere from now on. Rejects when the catalogue cannot load. */
export function chooseLanguage(lang: Lang): Promise<unknown> {
  storeLanguage(lang);
  return switchTo(lang);
}

/**
 * Every page calls this: event pages pass the event's language, other pages nothing. Without an explicit
 * choice the event's language (or the browser's) applies.
 */
export function usePageLanguage(eventLanguage?: Lang | null): void {
  useEffect(() => {
    const lang = pickLanguage({ stored: storedLanguage(), event: eventLanguage, browser: currentBrowserLanguage() });
    // Offline: the page stays in the language it has; the next page or switch tries again.
    if (i18n.language !== lang) switchTo(lang).catch(() => undefined);
  }, [eventLanguage]);
}

export default i18n;

/** A choice made in another tab applies here too. */
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key !== null && e.key !== 'plenum.lang') return;
    const lang = storedLanguage();
    if (lang && i18n.isInitialized && i18n.language !== lang) switchTo(lang).catch(() => undefined);
  });
}
