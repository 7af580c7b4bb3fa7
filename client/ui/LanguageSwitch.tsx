/** The DE/EN switch shown on every page; the choice is remembered in localStorage. */
import { useTranslation } from 'react-i18next';
import { chooseLanguage, LANGUAGES } from '../i18n/index.js';

const names = { de: 'Deutsch', en: 'English' } as const;

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang-switch" role="group" aria-label={t('common.language')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className="lang-btn"
          aria-pressed={i18n.language === lang}
          aria-label={`${lang.toUpperCase()} – ${names[lang]}`}
          // Offline, the other language's catalogue may not load: the page stays as it is.
          onClick={() => void chooseLanguage(lang).catch(() => undefined)}
        >
          {lang.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
