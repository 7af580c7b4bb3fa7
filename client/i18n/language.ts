/** Which language to show: the visitor's explicit choice, else the event's language, else the browser's. */
export const LANGUAGES = ['de', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'plenum.lang';

function isLang(value: unknown): value is Lang {
  return value === 'de' || value === 'en';
}

export function storedLanguage(): Lang | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLang(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLanguage(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/** The first of the browser's preferred languages that Plenum speaks; German when unsure. */
export function browserLanguage(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'de';
}

export function pickLanguage(opts: { stored: Lang | null; event: Lang | null | undefined; browser: Lang }): Lang {
  return opts.stored ?? opts.event ?? opts.browser;
}
