/**
 * i18next setup: the kernel's catalogues (here) and every registered feature's are bundled (they are
 * small) and merged, so initialisation is synchronous.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { useEffect } from 'react';
import de from './de.json';
import en from './en.json';
import type { Catalogue } from '../kernel/feature.js';
import { mergeCatalogues } from './merge.js';
import { browserLanguage, pickLanguage, storedLanguage, storeLanguage, type Lang } from './language.js';

export { LANGUAGES, type Lang } from './language.js';

function setDocumentLanguage(lang: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

/** What a feature contributes: its catalogue per language (ClientFeature['i18n']). */
export interface FeatureCatalogues {
  i18n: Record<Lang, Catalogue>;
}

/** Every catalogue of one language: the kernel's first, then the features' in order of registration. */
export function catalogues(lang: Lang, features: readonly FeatureCatalogues[]) {
  return [lang === 'de' ? de : en, ...features.map((f) => f.i18n[lang])];
}

/**
 * The entry points (main.tsx, test-setup.ts) pass the registered features: the i18n kernel must not import
 * client/features.ts, whose pages import it back.
 */
export function initI18n(lang: Lang | undefined, features: readonly FeatureCatalogues[]): typeof i18n {
  const initial = lang ?? pickLanguage({ stored: storedLanguage(), event: null, browser: currentBrowserLanguage() });
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: {
        de: { translation: mergeCatalogues(catalogues('de', features)).catalogue },
        en: { translation: mergeCatalogues(catalogues('en', features)).catalogue },
      },
      lng: initial,
      fallbackLng: 'de',
      supportedLngs: ['de', 'en'],
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    i18n.on('languageChanged', setDocumentLanguage);
  } else if (i18n.language !== initial) {
    void i18n.changeLanguage(initial);
  }
  setDocumentLanguage(initial);
  return i18n;
}

function currentBrowserLanguage(): Lang {
  return browserLanguage(typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]));
}

/** The DE/EN switch: an explicit choice wins everywhere from now on. */
export function chooseLanguage(lang: Lang): void {
  storeLanguage(lang);
  void i18n.changeLanguage(lang);
}

/**
 * Every page calls this: event pages pass the event's language, other pages nothing. Without an explicit
 * choice the event's language (or the browser's) applies.
 */
export function usePageLanguage(eventLanguage?: Lang | null): void {
  useEffect(() => {
    const lang = pickLanguage({ stored: storedLanguage(), event: eventLanguage, browser: currentBrowserLanguage() });
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
  }, [eventLanguage]);
}

export default i18n;

/** A choice made in another tab applies here too. */
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key !== null && e.key !== 'plenum.lang') return;
    const lang = storedLanguage();
    if (lang && i18n.isInitialized && i18n.language !== lang) void i18n.changeLanguage(lang);
  });
}
