/** The page frame: skip link, banner with brand and language switch, one main landmark. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from './LanguageSwitch.js';

export interface LayoutProps {
  children: ReactNode;
  /** Extra items in the banner (e.g. logout). */
  actions?: ReactNode;
  width?: 'narrow' | 'normal' | 'wide';
  theme?: 'light' | 'dark';
}

export function Layout({ children, actions, width = 'normal', theme = 'light' }: LayoutProps) {
  const { t } = useTranslation();
  return (
    <div className={`app theme-${theme}`}>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="topbar">
        <div className={`topbar-inner width-${width}`}>
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true" />
            Plenum
          </Link>
          <div className="topbar-actions">
            {actions}
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className={`page width-${width}`}>
        {children}
      </main>
    </div>
  );
}
