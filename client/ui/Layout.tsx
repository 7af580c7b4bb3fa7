/** The page frame: skip link, banner with brand and language switch, one main landmark. */
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { LanguageSwitch } from './LanguageSwitch.js';

export interface LayoutProps {
  children: ReactNode;
  /** Extra items in the banner (e.g. logout). */
  actions?: ReactNode;
  width?: 'narrow' | 'normal' | 'wide';
  theme?: 'light' | 'dark';
}

let firstPage = true;

/**
 * After a client-side navigation the clicked link is gone and focus falls back to <body>; move it to the
 * main landmark so keyboard and screen-reader users start at the new page's content. Never steal focus
 * from a field that took it on purpose (autofocus).
 */
function useFocusMainOnNavigation(): void {
  const { pathname } = useLocation();
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    const active = document.activeElement;
    if (!active || active === document.body) document.getElementById('main')?.focus();
  }, [pathname]);
}

export function Layout({ children, actions, width = 'normal', theme = 'light' }: LayoutProps) {
  const { t } = useTranslation();
  useFocusMainOnNavigation();
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
