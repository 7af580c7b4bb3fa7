/**
 * i18next setup: the kernel's catalogues (here) and every registered feature's are bundled (they are
 * small) and merged, so initialisation is synchronous.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { useEffect } from 'react';
import { clientFeatures } from '../features.js';
import de from './de.json';
import en from './en.json';
import { mergeCatalogues } from './merge.js';
import { browserLanguage, pickLanguage, storedLanguage, storeLanguage, type Lang } from './language.js';

export { LANGUAGES, type Lang } from './language.js';

function setDocumentLanguage(lang: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

/** Every catalogue of one language: the kernel's first, then the features' in order of registration. */
export function catalogues(lang: Lang) {
  return [lang === 'de' ? de : en, ...clientFeatures.map((f) => f.i18n[lang])];
}

export function initI18n(lang?: Lang): typeof i18n {
  const initial = lang ?? pickLanguage({ stored: storedLanguage(), event: null, browser: currentBrowserLanguage() });
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: {
        de: { translation: mergeCatalogues(catalogues('de')).catalogue },
        en: { translation: mergeCatalogues(catalogues('en')).catalogue },
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
