/** The organizer's session: pages below /dashboard need it and send visitors without one to /login. */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import type { OrganizerInfo } from '../../shared/api.js';
import { api } from '../api/endpoints.js';
import { ApiFailure } from '../api/http.js';
import { Button } from '../ui/Button.js';
import { ErrorText } from '../ui/ErrorText.js';
import { Layout } from '../ui/Layout.js';
import { Progress } from '../ui/Progress.js';

const OrganizerContext = createContext<OrganizerInfo | null>(null);

export function useOrganizer(): OrganizerInfo {
  const me = useContext(OrganizerContext);
  if (!me) throw new Error('useOrganizer outside <RequireOrganizer>');
  return me;
}

export function RequireOrganizer({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [state, setState] = useState<{ me: OrganizerInfo } | { failure: ApiFailure } | null>(null);
  useEffect(() => {
    let live = true;
    api.me().then(
      (me) => live && setState({ me }),
      (err: unknown) => live && setState({ failure: err instanceof ApiFailure ? err : new ApiFailure(0, 'internal', String(err)) }),
    );
    return () => {
      live = false;
    };
  }, []);

  if (!state) {
    return (
      <Layout>
        <h1>{t('organizer.loadingTitle')}</h1>
        <Progress label={t('common.loading')} />
      </Layout>
    );
  }
  if ('failure' in state) {
    if (state.failure.status === 401) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
    return (
      <Layout>
        <h1>{t('common.errorTitle')}</h1>
        <ErrorText error={state.failure} />
      </Layout>
    );
  }
  return <OrganizerContext.Provider value={state.me}>{children}</OrganizerContext.Provider>;
}

/** Email and logout, for the banner of organizer pages. */
export function OrganizerActions() {
  const { t } = useTranslation();
  const me = useOrganizer();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  return (
    <>
      <span className="who">{me.email}</span>
      <Button
        size="sm"
        variant="ghost"
        busy={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await api.logout();
          } finally {
            navigate('/login');
          }
        }}
      >
        {t('organizer.logout')}
      </Button>
    </>
  );
}
